/**
 * The clinic's wall clock (shared/appointments/diary-time.ts) meets real instants only when a
 * message leaves: an e-mail goes at an instant, and a calendar invitation names its time zone.
 * Intl carries the time-zone database, so no zone data is shipped with Mesochart.
 */
import { localDateTimePattern } from '../appointments/diary-time';

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(zone: string, instant: number): Record<string, number> {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(instant))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

/** Minutes the zone's clock is ahead of UTC at an instant (+60 for Paris in winter). */
export function offsetMinutes(zone: string, instant: number): number {
  const p = partsIn(zone, instant);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** 'YYYY-MM-DDTHH:MM' as if it were UTC: the wall clock's fields, no zone applied. */
export function wallAsUtc(wall: string): number {
  const m = localDateTimePattern.exec(wall);
  if (!m) throw new RangeError('Not a wall-clock time');
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi);
}

/**
 * The instant a wall-clock time names in a zone. In the hour the clocks skip, the time is read
 * with the offset before the change (02:30 on a spring-forward night is 03:30 summer time); in
 * the hour that repeats, the first of the two is meant.
 */
export function instantOf(wall: string, zone: string): Date {
  const guess = wallAsUtc(wall);
  const before = offsetMinutes(zone, guess - 86_400_000 / 2);
  const first = guess - before * 60_000;
  if (offsetMinutes(zone, first) === before) return new Date(first);
  const after = offsetMinutes(zone, guess + 86_400_000 / 2);
  const second = guess - after * 60_000;
  return new Date(offsetMinutes(zone, second) === after ? second : first);
}

/** The wall clock of an instant in a zone. */
export function wallClockIn(zone: string, instant: Date): string {
  const p = partsIn(zone, instant.getTime());
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

export interface ZoneTransition {
  /** The instant the offset changes. */
  at: number;
  fromMinutes: number;
  toMinutes: number;
}

/** Every offset change of a zone between two instants, found to the minute. */
export function transitions(zone: string, from: number, to: number): ZoneTransition[] {
  const found: ZoneTransition[] = [];
  const step = 86_400_000;
  let prev = offsetMinutes(zone, from);
  for (let t = from + step; t <= to; t += step) {
    const now = offsetMinutes(zone, t);
    if (now === prev) continue;
    let lo = t - step;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(zone, mid) === prev) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, fromMinutes: prev, toMinutes: now });
    prev = now;
  }
  return found;
}
