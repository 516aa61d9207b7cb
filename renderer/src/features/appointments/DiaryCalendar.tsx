import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createCalendar,
  destroyCalendar,
  Interaction,
  ResourceTimeGrid,
  TimeGrid,
  type Calendar,
} from '@event-calendar/core';
import '@event-calendar/core/index.css';
import type { Appointment } from '../../../../shared/api/appointments';
import { wallClockOf } from '../../../../shared/appointments/diary-time';
import { uiLocale } from '../../lib/ui-language';

export type DiaryView = 'day' | 'week' | 'rooms' | 'practitioners';

export interface DiaryResource {
  id: string;
  title: string;
}

const calendarViews: Record<DiaryView, string> = {
  day: 'timeGridDay',
  week: 'timeGridWeek',
  rooms: 'resourceTimeGridDay',
  practitioners: 'resourceTimeGridDay',
};

/** The wall-clock form the calendar parses as local time ('YYYY-MM-DD HH:MM'). */
const toCalendar = (at: string) => at.replace('T', ' ');

export interface DiaryCalendarProps {
  view: DiaryView;
  date: string;
  appointments: readonly Appointment[];
  resources: readonly DiaryResource[];
  label: string;
  /** The calendar's own "today" button, in the app's language. */
  todayLabel: string;
  title: (a: Appointment) => string;
  /** The visible range changed (navigation or view): from and to are inclusive days. */
  onRange: (from: string, to: string) => void;
  /** A drag ended; resolve false to put the event back where it was. */
  onMove: (id: string, startsAt: string, resourceId: string | null) => Promise<boolean>;
  /** An appointment was clicked (or chosen with Enter): its status buttons open. */
  onOpen?: (id: string) => void;
}

/**
 * @event-calendar/core is a Svelte component mounted into a plain element; React owns the
 * element and hands the calendar its options, the calendar owns everything inside it.
 */
export function DiaryCalendar(props: DiaryCalendarProps) {
  const host = useRef<HTMLDivElement>(null);
  const calendar = useRef<Calendar | null>(null);
  // The calendar's callbacks are set once; they read the newest props through this ref.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    if (!host.current) return;
    const ec = createCalendar(host.current, [TimeGrid, ResourceTimeGrid, Interaction], {
      view: calendarViews[latest.current.view],
      date: latest.current.date,
      firstDay: 1,
      // Month and day names, times and the toolbar's direction in the screens' language.
      locale: uiLocale(),
      allDaySlot: false,
      slotMinTime: '07:00',
      slotMaxTime: '21:00',
      scrollTime: '08:00',
      slotDuration: '00:15',
      slotLabelInterval: '01:00',
      height: '680px',
      nowIndicator: true,
      // The library's light blue fails WCAG contrast with white text; Mantine's blue 9 passes.
      eventBackgroundColor: '#1864ab',
      buttonText: (texts) => ({ ...texts, today: latest.current.todayLabel }),
      eventDurationEditable: false,
      eventStartEditable: true,
      headerToolbar: { start: 'prev,next today', center: 'title', end: '' },
      datesSet: (info) => {
        const from = wallClockOf(info.start).slice(0, 10);
        // `end` is exclusive: the last visible day is the one before it.
        const last = new Date(info.end.getTime() - 1);
        latest.current.onRange(from, wallClockOf(last).slice(0, 10));
      },
      eventClick: (info) => {
        latest.current.onOpen?.(String(info.event.id));
      },
      eventDrop: (info) => {
        const resourceId = info.newResource ? String(info.newResource.id) : null;
        void latest.current
          .onMove(String(info.event.id), wallClockOf(info.event.start), resourceId)
          .then((ok) => {
            if (!ok) info.revert();
          });
      },
    });
    calendar.current = ec;
    return () => {
      calendar.current = null;
      void destroyCalendar(ec);
    };
  }, []);

  useEffect(() => {
    calendar.current?.setOption('view', calendarViews[props.view]);
  }, [props.view]);

  // The screens' language can change while the diary is open.
  const { i18n } = useTranslation();
  useEffect(() => {
    calendar.current?.setOption('locale', uiLocale(i18n.language));
  }, [i18n.language]);

  useEffect(() => {
    calendar.current?.setOption(
      'resources',
      props.resources.map((r) => ({ id: r.id, title: r.title })),
    );
  }, [props.resources]);

  useEffect(() => {
    const byResource = props.view === 'practitioners' ? 'practitionerId' : 'roomId';
    calendar.current?.setOption(
      'events',
      props.appointments
        .filter((a) => a.status !== 'cancelled' && a.status !== 'no-show')
        .map((a) => ({
          id: a.id,
          start: toCalendar(a.startsAt),
          end: toCalendar(a.endsAt),
          title: props.title(a),
          resourceIds: [a[byResource]],
          editable: a.status === 'booked',
        })),
    );
  }, [props.appointments, props.view, props]);

  return <div ref={host} role="region" aria-label={props.label} data-testid="diary-calendar" />;
}
