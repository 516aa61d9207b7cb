import { HOUR_COLOUR, type CalendarEvent, type SummaryLine } from './diary-events';

/**
 * How many visits starting in the same hour the week view draws side by side. A week's day
 * column is some 150 px wide: with more visits than this in an hour each became a sliver too
 * narrow for any text (12 rooms: 10 px each), and drawing hundreds of them was most of the week
 * view's time. Such an hour is drawn as one block instead, listing its visits; choosing the
 * block opens that day's rooms view at that hour, where each visit is its own event again.
 */
export const WEEK_SIDE_BY_SIDE = 4;

/** The id of an hour's block: 'hour:' and the day and hour it stands for. */
const HOUR_PREFIX = 'hour:';

/** The day and clock time an hour's block stands for, or null for an appointment's own id. */
export function hourOfBlock(id: string): { day: string; time: string } | null {
  if (!id.startsWith(HOUR_PREFIX)) return null;
  const [day = '', hour = ''] = id.slice(HOUR_PREFIX.length).split('T');
  return { day, time: `${hour}:00` };
}

/**
 * The visits with the week view's hour blocks added: in an hour of a day where more than
 * `sideBySide` visits start, one block from the first start to the last end, titled by
 * `countTitle` and listing every visit (time and title) in time order; those visits are marked
 * as shown by their block. One list serves every view (see showsInView), so switching views
 * hands the calendar nothing new.
 */
export function withHourBlocks(
  visits: readonly CalendarEvent[],
  countTitle: (count: number) => string,
  sideBySide = WEEK_SIDE_BY_SIDE,
): CalendarEvent[] {
  const hours = new Map<string, CalendarEvent[]>();
  for (const visit of visits) {
    // 'YYYY-MM-DD HH': the day and the hour the visit starts in.
    const key = visit.start.slice(0, 13);
    const group = hours.get(key);
    if (group) group.push(visit);
    else hours.set(key, [visit]);
  }
  const events: CalendarEvent[] = [];
  for (const [key, group] of hours) {
    if (group.length <= sideBySide) {
      events.push(...group);
      continue;
    }
    const sorted = [...group].sort(
      (a, b) => a.start.localeCompare(b.start) || (a.title ?? '').localeCompare(b.title ?? ''),
    );
    const lines: SummaryLine[] = sorted.map((v) => ({
      id: v.id,
      start: v.start,
      title: v.title ?? '',
    }));
    for (const visit of sorted) events.push({ ...visit, extendedProps: { inHourBlock: true } });
    events.push({
      id: `${HOUR_PREFIX}${key.replace(' ', 'T')}`,
      start: sorted[0]!.start,
      end: sorted.reduce((last, v) => (v.end > last ? v.end : last), sorted[0]!.end),
      title: countTitle(group.length),
      resourceIds: [],
      editable: false,
      classNames: ['diary-hour'],
      backgroundColor: HOUR_COLOUR,
      textColor: '#fff',
      extendedProps: { visits: lines },
    });
  }
  return events;
}

/** The week view shows the hour blocks instead of their visits; the other views only visits. */
export function showsInView(
  event: { id: string | number; extendedProps?: Record<string, unknown> },
  viewType: string,
): boolean {
  if (viewType === 'timeGridWeek') return event.extendedProps?.inHourBlock !== true;
  return !String(event.id).startsWith(HOUR_PREFIX);
}
