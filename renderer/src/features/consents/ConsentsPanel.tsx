import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  consentKinds,
  type ConsentDecision,
  type ConsentEvent,
} from '../../../../shared/api/consents';
import type { ConsentKind } from '../../../../shared/api/patients';
import { useMay } from '../../lib/access';
import { api, unwrap } from '../../lib/api';
import { formatInstant } from '../../lib/dates';
import { consentsKeys } from './queries';
import { wholeBadge } from '../../ui/whole-badge';

const decisionColour: Record<ConsentDecision, string> = {
  given: 'teal',
  refused: 'gray',
  withdrawn: 'orange',
};

/** Each consent's current decision; every change, withdrawal included, is a new event. */
export function ConsentsPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  // The admin reads the record but writes nothing clinical: no buttons that would be refused.
  const mayRecord = useMay('consents.record');
  const client = useQueryClient();
  const [withdrawing, setWithdrawing] = useState<ConsentKind | null>(null);
  const [note, setNote] = useState('');
  const consents = useQuery({
    queryKey: consentsKeys.list(patientId),
    queryFn: () => unwrap(api.consents.list({ patientId })),
  });
  const record = useMutation({
    mutationFn: (input: { kind: ConsentKind; decision: ConsentDecision; note: string }) =>
      unwrap(api.consents.record({ patientId, ...input })),
    onSuccess: async () => {
      setWithdrawing(null);
      setNote('');
      await client.invalidateQueries({ queryKey: consentsKeys.list(patientId) });
    },
  });
  const current = new Map<ConsentKind, ConsentEvent>(
    (consents.data?.current ?? []).map((c) => [c.kind, c]),
  );
  return (
    <Paper withBorder p="md" component="section" aria-label={t('consents.title')}>
      <Title order={3} size="h5" mb="xs">
        {t('consents.title')}
      </Title>
      {record.isError && !withdrawing ? (
        <Alert color="red" role="alert" mb="xs">
          {record.error.message}
        </Alert>
      ) : null}
      <Stack gap="sm">
        {consentKinds.map((kind) => {
          const event = current.get(kind);
          const label = t(`consents.kinds.${kind}`);
          return (
            <Group key={kind} justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {label}
                </Text>
                {event ? (
                  <Text size="xs" c="dimmed">
                    {t('consents.recorded', {
                      decision: t(`consents.decisions.${event.decision}`),
                      when: formatInstant(event.recordedAt),
                      by: event.recordedBy,
                    })}
                    {event.note ? ` — ${event.note}` : ''}
                  </Text>
                ) : null}
              </Stack>
              <Group gap={6} wrap="nowrap">
                <Badge
                  color={event ? decisionColour[event.decision] : 'gray'}
                  variant="light"
                  style={wholeBadge}
                >
                  {t(`consents.decisions.${event?.decision ?? 'none'}`)}
                </Badge>
                {!mayRecord ? null : event?.decision === 'given' ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="orange"
                    aria-label={`${t('consents.withdraw')}: ${label}`}
                    onClick={() => setWithdrawing(kind)}
                  >
                    {t('consents.withdraw')}
                  </Button>
                ) : (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={`${t('consents.give')}: ${label}`}
                    loading={record.isPending && record.variables.kind === kind}
                    onClick={() => record.mutate({ kind, decision: 'given', note: '' })}
                  >
                    {t('consents.give')}
                  </Button>
                )}
              </Group>
            </Group>
          );
        })}
      </Stack>
      <Modal
        opened={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        title={t('consents.withdrawTitle', {
          kind: withdrawing ? t(`consents.kinds.${withdrawing}`) : '',
        })}
      >
        <Stack>
          <Text size="sm">{t('consents.withdrawBody')}</Text>
          <Textarea
            label={t('consents.note')}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {record.isError ? (
            <Alert color="red" role="alert">
              {record.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWithdrawing(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={record.isPending}
              onClick={() =>
                withdrawing && record.mutate({ kind: withdrawing, decision: 'withdrawn', note })
              }
            >
              {t('consents.withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
