import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Change, ChangeFeed } from '../core/changes';

/**
 * What one workstation tells the others of its committed writes, through the clinic server's
 * LISTEN/NOTIFY: the desk registers a patient and the treatment room's lists refresh without
 * anyone reloading. The payload is the change feed's own shape (domains and patient ids, no
 * patient data), so a change heard from another computer reaches the windows as a local one does.
 */
export interface ChangeRelay {
  /** Announces a committed change to the other workstations (best effort: never throws). */
  publish(change: Change): void;
  /** Hears the other workstations' changes until the returned function is called. */
  listen(onChange: (change: Change) => void): () => Promise<void>;
}

export const CHANGE_CHANNEL = 'mesochart_changes';
// NOTIFY refuses payloads of 8000 bytes or more: a long list of patients becomes "some patients".
const MAX_PAYLOAD = 7_000;
const RECONNECT_MS = [250, 1_000, 2_000, 5_000];

interface Payload {
  /** The instance that wrote it: its own changes it has already announced locally. */
  o: string;
  d: string[];
  p: string[];
}

function encode(origin: string, change: Change): string {
  const full = JSON.stringify({ o: origin, d: change.domains, p: change.patientIds });
  if (full.length <= MAX_PAYLOAD) return full;
  return JSON.stringify({ o: origin, d: change.domains, p: [] });
}

function decode(text: string | undefined): Payload | null {
  try {
    const value = JSON.parse(text ?? '') as Partial<Payload>;
    if (typeof value.o !== 'string' || !Array.isArray(value.d) || !Array.isArray(value.p)) {
      return null;
    }
    return {
      o: value.o,
      d: value.d.filter((x): x is string => typeof x === 'string'),
      p: value.p.filter((x): x is string => typeof x === 'string'),
    };
  } catch {
    return null;
  }
}

/** The relay of one service instance: publishes on `pool`, listens on a connection of its own. */
export function postgresRelay(pool: pg.Pool, url: string): ChangeRelay {
  const origin = randomUUID();
  return {
    publish(change) {
      pool
        .query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, encode(origin, change)])
        // Out of reach: the others refresh when they next read; the write itself is committed.
        .catch(() => undefined);
    },
    listen(onChange) {
      let stopped = false;
      let client: pg.Client | null = null;
      let attempt = 0;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const connect = async () => {
        timer = null;
        if (stopped) return;
        const next = new pg.Client({ connectionString: url });
        client = next;
        let retried = false;
        const retry = () => {
          if (stopped || retried || client !== next) return;
          retried = true;
          client = null;
          next.end().catch(() => undefined);
          const wait = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)];
          attempt += 1;
          timer = setTimeout(() => void connect(), wait);
        };
        // A server that goes away ends the connection; listening starts again when it returns.
        next.on('error', retry);
        next.on('end', retry);
        next.on('notification', (message) => {
          const payload = decode(message.payload);
          if (!payload || payload.o === origin) return;
          onChange({ domains: payload.d, patientIds: payload.p });
        });
        try {
          await next.connect();
          await next.query(`LISTEN ${CHANGE_CHANNEL}`);
          attempt = 0;
          if (stopped) await next.end();
        } catch {
          retry();
        }
      };
      void connect();
      return async () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        const open = client;
        client = null;
        await open?.end().catch(() => undefined);
      };
    },
  };
}

/**
 * Joins the feed to the relay: what this instance emits is published, what the others publish is
 * emitted here (and not published again). Returns what stops listening.
 */
export function relayChanges(relay: ChangeRelay, feed: ChangeFeed): () => Promise<void> {
  // emit is synchronous: while a heard change is being emitted, the feed's listeners run now.
  let hearing = false;
  const unsubscribe = feed.subscribe((change) => {
    if (!hearing) relay.publish(change);
  });
  const stop = relay.listen((change) => {
    hearing = true;
    try {
      feed.emit(change);
    } finally {
      hearing = false;
    }
  });
  return async () => {
    unsubscribe();
    await stop();
  };
}
