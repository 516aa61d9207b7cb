import { createHmac } from 'node:crypto';
import type { Queryable } from '../store/db';

/**
 * Records that are final once written (a signed session, an addendum): the audit event that
 * finalises one carries a keyed hash of its content, and `audit.verify` re-hashes the current
 * rows. Each reader lists its columns by name, so a migration that adds a column does not change
 * the hash of what was signed before; it returns null while the record is not final (a draft).
 */
type ContentReader = (db: Queryable, id: string) => Promise<unknown>;

const signedSession: ContentReader = async (db, id) => {
  const session = await db
    .selectFrom('treatment_session')
    .select([
      'id',
      'patient_id',
      'course_id',
      'screening_id',
      'practitioner_id',
      'performed_on',
      'status',
      'technique',
      'needle_gauge',
      'needle_length_mm',
      'anaesthesia',
      'passes',
      'points',
      'immediate_reactions',
      'notes',
      'signed_at',
      'signed_by',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!session || session.status !== 'signed') return null;
  const areas = await db
    .selectFrom('session_area')
    .select(['position', 'area', 'depth_mm'])
    .where('session_id', '=', id)
    .orderBy('position')
    .orderBy('area')
    .execute();
  const products = await db
    .selectFrom('session_product')
    .select(['position', 'area', 'product_id', 'lot_id', 'volume_ml'])
    .where('session_id', '=', id)
    .orderBy('position')
    .orderBy('seq')
    .execute();
  return { session, areas, products };
};

const addendum: ContentReader = (db, id) =>
  db
    .selectFrom('session_addendum')
    .select(['id', 'session_id', 'author_id', 'written_at', 'text'])
    .where('id', '=', id)
    .executeTakeFirst()
    .then((row) => row ?? null);

/** Audit object types whose events seal their record, with the version of the hashed shape. */
const SEALED: Readonly<Record<string, { version: number; read: ContentReader; label: string }>> = {
  'session-sign': { version: 1, read: signedSession, label: 'signed session' },
  'session-addendum': { version: 1, read: addendum, label: 'session addendum' },
};

function contentMac(key: Buffer, objectType: string, version: number, content: unknown): string {
  // Keyed, so the log does not let anyone confirm a guessed note by hashing it.
  return createHmac('sha256', key)
    .update(`content\n${objectType}\n${version}\n`)
    .update(JSON.stringify(content))
    .digest('hex');
}

/** The hash an event about this record carries; null when the record is not one that seals. */
export async function sealedContentHash(
  db: Queryable,
  key: Buffer,
  objectType: string | null,
  objectId: string | null,
): Promise<string | null> {
  const sealed = objectType ? SEALED[objectType] : undefined;
  if (!sealed || !objectType || !objectId) return null;
  const content = await sealed.read(db, objectId);
  return content === null ? null : contentMac(key, objectType, sealed.version, content);
}

export interface SealedRef {
  seq: number;
  objectType: string;
  objectId: string;
  contentHash: string;
}

/** The first record (in chain order) whose current content no longer matches its last event. */
export async function findAlteredRecord(
  db: Queryable,
  key: Buffer,
  latest: Iterable<SealedRef>,
): Promise<{ seq: number; reason: string } | null> {
  const refs = [...latest].sort((a, b) => a.seq - b.seq);
  for (const ref of refs) {
    const sealed = SEALED[ref.objectType];
    if (!sealed) continue;
    const content = await sealed.read(db, ref.objectId);
    const label = `The ${sealed.label} ${ref.objectId}`;
    if (content === null) {
      return { seq: ref.seq, reason: `${label} is missing or no longer final (event ${ref.seq})` };
    }
    if (contentMac(key, ref.objectType, sealed.version, content) !== ref.contentHash) {
      return {
        seq: ref.seq,
        reason: `${label} was changed after it was recorded (event ${ref.seq})`,
      };
    }
  }
  return null;
}
