import { createHmac } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Queryable } from '../store/db';
import { preparedQuery } from '../store/prepared';
import { serialise } from '../store/serialise';
import { findAlteredRecord, type SealedRef } from './sealed-records';
import type { AuditEventRow } from '../store/schema';
import type { AuditAction } from '../../../shared/api/operation';
import type { Role } from '../../../shared/api/roles';

export interface AuditEntry {
  at: string;
  userId: string | null;
  username: string | null;
  role: Role | null;
  operation: string;
  action: AuditAction;
  patientId: string | null;
  objectType: string | null;
  objectId: string | null;
  outcome: 'success' | 'denied' | 'failed';
  errorCode: string | null;
  /** Keyed hash of the record this event finalised (see sealed-records.ts); absent otherwise. */
  contentHash?: string | null;
}

const GENESIS = '0'.repeat(64);

/**
 * Each event's hash covers its own fields and the previous event's hash, keyed with a secret
 * kept beside the database: someone who edits the SQLite file cannot re-forge the chain without
 * also holding the key.
 */
function linkHash(key: Buffer, prevHash: string, seq: number, e: AuditEntry): string {
  const body = JSON.stringify([
    seq,
    e.at,
    e.userId,
    e.username,
    e.role,
    e.operation,
    e.action,
    e.patientId,
    e.objectType,
    e.objectId,
    e.outcome,
    e.errorCode,
    // Only events that seal a record have it, so events written before it existed still verify.
    ...(e.contentHash ? [e.contentHash] : []),
  ]);
  return createHmac('sha256', key).update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * The head's seal: without the key, nobody can move the head back over events deleted from the
 * end of the chain. (Putting back an older head row copied from the same file is not caught by
 * this alone; the head's hash in each backup manifest and the encrypted store address that.)
 */
export function headMac(key: Buffer, seq: number, hash: string): string {
  return createHmac('sha256', key).update(`head\n${seq}\n${hash}`).digest('hex');
}

// Every change writes an event: the chain's three statements are prepared once.
const readHead = preparedQuery((db) => db.selectFrom('audit_head').select(['seq', 'hash']));
const moveHead = preparedQuery((db, seq: number, hash: string, mac: string) =>
  db
    .insertInto('audit_head')
    .values({ id: 1, seq, hash, mac })
    .onConflict((oc) => oc.column('id').doUpdateSet({ seq, hash, mac })),
);

/** The migration that added the head's seal (0009-audit-seal). */
export const AUDIT_SEAL_VERSION = 9;

/**
 * Seals a head written before heads were sealed. Whoever opens a database and runs that step
 * (the app, a restore, the admin tool) calls this at once, with the folder's key: afterwards an
 * unsealed head is a moved one.
 */
export function sealLegacyHead(
  store: { sqlite: Database.Database; migratedFrom: number },
  key: Buffer,
): void {
  if (store.migratedFrom >= AUDIT_SEAL_VERSION) return;
  const head = store.sqlite.prepare('SELECT seq, hash, mac FROM audit_head WHERE id = 1').get() as
    { seq: number; hash: string; mac: string | null } | undefined;
  if (!head || head.mac !== null) return;
  store.sqlite
    .prepare('UPDATE audit_head SET mac = ? WHERE id = 1')
    .run(headMac(key, head.seq, head.hash));
}

export async function appendAudit(db: Queryable, key: Buffer, entry: AuditEntry): Promise<void> {
  // Workstations appending at once would read the same head and fork the chain.
  await serialise(db, 'audit');
  const [head] = await readHead(db);
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS;
  const hash = linkHash(key, prevHash, seq, entry);
  await db
    .insertInto('audit_event')
    .values({
      seq,
      at: entry.at,
      user_id: entry.userId,
      username: entry.username,
      role: entry.role,
      operation: entry.operation,
      action: entry.action,
      patient_id: entry.patientId,
      object_type: entry.objectType,
      object_id: entry.objectId,
      outcome: entry.outcome,
      error_code: entry.errorCode,
      prev_hash: prevHash,
      hash,
      content_hash: entry.contentHash ?? null,
    })
    .execute();
  await moveHead(db, seq, hash, headMac(key, seq, hash));
}

/** A stored event as the entry its hash covers. */
export function toEntry(row: AuditEventRow): AuditEntry {
  return {
    at: row.at,
    userId: row.user_id,
    username: row.username,
    role: row.role as Role | null,
    operation: row.operation,
    action: row.action as AuditAction,
    patientId: row.patient_id,
    objectType: row.object_type,
    objectId: row.object_id,
    outcome: row.outcome as AuditEntry['outcome'],
    errorCode: row.error_code,
    contentHash: row.content_hash,
  };
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: number | null;
  reason: string | null;
}

/**
 * Walks the chain from the first event and reports the first link that does not hold, then the
 * head (position and seal), then every signed record against the hash its last event carries.
 */
export async function verifyAudit(db: Queryable, key: Buffer): Promise<VerifyResult> {
  const sealed = new Map<string, SealedRef>();
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  const PAGE = 5000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const broken = (reason: string): VerifyResult => ({
        ok: false,
        checked,
        firstBroken: row.seq,
        reason,
      });
      if (row.seq !== expectedSeq) {
        return { ok: false, checked, firstBroken: expectedSeq, reason: 'An event is missing' };
      }
      if (row.prev_hash !== prevHash)
        return broken('The link to the previous event does not match');
      if (linkHash(key, prevHash, row.seq, toEntry(row)) !== row.hash) {
        return broken('The event was changed after it was written');
      }
      if (row.content_hash && row.object_type && row.object_id) {
        sealed.set(`${row.object_type}\n${row.object_id}`, {
          seq: row.seq,
          objectType: row.object_type,
          objectId: row.object_id,
          contentHash: row.content_hash,
        });
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < PAGE) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash', 'mac']).executeTakeFirst();
  const headSeq = head?.seq ?? 0;
  if (headSeq !== checked || (head && head.hash !== prevHash)) {
    return {
      ok: false,
      checked,
      firstBroken: checked + 1,
      reason: 'Events are missing from the end of the log',
    };
  }
  if (head && head.mac !== headMac(key, head.seq, head.hash)) {
    return {
      ok: false,
      checked,
      firstBroken: checked + 1,
      reason:
        "Events are missing from the end of the log: its end was moved (the seal doesn't match)",
    };
  }
  const altered = await findAlteredRecord(db, key, sealed.values());
  if (altered) return { ok: false, checked, firstBroken: altered.seq, reason: altered.reason };
  return { ok: true, checked, firstBroken: null, reason: null };
}
