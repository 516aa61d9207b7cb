import {
  Badge,
  Button,
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
import { formatDay } from '../../lib/dates';
import { FormError } from '../../ui/FormError';
import { BookCourseDialog } from '../appointments';

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
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const due = useQuery({
    queryKey: [...dueCoursesKey, show, query],
    queryFn: () => unwrap(api.recall.due({ show, query, withinDays: 14 })),
  });
  const remind = async (row: DueCourse, channel: 'email' | 'sms') => {
    setError(null);
    setNote(null);
    try {
      await unwrap(api.reminders.recall({ courseId: row.courseId, channel }));
      setNote(t('dueCourses.reminderQueued', { name: row.patientName }));
      await client.invalidateQueries({ queryKey: ['reminders'] });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
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
          onChange={(v) => setShow(v as 'due' | 'overdue')}
          data={[
            { value: 'due', label: t('dueCourses.dueSoon') },
            { value: 'overdue', label: t('dueCourses.overdueOnly') },
          ]}
        />
        <TextInput
          label={t('dueCourses.filter')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={260}
        />
      </Group>
      <FormError message={error} />
      {note ? (
        <Text role="status" size="sm">
          {note}
        </Text>
      ) : null}
      {due.data && due.data.length === 0 ? <Text c="dimmed">{t('dueCourses.empty')}</Text> : null}
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
            {due.data.map((row) => (
              <Table.Tr key={row.courseId} data-testid="due-course">
                <Table.Td>
                  {row.patientName}
                  <Text size="xs" c="dimmed">
                    {row.clinicNumber} · {row.phone}
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
                        title={
                          row.channels.includes(channel) ? undefined : t('dueCourses.noConsent')
                        }
                        aria-label={t(`dueCourses.remindBy.${channel}`, { name: row.patientName })}
                        onClick={() => void remind(row, channel)}
                      >
                        {t(`dueCourses.remind.${channel}`)}
                      </Button>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <BookCourseDialog
        courseId={booking?.courseId ?? null}
        patientName={booking?.patientName ?? ''}
        onClose={() => setBooking(null)}
        onBooked={(count) => {
          setNote(t('dueCourses.booked', { count, name: booking?.patientName ?? '' }));
          void client.invalidateQueries({ queryKey: dueCoursesKey });
        }}
      />
    </Stack>
  );
}
