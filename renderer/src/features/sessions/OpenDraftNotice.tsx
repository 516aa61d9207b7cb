import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionSummary } from '../../../../shared/api/sessions';
import { formatDay } from '../../lib/dates';

/**
 * A draft left unsigned (the practitioner was called away, the day ended) is easy to forget and
 * blocks the next session: it is named at the top of the chart with a way back into it.
 */
export function OpenDraftNotice({
  patientId,
  sessions,
}: {
  patientId: string;
  sessions: SessionSummary[];
}) {
  const { t } = useTranslation();
  const drafts = sessions.filter((s) => s.status === 'draft');
  if (drafts.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title={t('sessions.openDraftTitle')}>
      <Stack gap="xs">
        {drafts.map((d) => (
          <Group key={d.id} justify="space-between" data-testid="open-draft">
            <Text size="sm">
              {t('sessions.openDraftLine', {
                date: formatDay(d.performedOn),
                name: d.practitionerName,
              })}
            </Text>
            <Button
              component={Link}
              to={`/patients/${patientId}/sessions/${d.id}`}
              size="xs"
              variant="default"
            >
              {t('sessions.openDraft')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
