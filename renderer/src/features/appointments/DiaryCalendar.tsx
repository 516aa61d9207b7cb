import { useEffect, useMemo, useRef } from 'react';
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
import './diary.css';
import type { Appointment } from '../../../../shared/api/appointments';
import { wallClockOf } from '../../../../shared/appointments/diary-time';
import { formatWith } from '../../lib/dates';
import { uiLocale } from '../../lib/ui-language';
import { keepCalendarAccessible } from './calendar-a11y';
import {
  appointmentEvents,
  clockFormatter,
  DIARY_FIRST_SLOT,
  DIARY_LAST_SLOT,
  eventNodes,
  eventTimeFormatter,
  resourceTarget,
  shadingEvents,
  VISIT_COLOUR,
  type ClosedSpan,
  type SummaryLine,
} from './diary-events';
import { hourOfBlock, showsInView, withHourBlocks } from './diary-week';

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

export interface DiaryCalendarProps {
  view: DiaryView;
  date: string;
  appointments: readonly Appointment[];
  /** The columns of the rooms or practitioners view; ids from roomResource / practitionerResource. */
  resources: readonly DiaryResource[];
  /** Every room's and practitioner's resource id: closed times are shaded in each column. */
  allResourceIds: readonly string[];
  /** Closed times and breaks in the loaded days, shaded. */
  closed: readonly ClosedSpan[];
  label: string;
  /** The calendar's own "today", previous and next buttons, in the app's language. */
  todayLabel: string;
  previousLabel: string;
  nextLabel: string;
  title: (a: Appointment) => string;
  /** The visible range changed (navigation or view): from and to are inclusive days. */
  onRange: (from: string, to: string) => void;
  /** A drag ended; resolve false to put the event back where it was. */
  onMove: (
    id: string,
    startsAt: string,
    target: { roomId: string } | { practitionerId: string } | null,
  ) => Promise<boolean>;
  /** An appointment was clicked (or chosen with Enter): its status buttons open. */
  onOpen?: (id: string) => void;
  /** An hour's block of the week view was chosen: the calendar is on its day, show the rooms. */
  onOpenHour?: () => void;
}

function buttonTexts(
  texts: Record<string, string>,
  labels: Pick<DiaryCalendarProps, 'todayLabel' | 'previousLabel' | 'nextLabel'>,
): Record<string, string> {
  return { ...texts, today: labels.todayLabel, prev: labels.previousLabel, next: labels.nextLabel };
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

  // The hour blocks' lines, in the screens' language (read by the events' content).
  const clock = useRef(clockFormatter(uiLocale()));

  useEffect(() => {
    if (!host.current) return;
    const ec = createCalendar(host.current, [TimeGrid, ResourceTimeGrid, Interaction], {
      view: calendarViews[latest.current.view],
      date: latest.current.date,
      firstDay: 1,
      // Month and day names, times and the toolbar's direction in the screens' language.
      locale: uiLocale(),
      eventTimeFormat: eventTimeFormatter(uiLocale()),
      // The week's day names with the day before the month and no direction marks, as every
      // other Arabic screen writes a date (dates.ts): Intl's marked '6‏/12' was drawn '12/6'.
      views: {
        timeGridWeek: {
          dayHeaderFormat: (date: Date) =>
            formatWith(date, { weekday: 'short', day: 'numeric', month: 'numeric' }),
        },
      },
      allDaySlot: false,
      slotMinTime: DIARY_FIRST_SLOT,
      slotMaxTime: DIARY_LAST_SLOT,
      scrollTime: '08:00',
      slotDuration: '00:15',
      slotLabelInterval: '01:00',
      height: '680px',
      nowIndicator: true,
      // The library's light blue fails WCAG contrast with white text; Mantine's blue 9 passes.
      eventBackgroundColor: VISIT_COLOUR,
      eventContent: (info) => ({
        // Closed times and breaks are shading only, with no text (as the calendar's own content).
        domNodes:
          info.event.display === 'background'
            ? []
            : eventNodes(
                info.timeText,
                // The diary's titles are plain text (diary-events.ts).
                typeof info.event.title === 'string' ? info.event.title : '',
                (info.event.extendedProps as { visits?: SummaryLine[] }).visits,
                clock.current,
              ),
      }),
      eventFilter: ({ event, view }) => showsInView(event, view.type),
      // The arrows are named too (the library leaves them unnamed); their direction follows the
      // page's: in Arabic "previous" is on the right pointing right (the library's RTL style).
      buttonText: (texts) => buttonTexts(texts, latest.current),
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
        const hour = hourOfBlock(String(info.event.id));
        if (!hour) {
          latest.current.onOpen?.(String(info.event.id));
          return;
        }
        // The block's day and hour, then the rooms view shows each of its visits.
        ec.setOption('scrollTime', hour.time);
        ec.setOption('date', hour.day);
        latest.current.onOpenHour?.();
      },
      eventDrop: (info) => {
        const target = info.newResource ? resourceTarget(String(info.newResource.id)) : null;
        void latest.current
          .onMove(String(info.event.id), wallClockOf(info.event.start), target)
          .then((ok) => {
            if (!ok) info.revert();
          });
      },
    });
    calendar.current = ec;
    const stopTidying = keepCalendarAccessible(host.current);
    return () => {
      stopTidying();
      calendar.current = null;
      void destroyCalendar(ec);
    };
  }, []);

  // The screens' language can change while the diary is open.
  const { t, i18n } = useTranslation();
  useEffect(() => {
    const locale = uiLocale(i18n.language);
    clock.current = clockFormatter(locale);
    calendar.current?.setOption('locale', locale);
    calendar.current?.setOption('eventTimeFormat', eventTimeFormatter(locale));
    calendar.current?.setOption('buttonText', (texts: Record<string, string>) =>
      buttonTexts(texts, latest.current),
    );
  }, [i18n.language]);

  useEffect(() => {
    calendar.current?.setOption(
      'resources',
      props.resources.map((r) => ({ id: r.id, title: r.title })),
    );
  }, [props.resources]);

  useEffect(() => {
    calendar.current?.setOption('view', calendarViews[props.view]);
  }, [props.view]);

  // One list for every view (see diary-events.ts), the week's hour blocks included and picked
  // per view by eventFilter (diary-week.ts). It is rebuilt only when the appointments, their
  // titles or the shading change: handing the calendar a new list re-creates all its events.
  const { appointments, title, closed, allResourceIds } = props;
  const events = useMemo(
    () => [
      ...shadingEvents(closed, allResourceIds),
      ...withHourBlocks(appointmentEvents(appointments, title), (count) =>
        t('diary.hourVisits', { count }),
      ),
    ],
    [appointments, title, closed, allResourceIds, t],
  );
  useEffect(() => {
    calendar.current?.setOption('events', events);
  }, [events]);

  return <div ref={host} role="region" aria-label={props.label} data-testid="diary-calendar" />;
}
