import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TodayEntry } from '../../../../shared/api/appointments';
import type { StaffUser } from '../../../../shared/api/staff';
import { occupying } from '../../../../shared/appointments/diary-rules';
import { timeOf } from '../../../../shared/appointments/diary-time';
import { api, unwrap } from '../../lib/api';
import { FormError } from '../../ui/FormError';
import { AppointmentStatusDialog } from './AppointmentStatusDialog';
import { TodayActions } from './TodayActions';
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

/** The day's cancelled and missed visits, each with the reason given, below the live list. */
function ClosedVisits({ entries }: { entries: readonly TodayEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={4}>{t('todayList.closedTitle')}</Title>
      <Table aria-label={t('todayList.closedTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('todayList.time')}</Table.Th>
            <Table.Th>{t('todayList.patient')}</Table.Th>
            <Table.Th>{t('todayList.status')}</Table.Th>
            <Table.Th>{t('todayList.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map(({ appointment: a }) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                {timeOf(a.startsAt)}–{timeOf(a.endsAt)}
              </Table.Td>
              <Table.Td>{a.patientName}</Table.Td>
              <Table.Td>{t(`diary.status.${a.status}`)}</Table.Td>
              <Table.Td>{a.statusReason ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/**
 * The day's visits in time order. Reception sees everyone's, marks arrivals and hands the tablet
 * for a history; a practitioner sees her own (the service filters) and opens the check from the
 * row. Cancelled and missed visits stay on the page with their reason, below the others.
 */
export function TodayList({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: appointmentsKeys.today,
    queryFn: () => unwrap(api.appointments.today({})),
    // Another desk's bookings and arrivals arrive through the change feed (lib/change-feed.ts),
    // not by polling: every read is audited, and a poll would log one every half minute.
  });
  const all = list.data ?? [];
  const entries = all.filter((e) => occupying(e.appointment.status));
  const closed = all.filter((e) => !occupying(e.appointment.status));
  const practitioner = user.role === 'practitioner';
  const label = practitioner ? t('todayList.mine') : t('todayList.title');
  return (
    <Stack>
      <Title order={3}>{label}</Title>
      <FormError message={error} />
      {list.data && entries.length === 0 ? <Text c="dimmed">{t('todayList.empty')}</Text> : null}
      {entries.length > 0 ? (
        <Table striped aria-label={label}>
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
                    <TodayActions
                      entry={entry}
                      practitioner={practitioner}
                      onStatus={setOpenId}
                      onError={setError}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
      <ClosedVisits entries={closed} />
      <AppointmentStatusDialog
        appointment={all.find((e) => e.appointment.id === openId)?.appointment ?? null}
        onClose={() => setOpenId(null)}
      />
    </Stack>
  );
}
