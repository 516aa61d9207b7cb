import { Alert, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../shared/api/appointments';
import {
  addDaysToDate,
  wallClockOf,
  weekdayIndex,
} from '../../../../shared/appointments/diary-time';
import { api, ApiFailure, unwrap } from '../../lib/api';
import { AppointmentForm } from './AppointmentForm';
import { AppointmentStatusDialog } from './AppointmentStatusDialog';
import { DiaryCalendar, type DiaryView } from './DiaryCalendar';
import { appointmentsKeys } from './queries';
import { closedSpans, practitionerResource, roomResource } from './diary-events';

/**
 * The Monday-to-Sunday week around the days the calendar shows. Every view loads the whole
 * week, so going from day to week to rooms neither asks the services again nor hands the
 * calendar a new list of events.
 */
function weekAround(from: string, to: string): { from: string; to: string } {
  const monday = addDaysToDate(from, -weekdayIndex(from));
  const sunday = addDaysToDate(to, 6 - weekdayIndex(to));
  return { from: monday, to: sunday };
}

/** The clinic's diary: day, week, and rooms or practitioners side by side. */
export function DiaryPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const today = wallClockOf(new Date()).slice(0, 10);
  const [view, setView] = useState<DiaryView>('week');
  const [range, setRange] = useState(() => weekAround(today, today));
  // The first day on screen: a new booking starts there (not on the loaded week's Monday).
  const [shownFrom, setShownFrom] = useState(today);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const settings = useQuery({
    queryKey: appointmentsKeys.settings,
    queryFn: () => unwrap(api.appointments.settings({})),
  });
  const practitioners = useQuery({
    queryKey: appointmentsKeys.practitioners,
    queryFn: () => unwrap(api.appointments.practitioners({})),
  });
  const appointments = useQuery({
    queryKey: appointmentsKeys.range(range.from, range.to),
    queryFn: () => unwrap(api.appointments.list(range)),
  });

  const roomColumns = useMemo(
    () => (settings.data?.rooms ?? []).map((r) => ({ id: roomResource(r.id), title: r.name })),
    [settings.data],
  );
  const practitionerColumns = useMemo(
    () =>
      (practitioners.data ?? []).map((p) => ({
        id: practitionerResource(p.id),
        title: p.displayName,
      })),
    [practitioners.data],
  );
  const resources = view === 'practitioners' ? practitionerColumns : roomColumns;
  const allResourceIds = useMemo(
    () => [...roomColumns, ...practitionerColumns].map((r) => r.id),
    [roomColumns, practitionerColumns],
  );
  const closed = useMemo(
    () => (settings.data ? closedSpans(settings.data.week, range.from, range.to) : []),
    [settings.data, range],
  );
  const rooms = useMemo(
    () => new Map((settings.data?.rooms ?? []).map((r) => [r.id, r.name])),
    [settings.data],
  );
  // A visit under way says so in the diary too (a booked one says nothing: most are). The
  // titles change only between the practitioners view and the others, so the day, week and
  // rooms views share one list of events.
  const byPractitioner = view === 'practitioners';
  const title = useCallback(
    (a: Appointment) =>
      [
        a.patientName,
        byPractitioner ? (rooms.get(a.roomId) ?? a.roomId) : a.practitionerName,
        ...(a.status === 'booked' ? [] : [t(`diary.status.${a.status}`)]),
      ].join(' · '),
    [byPractitioner, rooms, t],
  );
  const onRange = useCallback((from: string, to: string) => {
    setShownFrom(from);
    const week = weekAround(from, to);
    // Same week: keep the state (and the events handed to the calendar) as they are.
    setRange((old) => (old.from === week.from && old.to === week.to ? old : week));
  }, []);
  const openRooms = useCallback(() => setView('rooms'), []);
  const onMove = useCallback(
    async (
      id: string,
      startsAt: string,
      target: { roomId: string } | { practitionerId: string } | null,
    ) => {
      const result = await api.appointments.move({ id, startsAt, ...target });
      if (result.ok) {
        setMessage({ ok: true, text: t('diary.moved', { when: startsAt.replace('T', ' ') }) });
      } else {
        const text = new ApiFailure(result.error).message;
        // Outside opening hours a move needs a reason, which a drag cannot give: say where to.
        const key = result.error.fields?.hoursOverride
          ? 'diary.moveNeedsReason'
          : 'diary.moveRefused';
        setMessage({ ok: false, text: t(key, { message: text }) });
      }
      await client.invalidateQueries({ queryKey: appointmentsKeys.all });
      return result.ok;
    },
    [client, t],
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('diary.title')}</Title>
        <Button onClick={() => setCreating(true)} disabled={!settings.data || !practitioners.data}>
          {t('diary.new')}
        </Button>
      </Group>
      <Group>
        <Text size="sm" id="diary-view-label">
          {t('diary.view')}
        </Text>
        <SegmentedControl
          aria-labelledby="diary-view-label"
          value={view}
          onChange={(v) => setView(v as DiaryView)}
          data={(['day', 'week', 'rooms', 'practitioners'] as const).map((v) => ({
            value: v,
            label: t(`diary.views.${v}`),
          }))}
        />
      </Group>
      {message ? (
        <Alert
          color={message.ok ? 'green' : 'red'}
          role={message.ok ? 'status' : 'alert'}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setMessage(null)}
        >
          {message.text}
        </Alert>
      ) : null}
      <DiaryCalendar
        view={view}
        date={today}
        appointments={appointments.data ?? []}
        resources={resources}
        allResourceIds={allResourceIds}
        closed={closed}
        label={t('diary.calendarLabel')}
        todayLabel={t('diary.today')}
        previousLabel={t('diary.previous')}
        nextLabel={t('diary.next')}
        title={title}
        onRange={onRange}
        onMove={onMove}
        onOpen={setOpenId}
        onOpenHour={openRooms}
      />
      <AppointmentStatusDialog
        appointment={(appointments.data ?? []).find((a) => a.id === openId) ?? null}
        onClose={() => setOpenId(null)}
      />
      {settings.data && practitioners.data ? (
        <AppointmentForm
          opened={creating}
          onClose={() => setCreating(false)}
          onBooked={(when) => setMessage({ ok: true, text: t('diary.bookedFor', { when }) })}
          settings={settings.data}
          practitioners={practitioners.data}
          date={shownFrom > today ? shownFrom : today}
        />
      ) : null}
    </Stack>
  );
}
