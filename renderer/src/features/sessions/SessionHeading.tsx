import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TreatmentSession } from '../../../../shared/api/sessions';
import { formatDay } from '../../lib/dates';
import { useArrivalFocus } from '../../lib/focus';
import { SessionStatusBadge } from './SessionStatusBadge';

export function SessionHeading({ session }: { session: TreatmentSession }) {
  const { t } = useTranslation();
  const arrival = useArrivalFocus();
  return (
    <Stack gap={2}>
      <Group gap="sm">
        <Title order={2} ref={arrival} tabIndex={-1}>
          {t('sessions.title', { date: formatDay(session.performedOn) })}
        </Title>
        <SessionStatusBadge status={session.status} />
      </Group>
      <Text size="sm" c="dimmed">
        {session.courseNumber !== null
          ? t('sessions.ofCourse', {
              n: session.courseNumber,
              total: session.coursePlanned,
              name: session.practitionerName,
            })
          : t('sessions.byPractitioner', { name: session.practitionerName })}
      </Text>
    </Stack>
  );
}
