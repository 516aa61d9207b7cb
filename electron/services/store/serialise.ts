import { sql } from 'kysely';
import type { Db, Queryable } from './db';
import { dialectOf } from './dialect';

/** What concurrent writers take turns at; each has its own advisory lock number on PostgreSQL. */
const LOCKS = {
  /** Appending to the audit chain: one head, one chain. */
  audit: 0x41554454,
  /** Giving out the next clinic number: unique and without gaps. */
  'clinic-number': 0x434e554d,
  /** Storing the built-in document templates on first use: once, not once per workstation. */
  'document-templates': 0x54504c53,
} as const;

/**
 * Makes the rest of the transaction the only one doing `what` until it ends. On SQLite the store's
 * one connection already runs a transaction alone, so there is nothing to take; on PostgreSQL
 * several workstations write at once, and a transaction-scoped advisory lock makes them queue
 * (it is released by COMMIT or ROLLBACK, never left behind). Call it inside a transaction.
 */
export async function serialise(db: Queryable, what: keyof typeof LOCKS): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`SELECT pg_advisory_xact_lock(${LOCKS[what]})`.execute(db as Db);
}
