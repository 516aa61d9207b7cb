/**
 * A strict reader of the iCalendar subset Mesochart writes (RFC 5545): it throws on anything a
 * calendar program could misread, so a test fails on a malformed invitation. Lines end in CRLF
 * and fold at 75 octets; components nest; a calendar has VERSION:2.0 and one PRODID; an event
 * has one UID, a UTC DTSTAMP and a DTSTART; every TZID names a VTIMEZONE defined in the file.
 */

export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface IcsComponent {
  name: string;
  props: IcsProperty[];
  children: IcsComponent[];
}

export interface IcsEvent {
  uid: string;
  summary: string;
  description: string;
  location: string;
  start: { tzid: string | null; value: string };
  end: { tzid: string | null; value: string } | null;
  /** The start as an instant, computed from the file's own VTIMEZONE. */
  startInstant: Date;
  endInstant: Date | null;
}

function fail(message: string): never {
  throw new Error(`Malformed iCalendar: ${message}`);
}

function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function parseLine(line: string, at: number): IcsProperty {
  const m =
    /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/.exec(
      line,
    );
  if (!m) fail(`line ${at} is not NAME;PARAM=...:VALUE: ${JSON.stringify(line.slice(0, 60))}`);
  const params: Record<string, string> = {};
  for (const p of (m[2] ?? '').split(';').slice(1)) {
    const eq = p.indexOf('=');
    params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
  }
  return { name: (m[1] ?? '').toUpperCase(), params, value: m[3] ?? '' };
}

export function parseIcs(text: string): IcsComponent {
  if (!text.endsWith('\r\n')) fail('the file does not end with CRLF');
  if (/[^\r]\n/.test(text) || /\r[^\n]/.test(text)) fail('a line does not end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  physical.forEach((l, i) => {
    if (Buffer.byteLength(l, 'utf8') > 75) fail(`line ${i + 1} is longer than 75 octets`);
  });
  const lines: string[] = [];
  for (const l of physical) {
    if (l.startsWith(' ') || l.startsWith('\t')) {
      if (lines.length === 0) fail('the file starts with a folded line');
      lines[lines.length - 1] += l.slice(1);
    } else {
      lines.push(l);
    }
  }
  const stack: IcsComponent[] = [];
  let root: IcsComponent | null = null;
  lines.forEach((line, i) => {
    const prop = parseLine(line, i + 1);
    if (prop.name === 'BEGIN') {
      const c: IcsComponent = { name: prop.value.toUpperCase(), props: [], children: [] };
      if (stack.length === 0) {
        if (root) fail('content after END:VCALENDAR');
        root = c;
      } else {
        stack[stack.length - 1]?.children.push(c);
      }
      stack.push(c);
    } else if (prop.name === 'END') {
      const open = stack.pop();
      if (!open || open.name !== prop.value.toUpperCase()) {
        fail(`END:${prop.value} does not close ${open?.name ?? 'anything'}`);
      }
    } else {
      const open = stack[stack.length - 1];
      if (!open) fail(`property ${prop.name} outside any component`);
      open.props.push(prop);
    }
  });
  if (stack.length > 0) fail(`${stack[stack.length - 1]?.name} is never closed`);
  const cal = root as IcsComponent | null;
  if (!cal || cal.name !== 'VCALENDAR') fail('the file is not one VCALENDAR');
  return cal;
}

const one = (c: IcsComponent, name: string): IcsProperty => {
  const found = c.props.filter((p) => p.name === name);
  if (found.length !== 1) fail(`${c.name} has ${found.length} ${name} (one required)`);
  return found[0] as IcsProperty;
};
const optional = (c: IcsComponent, name: string): IcsProperty | null => {
  const found = c.props.filter((p) => p.name === name);
  if (found.length > 1) fail(`${c.name} has ${found.length} ${name} (at most one)`);
  return found[0] ?? null;
};

const LOCAL = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/;
const UTC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const OFFSET = /^([+-])(\d{2})(\d{2})$/;

function fieldsMs(value: string, pattern: RegExp): number {
  const m = pattern.exec(value);
  if (!m) fail(`${JSON.stringify(value)} is not a date-time`);
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as number[];
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s);
}

