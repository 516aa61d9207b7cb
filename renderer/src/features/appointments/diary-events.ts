import type { Appointment, AppointmentSettings } from '../../../../shared/api/appointments';
import {
  addDaysToDate,
  at,
  clockMinutes,
  clockTime,
  daysFrom,
  weekdayIndex,
} from '../../../../shared/appointments/diary-time';

/** The hours the diary's grid shows; shading for closed times starts and ends with them. */
export const DIARY_FIRST_SLOT = '07:00';
export const DIARY_LAST_SLOT = '21:00';

/**
 * Each event names its room and its practitioner as resources ('room:…', 'practitioner:…'), so
 * one list of events serves the day, week, rooms and practitioners views alike: changing the
 * view hands the calendar nothing new, and it lays the events out once.
 */
export const roomResource = (id: string) => `room:${id}`;
export const practitionerResource = (id: string) => `practitioner:${id}`;
/** The room or practitioner id behind a resource id (a drag's target column). */
export function resourceTarget(
  resourceId: string,
): { roomId: string } | { practitionerId: string } | null {
  if (resourceId.startsWith('room:')) return { roomId: resourceId.slice(5) };
  if (resourceId.startsWith('practitioner:')) return { practitionerId: resourceId.slice(13) };
  return null;
}

/** The wall-clock form the calendar parses as local time ('YYYY-MM-DD HH:MM'). */
const toCalendar = (value: string) => value.replace('T', ' ');

/** One visit listed in an hour's block of the week view (see diary-week.ts). */
export interface SummaryLine {
  id: string;
  start: string;
  title: string;
}

export interface CalendarEvent {
  id: string;
  start: string;
  end: string;
  title?: string;
  resourceIds: string[];
  editable?: boolean;
  display?: 'background';
  classNames?: string[];
  backgroundColor?: string;
  textColor?: string;
  /** An hour's block lists its visits; a visit it lists is marked (see diary-week.ts). */
  extendedProps?: { visits?: SummaryLine[]; inHourBlock?: boolean };
}

/**
 * The visits' blue (Mantine's blue 9: the library's light blue fails WCAG contrast with white
 * text). Given on each event, the calendar does not look for a colour among the resources.
 */
export const VISIT_COLOUR = '#1864ab';
/** An hour's block in the week view: darker, so it does not read as one visit (indigo 9). */
export const HOUR_COLOUR = '#364fc7';

export function appointmentEvents(
  appointments: readonly Appointment[],
  title: (a: Appointment) => string,
): CalendarEvent[] {
  return appointments
    .filter((a) => a.status !== 'cancelled' && a.status !== 'no-show')
    .map((a) => ({
      id: a.id,
      start: toCalendar(a.startsAt),
      end: toCalendar(a.endsAt),
      title: title(a),
      resourceIds: [roomResource(a.roomId), practitionerResource(a.practitionerId)],
      editable: a.status === 'booked',
      backgroundColor: VISIT_COLOUR,
      textColor: '#fff',
    }));
}

export interface ClosedSpan {
  start: string;
  end: string;
  kind: 'closed' | 'break';
}

/**
 * The times the clinic is closed or on a break in the days from..to (inclusive), cut to the
 * diary's visible hours: what the diary shades. Bookings there are refused by the service
 * unless someone gives a reason.
 */
export function closedSpans(
  week: AppointmentSettings['week'],
  from: string,
  to: string,
): ClosedSpan[] {
  const spans: ClosedSpan[] = [];
  const first = clockMinutes(DIARY_FIRST_SLOT);
  const last = clockMinutes(DIARY_LAST_SLOT);
  const add = (day: string, start: string, end: string, kind: ClosedSpan['kind']) => {
    const s = Math.max(first, clockMinutes(start));
    const e = Math.min(last, clockMinutes(end));
    if (s < e) spans.push({ start: at(day, clockTime(s)), end: at(day, clockTime(e)), kind });
  };
  for (let i = 0; i <= daysFrom(from, to); i += 1) {
    const day = addDaysToDate(from, i);
    const hours = week[weekdayIndex(day)];
    if (!hours) {
      add(day, DIARY_FIRST_SLOT, DIARY_LAST_SLOT, 'closed');
      continue;
    }
    add(day, DIARY_FIRST_SLOT, hours.open, 'closed');
    for (const b of hours.breaks) add(day, b.start, b.end, 'break');
    add(day, hours.close, DIARY_LAST_SLOT, 'closed');
  }
  return spans;
}

/** Closed times as the calendar's background events, shown in every room's and practitioner's column. */
export function shadingEvents(
  spans: readonly ClosedSpan[],
  resourceIds: readonly string[],
): CalendarEvent[] {
  return spans.map((s, i) => ({
    id: `${s.kind}-${i}`,
    start: toCalendar(s.start),
    end: toCalendar(s.end),
    resourceIds: [...resourceIds],
    display: 'background',
    classNames: [`diary-${s.kind}`],
    // Greys, not the events' blue (the calendar shows them faded): closed darker than a break.
    backgroundColor: s.kind === 'closed' ? '#495057' : '#868e96',
  }));
}

/**
 * The events' "10:00 – 10:45" text. The calendar would run Intl's formatRange once per event on
 * every layout (a third of the week view's time with 600 visits); a clinic's visits start and
 * end at a few dozen clock times, so each range is formatted once per language.
 */
export function eventTimeFormatter(locale: string): (start: Date, end: Date | null) => string {
  const intl = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  const cache = new Map<string, string>();
  return (start, end) => {
    const key = `${start.getHours()}:${start.getMinutes()}-${end ? `${end.getHours()}:${end.getMinutes()}` : ''}`;
    let text = cache.get(key);
    if (text === undefined) {
      if (end && end >= start) {
        // Only the times: the end moved onto the start's day, as the calendar itself does.
        const sameDay = new Date(start);
        sameDay.setHours(end.getHours(), end.getMinutes(), 0, 0);
        text = sameDay >= start ? intl.formatRange(start, sameDay) : intl.format(start);
      } else {
        text = intl.format(start);
      }
      cache.set(key, text);
    }
    return text;
  };
}

/** A wall-clock time ('YYYY-MM-DD HH:MM') as the screens' language writes it, once per time. */
export function clockFormatter(locale: string): (wallClock: string) => string {
  const intl = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  const cache = new Map<string, string>();
  return (wallClock) => {
    const hhmm = wallClock.slice(11, 16);
    let text = cache.get(hhmm);
    if (text === undefined) {
      text = intl.format(new Date(2000, 0, 1, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5))));
      cache.set(hhmm, text);
    }
    return text;
  };
}

function textElement(className: string, text: string): HTMLElement {
  const el = document.createElement('div');
  el.className = className;
  el.textContent = text;
  return el;
}

/**
 * What an event shows: its times and title, and for an hour's block each visit's start and
 * title on a line of its own. Plain elements: the calendar's own content (a <time> and a sticky
 * <h4> per event) cost about a sixth of the week view's time with 600 visits, most of it laying
 * out and painting the sticky titles.
 */
export function eventNodes(
  timeText: string,
  title: string,
  visits: readonly SummaryLine[] | undefined,
  clock: (wallClock: string) => string,
): HTMLElement[] {
  const nodes = [textElement('ec-event-time', timeText), textElement('diary-event-title', title)];
  // A visit's start is written when it is not the block's own (the first line's times).
  const blockStart = visits?.[0]?.start;
  for (const v of visits ?? []) {
    const text = v.start === blockStart ? v.title : `${clock(v.start)} ${v.title}`;
    nodes.push(textElement('diary-visit', text));
  }
  return nodes;
}
