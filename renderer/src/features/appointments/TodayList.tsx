import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TodayEntry } from '../../../../shared/api/appointments';
import type { StaffUser } from '../../../../shared/api/staff';
import { timeOf } from '../../../../shared/appointments/diary-time';
import { api, unwrap } from '../../lib/api';
import { FormError } from '../../ui/FormError';
import { appointmentsKeys } from './queries';

function Needs({ entry }: { entry: TodayEntry }) {
  const { t } = useTranslation();
  const needs: string[] = [];
  if (entry.history === 'missing') needs.push(t('todayList.historyMissing'));
  if (entry.history === 'to-update') needs.push(t('todayList.historyToUpdate'));
  if (entry.consent === 'none') needs.push(t('todayList.consentNone'));
  if (entry.consent === 'needs-attention') needs.push(t('todayList.consentAttention'));
  if (entry.consent === 'awaiting-practitioner') needs.push(t('todayList.consentAwaiting'));
  return (
    <Group gap={4}>
      {needs.length === 0 ? (
        <Badge color="green" variant="dot">
          {t('todayList.ready')}
        </Badge>
      ) : (
        needs.map((n) => (
          <Badge key={n} color="orange" variant="dot">
            {n}
          </Badge>
        ))
      )}
      {entry.course ? (
        <Text size="xs" c="dimmed">
          {t('todayList.courseBalance', entry.course)}
        </Text>
      ) : null}
    </Group>
  );
}

/**
 * The day's visits in time order. Reception sees everyone's and marks arrivals; a practitioner
 * sees her own (the service filters) and opens the check from the row.
 */
export function TodayList({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const list = useQuery({
    queryKey: appointmentsKeys.today,
    queryFn: () => unwrap(api.appointments.today({})),
    // Another desk's bookings and arrivals arrive through the change feed (lib/change-feed.ts),
    // not by polling: every read is audited, and a poll would log one every half minute.
  });
  const arrive = async (entry: TodayEntry) => {
    setError(null);
    try {
      await unwrap(api.appointments.setStatus({ id: entry.appointment.id, status: 'arrived' }));
      await client.invalidateQueries({ queryKey: appointmentsKeys.all });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const entries = (list.data ?? []).filter((e) => e.appointment.status !== 'no-show');
  const practitioner = user.role === 'practitioner';
  return (
    <Stack>
      <Title order={3}>{practitioner ? t('todayList.mine') : t('todayList.title')}</Title>
      <FormError message={error} />
      {list.data && entries.length === 0 ? <Text c="dimmed">{t('todayList.empty')}</Text> : null}
      {entries.length > 0 ? (
        <Table striped aria-label={practitioner ? t('todayList.mine') : t('todayList.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('todayList.time')}</Table.Th>
              <Table.Th>{t('todayList.patient')}</Table.Th>
              {practitioner ? null : <Table.Th>{t('todayList.practitioner')}</Table.Th>}
              <Table.Th>{t('todayList.needs')}</Table.Th>
              <Table.Th>{t('todayList.status')}</Table.Th>
              <Table.Th>{t('todayList.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => {
              const a = entry.appointment;
              return (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    {timeOf(a.startsAt)}–{timeOf(a.endsAt)}
                  </Table.Td>
                  <Table.Td>
                    {a.patientName}
                    <Text size="xs" c="dimmed">
                      {a.clinicNumber}
                    </Text>
                  </Table.Td>
                  {practitioner ? null : <Table.Td>{a.practitionerName}</Table.Td>}
                  <Table.Td>
                    <Needs entry={entry} />
                  </Table.Td>
                  <Table.Td>{t(`diary.status.${a.status}`)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {a.status === 'booked' ? (
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={t('todayList.markArrived', { name: a.patientName })}
                          onClick={() => void arrive(entry)}
                        >
                          {t('todayList.markArrivedShort')}
                        </Button>
                      ) : null}
                      {practitioner ? (
                        <Button
                          size="xs"
                          component={Link}
                          // A course's visit opens the check of that course, so the session counts in it.
                          to={
                            a.courseId
                              ? `/patients/${a.patientId}/check?course=${a.courseId}`
                              : `/patients/${a.patientId}/check`
                          }
                          aria-label={t('todayList.openCheckFor', { name: a.patientName })}
                        >
                          {t('todayList.openCheck')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