function offsetMs(value: string): number {
  const m = OFFSET.exec(value);
  if (!m) fail(`${JSON.stringify(value)} is not a UTC offset`);
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return (m[1] === '-' ? -minutes : minutes) * 60_000;
}

/** A local time in a VTIMEZONE: the latest observance that began at or before it decides. */
function zonedInstant(zone: IcsComponent, local: string): Date {
  const localMs = fieldsMs(local, LOCAL);
  const observances = zone.children
    .filter((c) => c.name === 'STANDARD' || c.name === 'DAYLIGHT')
    .map((c) => ({
      start: fieldsMs(one(c, 'DTSTART').value, LOCAL),
      to: offsetMs(one(c, 'TZOFFSETTO').value),
      from: offsetMs(one(c, 'TZOFFSETFROM').value),
    }))
    .sort((a, b) => a.start - b.start);
  if (observances.length === 0) fail('a VTIMEZONE has no STANDARD or DAYLIGHT');
  const current = [...observances].reverse().find((o) => o.start <= localMs);
  const offset = current ? current.to : (observances[0]?.from ?? 0);
  return new Date(localMs - offset);
}

function dateTime(
  prop: IcsProperty,
  zones: Map<string, IcsComponent>,
): { tzid: string | null; value: string; instant: Date } {
  const tzid = prop.params.TZID ?? null;
  if (tzid !== null) {
    const zone = zones.get(tzid);
    if (!zone) fail(`TZID=${tzid} has no VTIMEZONE in the file`);
    if (!LOCAL.test(prop.value)) fail(`${prop.name} with a TZID must be a local time`);
    return { tzid, value: prop.value, instant: zonedInstant(zone, prop.value) };
  }
  if (!UTC.test(prop.value)) fail(`${prop.name} without a TZID must be UTC (…Z)`);
  return { tzid: null, value: prop.value, instant: new Date(fieldsMs(prop.value, UTC)) };
}

/** Checks the whole file and returns its events; throws on the first thing out of order. */
export function readIcs(text: string): { method: string | null; events: IcsEvent[] } {
  const cal = parseIcs(text);
  if (one(cal, 'VERSION').value !== '2.0') fail('VERSION is not 2.0');
  one(cal, 'PRODID');
  const method = optional(cal, 'METHOD')?.value ?? null;
  if (method !== null && !['PUBLISH', 'REQUEST', 'CANCEL', 'REPLY'].includes(method)) {
    fail(`unknown METHOD ${method}`);
  }
  const zones = new Map<string, IcsComponent>();
  for (const z of cal.children.filter((c) => c.name === 'VTIMEZONE')) {
    zones.set(one(z, 'TZID').value, z);
    for (const o of z.children) {
      if (o.name !== 'STANDARD' && o.name !== 'DAYLIGHT') fail(`${o.name} inside VTIMEZONE`);
      if (!LOCAL.test(one(o, 'DTSTART').value)) fail('an observance DTSTART must be local time');
      offsetMs(one(o, 'TZOFFSETFROM').value);
      offsetMs(one(o, 'TZOFFSETTO').value);
    }
  }
  const events = cal.children
    .filter((c) => c.name === 'VEVENT')
    .map((e) => {
      one(e, 'UID');
      if (!UTC.test(one(e, 'DTSTAMP').value)) fail('DTSTAMP must be UTC');
      const start = dateTime(one(e, 'DTSTART'), zones);
      const endProp = optional(e, 'DTEND');
      const end = endProp ? dateTime(endProp, zones) : null;
      if (end && end.instant <= start.instant) fail('DTEND is not after DTSTART');
      return {
        uid: one(e, 'UID').value,
        summary: unescapeText(optional(e, 'SUMMARY')?.value ?? ''),
        description: unescapeText(optional(e, 'DESCRIPTION')?.value ?? ''),
        location: unescapeText(optional(e, 'LOCATION')?.value ?? ''),
        start: { tzid: start.tzid, value: start.value },
        end: end ? { tzid: end.tzid, value: end.value } : null,
        startInstant: start.instant,
        endInstant: end?.instant ?? null,
      };
    });
  if (events.length === 0) fail('no VEVENT');
  return { method, events };
}
