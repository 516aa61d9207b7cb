import ical, { ICalCalendarMethod } from 'ical-generator';
import { offsetMinutes, transitions, wallAsUtc } from '../../../shared/reminders/zoned-time';

/** 'YYYYMMDDTHHMMSS' of a wall-clock instant stored as UTC fields. */
function stamp(msAsUtc: number): string {
  return new Date(msAsUtc)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, '');
}

function offset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/**
 * RFC 5545 wants every TZID an event names defined in the file (3.2.19), so calendar programs
 * agree on the hour. The zone's rules come from Intl: each offset change in the years around the
 * appointment becomes one STANDARD or DAYLIGHT observance (3.6.5), written at the local time it
 * happens, as the RFC asks.
 */
export function vtimezone(zone: string, aroundMs: number): string {
  const year = 365 * 86_400_000;
  const changes = transitions(zone, aroundMs - year, aroundMs + year);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  if (changes.length === 0) {
    const fixed = offsetMinutes(zone, aroundMs);
    lines.push(
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${offset(fixed)}`,
      `TZOFFSETTO:${offset(fixed)}`,
      'END:STANDARD',
    );
  } else {
    const standard = Math.min(...changes.flatMap((c) => [c.fromMinutes, c.toMinutes]));
    for (const c of changes) {
      const kind = c.toMinutes > standard ? 'DAYLIGHT' : 'STANDARD';
      lines.push(
        `BEGIN:${kind}`,
        `DTSTART:${stamp(c.at + c.fromMinutes * 60_000)}`,
        `TZOFFSETFROM:${offset(c.fromMinutes)}`,
        `TZOFFSETTO:${offset(c.toMinutes)}`,
        `END:${kind}`,
      );
    }
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

export interface InviteInput {
  uid: string;
  zone: string;
  /** Wall clock 'YYYY-MM-DDTHH:MM' in `zone`. */
  startsAt: string;
  endsAt: string;
  summary: string;
  description: string;
  location: string;
  organizer: { name: string; email: string } | null;
  now: Date;
}

/**
 * One appointment as an iCalendar file (METHOD:PUBLISH: an entry to add, not a meeting to
 * answer). Times are written in the clinic's zone with its TZID, so the patient's calendar shows
 * the clinic's hour even when her computer is set to another zone.
 */
export function calendarInvite(input: InviteInput): string {
  const calendar = ical({
    prodId: { company: 'Mesochart', product: 'Mesochart', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    id: input.uid,
    // The wall clock as UTC fields with the event's zone: ical-generator then writes
    // DTSTART;TZID=<zone>:<wall clock> without converting through the computer's own zone.
    start: new Date(wallAsUtc(input.startsAt)),
    end: new Date(wallAsUtc(input.endsAt)),
    timezone: input.zone,
    stamp: input.now,
    summary: input.summary,
    description: input.description,
    location: input.location,
    ...(input.organizer ? { organizer: input.organizer } : {}),
  });
  const text = calendar.toString();
  // ical-generator writes the zone's definition only through a generator package; ours is above.
  const withZone = text.replace(
    'BEGIN:VEVENT',
    `${vtimezone(input.zone, wallAsUtc(input.startsAt))}\r\nBEGIN:VEVENT`,
  );
  // RFC 5545 3.1: every content line ends with CRLF, the last one too.
  return withZone.endsWith('\r\n') ? withZone : `${withZone}\r\n`;
}
