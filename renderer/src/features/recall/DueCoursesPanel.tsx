import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueCourse } from '../../../../shared/api/recall';
import { api, unwrap } from '../../lib/api';
import { formatDay, formatInstant } from '../../lib/dates';
import { isolated } from '../../lib/ui-language';
import { BookCourseDialog } from '../appointments';
import { remindersKeys } from '../reminders';

export const dueCoursesKey = ['recall', 'due'] as const;

/**
 * Courses due or overdue with nothing booked: the front desk books the remaining sessions in one
 * click, or sends a reminder on a channel the patient consented to.
 */
export function DueCoursesPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [show, setShow] = useState<'due' | 'overdue'>('due');
  const [query, setQuery] = useState('');
  const [booking, setBooking] = useState<DueCourse | null>(null);
  const [notReminded, setNotReminded] = useState(false);
  // A booking or a reminder made for the patient(s) in view; another filter clears it.
  // Kept as its catalogue key and values, worded at render time so a language switch rewords it.
  const [note, setNote] = useState<{
    key: 'reminderQueued' | 'booked';
    name: string;
    count?: number;
  } | null>(null);
  // Per course: why the service refused a reminder, shown in that course's row.
  const [refused, setRefused] = useState<Record<string, string>>({});
  const due = useQuery({
    queryKey: [...dueCoursesKey, show, query, notReminded],
    queryFn: () => unwrap(api.recall.due({ show, query, notReminded, withinDays: 14 })),
    // Each row carries its course's latest reminder from the queue; read again while one waits
    // so 'Waiting' turns into 'Sent' (or 'Failed') on its own.
    refetchInterval: (q) =>
      (q.state.data ?? []).some((r) => r.lastReminder?.status === 'queued') ? 5_000 : false,
  });
  const filterChanged = () => {
    setNote(null);
    setRefused({});
  };
  const remind = async (row: DueCourse, channel: 'email' | 'sms') => {
    setNote(null);
    setRefused(({ [row.courseId]: _, ...rest }) => rest);
    try {
      await unwrap(api.reminders.recall({ courseId: row.courseId, channel }));
      setNote({ key: 'reminderQueued', name: row.patientName });
      await Promise.all([
        client.invalidateQueries({ queryKey: dueCoursesKey }),
        client.invalidateQueries({ queryKey: remindersKeys.all }),
      ]);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setRefused((m) => ({ ...m, [row.courseId]: message }));
    }
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('dueCourses.help')}
      </Text>
      <Group align="flex-end">
        <SegmentedControl
          aria-label={t('dueCourses.show')}
          value={show}
          onChange={(v) => {
            setShow(v as 'due' | 'overdue');
            filterChanged();
          }}
          data={[
            { value: 'due', label: t('dueCourses.dueSoon') },
            { value: 'overdue', label: t('dueCourses.overdueOnly') },
          ]}
        />
        <TextInput
          label={t('dueCourses.filter')}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            filterChanged();
          }}
          w={260}
        />
        <Checkbox
          label={t('dueCourses.notReminded')}
          checked={notReminded}
          onChange={(e) => {
            setNotReminded(e.currentTarget.checked);
            filterChanged();
          }}
          mb={8}
        />
      </Group>
      {note ? (
        <Text role="status" size="sm">
          {t(`dueCourses.${note.key}`, { name: note.name, count: note.count })}
        </Text>
      ) : null}
      {due.data && due.data.length === 0 ? (
        <Text c="dimmed">
          {t(notReminded ? 'dueCourses.emptyNotReminded' : 'dueCourses.empty')}
        </Text>
      ) : null}
      {due.data && due.data.length > 0 ? (
        <Table striped aria-label={t('dueCourses.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dueCourses.patient')}</Table.Th>
              <Table.Th>{t('dueCourses.course')}</Table.Th>
              <Table.Th>{t('dueCourses.due')}</Table.Th>
              <Table.Th>{t('dueCourses.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {due.data.map((row) => {
              const last = row.lastReminder;
              return (
                <Table.Tr key={row.courseId} data-testid="due-course">
                  <Table.Td>
                    {row.patientName}
                    {/* Isolated, as in the reminders log: in Arabic the phone's digit groups
                        would otherwise run right to left with the clinic number's. */}
                    <Text size="xs" c="dimmed" data-testid="due-course-contact">
                      {isolated(row.clinicNumber)} · {isolated(row.phone)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {t(`indications.${row.indication}`, { defaultValue: row.indication })}
                    <Text size="xs" c="dimmed">
                      {t('dueCourses.progress', {
                        logged: row.logged,
                        planned: row.planned,
                        days: row.intervalDays,
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {formatDay(row.dueOn)}{' '}
                    {row.overdue ? (
                      <Badge color="red" variant="light">
                        {t('dueCourses.overdue')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Button
                        size="xs"
                        aria-label={t('dueCourses.bookFor', { name: row.patientName })}
                        onClick={() => setBooking(row)}
                      >
                        {t('dueCourses.book')}
                      </Button>
                      {(['email', 'sms'] as const).map((channel) => (
                        <Button
                          key={channel}
                          size="xs"
                          variant="light"
                          disabled={!row.channels.includes(channel)}
                          aria-describedby={
                            row.channels.includes(channel)
                              ? undefined
                              : `no-consent-${row.courseId}-${channel}`
                          }
                          aria-label={t(`dueCourses.remindBy.${channel}`, {
                            name: row.patientName,
                          })}
                          onClick={() => void remind(row, channel)}
                        >
                          {t(`dueCourses.remind.${channel}`)}
                        </Button>
                      ))}
                    </Group>
                    {/* Why a channel's button is greyed: the service refuses it for the same
                      reason, in the same words; the desk calls instead. */}
                    {(['email', 'sms'] as const)
                      .filter((channel) => !row.channels.includes(channel))
                      .map((channel) => (
                        <Text
                          key={channel}
                          id={`no-consent-${row.courseId}-${channel}`}
                          size="xs"
                          c="dimmed"
                          mt={4}
                        >
                          {t(`errors.reminders.noConsent.${channel}`)}
                        </Text>
                      ))}
                    {last ? (
                      <Group gap={6} mt={4} wrap="wrap">
                        <Text
                          size="xs"
                          c={last.status === 'failed' ? 'red' : undefined}
                          data-testid="due-course-reminder"
                        >
                          {t(`dueCourses.reminderState.${last.channel}`, {
                            status: t(`reminders.status.${last.status}`),
                          })}
                        </Text>
                        <Text size="xs" c="dimmed" data-testid="due-course-reminder-at">
                          {formatInstant(last.at)}
                        </Text>
                      </Group>
                    ) : null}
                    {refused[row.courseId] ? (
                      <Alert color="red" role="alert" p="xs" mt={4}>
                        {refused[row.courseId]}
                      </Alert>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
      <BookCourseDialog
        courseId={booking?.courseId ?? null}
        patientName={booking?.patientName ?? ''}
        onClose={() => setBooking(null)}
        onBooked={(count) => {
          setNote({ key: 'booked', count, name: booking?.patientName ?? '' });
          void client.invalidateQueries({ queryKey: dueCoursesKey });
        }}
      />
    </Stack>
  );
}
