import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { needsNewCheck, type GateItem } from '../../lib/safety-gate';

/**
 * Why the service refused to start or sign, one line per missing item with the one action that
 * fixes it: a new check, the consent, or an override of an allergy match.
 */
export function GatePanel({
  moment,
  items,
  onNewCheck,
  onConsent,
  onAllergy,
}: {
  moment: 'start' | 'sign';
  items: GateItem[];
  onNewCheck: () => void;
  onConsent: () => void;
  onAllergy?: (index: number) => void;
}) {
  const { t } = useTranslation();
  // One "new check" button however many check items there are: one check fixes them all.
  const firstCheck = items.findIndex(needsNewCheck);
  return (
    <Alert
      color="red"
      role="alert"
      title={t(`gate.title.${moment}`)}
      data-testid="safety-gate"
      aria-label={t(`gate.title.${moment}`)}
    >
      <List spacing={6} size="sm">
        {items.map((item, i) => (
          <List.Item key={`${item.kind}-${i}`} data-testid={`gate-${item.kind}`}>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm">
                <Text span fw={700}>
                  {t(`gate.kinds.${item.kind}`)}
                </Text>{' '}
                {item.message}
              </Text>
              {i === firstCheck ? (
                <Button size="xs" onClick={onNewCheck}>
                  {t('gate.newCheck')}
                </Button>
              ) : null}
              {item.kind === 'consent' ? (
                <Button size="xs" onClick={onConsent}>
                  {t('gate.consent')}
                </Button>
              ) : null}
              {item.kind === 'allergy' && onAllergy ? (
                <Button size="xs" color="red" onClick={() => onAllergy(item.index)}>
                  {t('gate.override')}
                </Button>
              ) : null}
            </Group>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
