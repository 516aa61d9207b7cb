import { Alert, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../shared/api/appointments';
import { wallClockOf } from '../../../../shared/appointments/diary-time';
import { api, ApiFailure, unwrap } from '../../lib/api';
import { AppointmentForm } from './AppointmentForm';
import { AppointmentStatusDialog } from './AppointmentStatusDialog';
import { DiaryCalendar, type DiaryView } from './DiaryCalendar';
import { appointmentsKeys } from './queries';

/** The clinic's diary: day, week, and rooms or practitioners side by side. */
export function DiaryPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const today = wallClockOf(new Date()).slice(0, 10);
  const [view, setView] = useState<DiaryView>('week');
  const [range, setRange] = useState({ from: today, to: today });
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

  const resources = useMemo(
    () =>
      view === 'practitioners'
        ? (practitioners.data ?? []).map((p) => ({ id: p.id, title: p.displayName }))
        : (settings.data?.rooms ?? []).map((r) => ({ id: r.id, title: r.name })),
    [view, practitioners.data, settings.data],
  );
  const rooms = useMemo(
    () => new Map((settings.data?.rooms ?? []).map((r) => [r.id, r.name])),
    [settings.data],
  );
  // A visit under way says so in the diary too (a booked one says nothing: most are).
  const title = useCallback(
    (a: Appointment) =>
      [
        a.patientName,
        view === 'practitioners' ? (rooms.get(a.roomId) ?? a.roomId) : a.practitionerName,
        ...(a.status === 'booked' ? [] : [t(`diary.status.${a.status}`)]),
      ].join(' · '),
    [view, rooms, t],
  );
  const onRange = useCallback((from: string, to: string) => setRange({ from, to }), []);
  const onMove = useCallback(
    async (id: string, startsAt: string, resourceId: string | null) => {
      const target =
        resourceId === null
          ? {}
          : view === 'practitioners'
            ? { practitionerId: resourceId }
            : { roomId: resourceId };
      const result = await api.appointments.move({ id, startsAt, ...target });
      if (result.ok) {
        setMessage({ ok: true, text: t('diary.moved', { when: startsAt.replace('T', ' ') }) });
      } else {
        const text = new ApiFailure(result.error).message;
        setMessage({ ok: false, text: t('diary.moveRefused', { message: text }) });
      }
      await client.invalidateQueries({ queryKey: appointmentsKeys.all });
      return result.ok;
    },
    [client, t, view],
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
        label={t('diary.calendarLabel')}
        todayLabel={t('diary.today')}
        title={title}
        onRange={onRange}
        onMove={onMove}
        onOpen={setOpenId}
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
          date={range.from > today ? range.from : today}
        />
      ) : null}
    </Stack>
  );
}
