import { Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reminderStatuses, type Reminder } from '../../../../shared/api/reminders';
import { api, unwrap } from '../../lib/api';
import { formatWith } from '../../lib/dates';
import { downloadText } from '../../lib/download';
import { FormError } from '../../ui/FormError';
import { remindersKeys } from './queries';

const statusColour: Record<Reminder['status'], string> = {
  queued: 'blue',
  sent: 'teal',
  failed: 'red',
  skipped: 'gray',
  'handed-off': 'grape',
  obsolete: 'gray',
};

/** What was sent, skipped, failed or waits: the clinic's log of reminders, with retry and export. */
export function RemindersPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [status, setStatus] = useState<string>('all');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const log = useQuery({
    queryKey: remindersKeys.log(status),
    queryFn: () =>
      unwrap(api.reminders.log(status === 'all' ? {} : { status: status as Reminder['status'] })),
    refetchInterval: 5_000,
  });
  const act = async (fn: () => Promise<void>) => {
    setError(null);
    setNote(null);
    try {
      await fn();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    await client.invalidateQueries({ queryKey: remindersKeys.all });
  };
  const sendNow = () =>
    act(async () => {
      await unwrap(api.reminders.sendNow({}));
      setNote(t('reminders.log.sending'));
    });
  const exportSms = () =>
    act(async () => {
      const file = await unwrap(api.reminders.exportSms({}));
      if (file.count === 0) {
        setNote(t('reminders.log.noSms'));
        return;
      }
      downloadText(file.fileName, file.csv);
      downloadText(file.fileName.replace(/\.csv$/, '.json'), file.json, 'application/json');
      setNote(t('reminders.log.smsExported', { count: file.count }));
    });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('reminders.log.title')}</Title>
        <Group>
          <Button variant="light" onClick={() => void exportSms()}>
            {t('reminders.log.exportSms')}
          </Button>
          <Button onClick={() => void sendNow()}>{t('reminders.log.sendNow')}</Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('reminders.log.help')}
      </Text>
      <Select
        label={t('reminders.log.filter')}
        w={220}
        value={status}
        onChange={(v) => setStatus(v ?? 'all')}
        allowDeselect={false}
        data={[
          { value: 'all', label: t('reminders.log.all') },
          ...reminderStatuses.map((s) => ({ value: s, label: t(`reminders.status.${s}`) })),
        ]}
      />
      <FormError message={error} />
      {note ? (
        <Text role="status" size="sm">
          {note}
        </Text>
      ) : null}
      {log.data && log.data.length === 0 ? (
        <Text c="dimmed">{t('reminders.log.empty')}</Text>
      ) : null}
      {log.data && log.data.length > 0 ? (
        <Table striped aria-label={t('reminders.log.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reminders.log.patient')}</Table.Th>
              <Table.Th>{t('reminders.log.kind')}</Table.Th>
              <Table.Th>{t('reminders.log.appointment')}</Table.Th>
              <Table.Th>{t('reminders.log.status')}</Table.Th>
              <Table.Th>{t('reminders.log.detail')}</Table.Th>
              <Table.Th>{t('reminders.log.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data.map((r) => (
              <Table.Tr key={r.id} data-testid="reminder-row">
                <Table.Td>
                  {r.patientName}
                  <Text size="xs" c="dimmed">
                    {r.recipient ?? r.clinicNumber}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {t(`reminders.kind.${r.kind}`)} · {t(`reminders.channel.${r.channel}`)}
                </Table.Td>
                <Table.Td>{r.startsAt?.replace('T', ' ') ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge color={statusColour[r.status]} variant="light">
                    {t(`reminders.status.${r.status}`)}
                  </Badge>
                  {r.attempts > 1 || (r.status === 'queued' && r.attempts > 0) ? (
                    <Text size="xs" c="dimmed">
                      {t('reminders.log.attempts', { count: r.attempts })}
                    </Text>
                  ) : null}
                  {r.status === 'queued' && r.attempts > 0 ? (
                    // A send the server refused waits for its retry: the desk sees when it comes.
                    <Text size="xs" c="dimmed">
                      {t('reminders.log.nextTry', {
                        time: formatWith(new Date(r.nextAttemptAt), {
                          hour: '2-digit',
                          minute: '2-digit',
                          hourCycle: 'h23',
                        }),
                      })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{r.detail ?? ''}</Text>
                </Table.Td>
                <Table.Td>
                  {r.status === 'failed' ? (
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={t('reminders.log.retryFor', { name: r.patientName })}
                      onClick={() =>
                        void act(async () => {
                          await unwrap(api.reminders.retry({ id: r.id }));
                        })
                      }
                    >
                      {t('reminders.log.retry')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
