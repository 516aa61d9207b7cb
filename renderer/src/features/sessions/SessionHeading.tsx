import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TreatmentSession } from '../../../../shared/api/sessions';
import { formatDay } from '../../lib/dates';

export function SessionHeading({ session }: { session: TreatmentSession }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Group gap="sm">
        <Title order={2}>{t('sessions.title', { date: formatDay(session.performedOn) })}</Title>
        <Badge color={session.status === 'signed' ? 'teal' : 'gray'} variant="light">
          {t(`sessions.status.${session.status}`)}
        </Badge>
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
