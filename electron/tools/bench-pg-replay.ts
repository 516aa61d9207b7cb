/**
 * "The same SQL sent raw through pg" for an operation that writes: the statements one call sent
 * are captured from the pg client as text and values, then sent again, in order and on one
 * connection, for a twin record. The ratio then measures what Mesochart adds around its SQL
 * (validation, roles, the audit's hashing, building the answer), not how many statements a
 * safe signing needs.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface Statement {
  text: string;
  values: unknown[];
}

type Query = (...args: unknown[]) => unknown;

/** Every statement any pg client of this process sends while `run` runs. */
export async function captureStatements(run: () => Promise<unknown>): Promise<Statement[]> {
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  const seen: Statement[] = [];
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const [q, v] = args;
    if (typeof q === 'string') seen.push({ text: q, values: Array.isArray(v) ? [...v] : [] });
    else if (q && typeof q === 'object' && 'text' in q) {
      const c = q as { text: string; values?: unknown[] };
      seen.push({ text: c.text, values: [...(c.values ?? [])] });
    }
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    proto.query = original;
  }
  return seen;
}

/**
 * The captured statements for another record: every value equal to a key of `swap` replaced.
 * An audit event gets a sequence number far above the chain's and a hash of its own, so the
 * replay adds rows without colliding with the chain the services keep.
 */
export function retarget(statements: readonly Statement[], swap: ReadonlyMap<unknown, unknown>) {
  return statements.map((s) => {
    const values = s.values.map((v) => (swap.has(v) ? swap.get(v) : v));
    if (/^insert into "audit_event"/i.test(s.text)) {
      // Kysely numbers the values in the order of the column list.
      const columns = (/\(([^)]*)\)/.exec(s.text)?.[1] ?? '').split(',').map((c) => c.trim());
      const at = (name: string) => columns.indexOf(`"${name}"`);
      const seq = values[at('seq')];
      if (typeof seq === 'number') values[at('seq')] = seq + 1_000_000;
      // Each event's hash is unique in the chain's table.
      if (at('hash') >= 0) values[at('hash')] = randomBytes(32).toString('hex');
    }
    return { text: s.text, values };
  });
}

export interface AuditHead {
  seq: number;
  hash: string;
  mac: string | null;
}

/**
 * Sends the statements in order on one connection of `pool`. The audit head the call wrote is
 * written again with `head`, the head as it is now (read before, untimed), so a replay never moves
 * the services' chain back.
 */
export async function replay(
  pool: pg.Pool,
  statements: readonly Statement[],
  head: AuditHead,
): Promise<void> {
  const client = await pool.connect();
  try {
    for (const s of statements) {
      let { values } = s;
      if (/^insert into "audit_head"/i.test(s.text)) {
        const [, seq, hash, mac] = s.values;
        const now = new Map<unknown, unknown>([
          [seq, head.seq],
          [hash, head.hash],
          [mac, head.mac],
        ]);
        values = values.map((v, i) => (i > 0 && now.has(v) ? now.get(v) : v));
      }
      await client.query(s.text, values);
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
