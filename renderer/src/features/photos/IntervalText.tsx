import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Photo } from '../../../../shared/api/photos';
import { intervalParts } from '../../../../shared/photos/photo-dates';

/**
 * How far apart the two photos were taken, from their confirmed dates. A camera date nobody
 * confirmed gives no interval: a wrong "3 years apart" is worse than none.
 */
export function IntervalText({ first, second }: { first: Photo; second: Photo }) {
  const { t } = useTranslation();
  if (first.dateCheck === 'unconfirmed' || second.dateCheck === 'unconfirmed') {
    return (
      <Text size="sm" c="orange.9" data-testid="compare-interval">
        {t('photos.compareView.intervalUnconfirmed')}
      </Text>
    );
  }
  const { unit, count } = intervalParts(first.takenAt, second.takenAt);
  return (
    <Text size="sm" fw={600} data-testid="compare-interval">
      {t(`photos.compareView.intervalApart.${unit}`, { count })}
    </Text>
  );
}
