import { Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reminderStatuses, type Reminder } from '../../../../shared/api/reminders';
import { api, unwrap } from '../../lib/api';
import { formatDay, formatWallClockTime, formatWith } from '../../lib/dates';
import { downloadText } from '../../lib/download';
import { isolated } from '../../lib/ui-language';
import { FormError } from '../../ui/FormError';
import { remindersKeys } from './queries';
import { reminderDetailText } from './reminder-detail';

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
  // The note is kept as its catalogue key and count, worded at render time: a language switch
  // after an export rewords it (a sentence kept as text stayed in the language it was made in).
  const [note, setNote] = useState<{
    key: 'sending' | 'noSms' | 'smsExported';
    count?: number;
  } | null>(null);
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
      setNote({ key: 'sending' });
    });
  const exportSms = () =>
    act(async () => {
      const file = await unwrap(api.reminders.exportSms({}));
      if (file.count === 0) {
        setNote({ key: 'noSms' });
        return;
      }
      downloadText(file.fileName, file.csv);
      downloadText(file.fileName.replace(/\.csv$/, '.json'), file.json, 'application/json');
      setNote({ key: 'smsExported', count: file.count });
    });
  const retry = (id: string) =>
    act(async () => {
      await unwrap(api.reminders.retry({ id }));
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
          {t(`reminders.log.${note.key}`, { count: note.count })}
        </Text>
      ) : null}
      {log.data && log.data.length === 0 ? (
        <Text c="dimmed">{t('reminders.log.empty')}</Text>
      ) : null}
      {log.data && log.data.length > 0 ? (
        // Three columns, so a 700 px window shows every one: the reminder's kind under the
        // patient; why it was not sent, and its retry, under its status.
        <Table striped aria-label={t('reminders.log.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reminders.log.patient')}</Table.Th>
              <Table.Th>{t('reminders.log.appointment')}</Table.Th>
              <Table.Th>{t('reminders.log.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data.map((r) => (
              <ReminderRow key={r.id} reminder={r} onRetry={retry} />
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

/**
 * A status badge that wraps between its words instead of cutting one ("WAITI…"): its column may
 * be as narrow as its longest word, as in a 700 px window or in Arabic.
 */
const wrappingBadge = {
  root: { height: 'auto', minHeight: 'var(--badge-height)', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3 },
} as const;

function ReminderRow({
  reminder: r,
  onRetry,
}: {
  reminder: Reminder;
  onRetry: (id: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="reminder-row">
      <Table.Td>
        {r.patientName}
        <Text size="xs" c="dimmed">
          {/* Isolated: in Arabic a phone number's groups would otherwise run right to left. */}
          {isolated(r.recipient ?? r.clinicNumber)}
        </Text>
        <Text size="xs">
          {t(`reminders.kind.${r.kind}`)} · {t(`reminders.channel.${r.channel}`)}
        </Text>
      </Table.Td>
      <Table.Td data-testid="reminder-when">
        {r.startsAt ? (
          // The day and its time each kept whole, one under the other ("2:30 / PM" no more).
          <>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDay(r.startsAt.slice(0, 10))}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatWallClockTime(r.startsAt)}
            </Text>
          </>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        <Badge
          color={statusColour[r.status]}
          variant="light"
          styles={wrappingBadge}
          data-testid="reminder-status"
        >
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
        {/* A mail server's error holds long unbroken words (addresses, codes): they wrap. */}
        {r.detail ? (
          <Text size="xs" mt={4} style={{ overflowWrap: 'anywhere' }}>
            {reminderDetailText(r.detail)}
          </Text>
        ) : null}
        {r.status === 'failed' ? (
          <Button
            size="xs"
            variant="light"
            mt={4}
            aria-label={t('reminders.log.retryFor', { name: r.patientName })}
            onClick={() => void onRetry(r.id)}
          >
            {t('reminders.log.retry')}
          </Button>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
