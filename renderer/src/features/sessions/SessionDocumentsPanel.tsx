import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api';
import { formatDay } from '../../lib/dates';
import { useSessionDocument, type SessionDocumentKind } from '../documents';
import { sessionsKeys } from './queries';

/** Aftercare sheet and session summary, made from a signed session the user chooses. */
export function SessionDocumentsPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const sessions = useQuery({
    queryKey: sessionsKeys.list(patientId),
    queryFn: () => unwrap(api.sessions.list({ patientId })),
  });
  const signed = (sessions.data ?? []).filter((s) => s.status === 'signed');
  const [choice, setChoice] = useState<string | null>(null);
  const sessionId = choice ?? signed[0]?.id ?? null;
  const make = useSessionDocument(patientId);
  const run = (kind: SessionDocumentKind) => {
    if (!sessionId) return;
    make.mutate(
      { kind, sessionId },
      {
        onSuccess: () =>
          notifications.show({ message: t('documents.aftercare.done'), color: 'teal' }),
      },
    );
  };
  const busy = make.isPending ? make.variables.kind : null;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('documents.aftercare.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('documents.aftercare.help')}
        </Text>
        {sessions.isError ? (
          <Alert color="red" role="alert">
            {sessions.error.message}
          </Alert>
        ) : null}
        {sessions.data && signed.length === 0 ? (
          <Text size="sm">{t('documents.aftercare.none')}</Text>
        ) : null}
        {signed.length > 0 ? (
          <Group align="flex-end">
            <Select
              label={t('documents.aftercare.session')}
              data={signed.map((s) => ({
                value: s.id,
                label: t('documents.aftercare.sessionOption', {
                  date: formatDay(s.performedOn),
                  areas: s.areas.map((a) => t(`treatmentAreas.${a}`)).join(', '),
                  practitioner: s.practitionerName,
                }),
              }))}
              value={sessionId}
              onChange={(v) => setChoice(v)}
              allowDeselect={false}
              w={420}
            />
            <Button
              onClick={() => run('aftercare')}
              loading={busy === 'aftercare'}
              disabled={busy !== null}
            >
              {t('documents.aftercare.generateAftercare')}
            </Button>
            <Button
              variant="light"
              onClick={() => run('session-summary')}
              loading={busy === 'session-summary'}
              disabled={busy !== null}
            >
              {t('documents.aftercare.generateSummary')}
            </Button>
          </Group>
        ) : null}
        {make.isError ? (
          <Alert color="red" role="alert">
            {make.error.message}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
