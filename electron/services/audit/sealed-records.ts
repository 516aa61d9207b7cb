import { createHmac } from 'node:crypto';
import type { Queryable } from '../store/db';

/**
 * Records that are final once written (a signed session, an addendum, a signed consent, an
 * adverse event, a completed pre-procedure check): the audit event that
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
  const syringes = await db
    .selectFrom('session_cocktail')
    .select(['position', 'label', 'total_volume_ml', 'areas'])
    .where('session_id', '=', id)
    .orderBy('position')
    .execute();
  // Sessions signed without syringes keep the content (and so the seal) they were signed with,
  // which holds no drawn products: they are not read.
  if (syringes.length === 0) return { session, areas, products };
  const drawn = await db
    .selectFrom('session_cocktail_product')
    .select(['cocktail', 'position', 'product_id', 'lot_id', 'volume_ml'])
    .where('session_id', '=', id)
    .orderBy('cocktail')
    .orderBy('position')
    .execute();
  return { session, areas, products, syringes, drawn };
};

const addendum: ContentReader = (db, id) =>
  db
    .selectFrom('session_addendum')
    .select(['id', 'session_id', 'author_id', 'written_at', 'text'])
    .where('id', '=', id)
    .executeTakeFirst()
    .then((row) => row ?? null);

/**
 * A consent once signed (on screen or on paper): what was signed, its signatures or paper
 * confirmation and any withdrawal. Its status and file path are left out: a newer consent
 * supersedes it without an event of its own, and its file moves into encrypted storage; the
 * file's plain SHA-256, which the signatures are bound to, is in.
 */
const signedConsent: ContentReader = async (db, id) => {
  const document = await db
    .selectFrom('document')
    .select([
      'id',
      'patient_id',
      'kind',
      'procedure_kind',
      'session_id',
      'template_id',
      'template_version',
      'language',
      'page_size',
      'render_data',
      'sha256',
      'size',
      'page_count',
      'generated_sha256',
      'generated_at',
      'generated_by',
      'status',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!document || document.kind !== 'consent' || document.status === 'generated') return null;
  const { status: _status, ...content } = document;
  const [signatures, paper, withdrawal] = await Promise.all([
    db
      .selectFrom('consent_signature')
      .select([
        'id',
        'signer_role',
        'signer_name',
        'image_sha256',
        'signed_at',
        'document_sha256',
        'recorded_by',
      ])
      .where('document_id', '=', id)
      .orderBy('signer_role')
      .execute(),
    db
      .selectFrom('consent_paper_confirmation')
      .select(['confirmed_by', 'confirmed_at', 'note'])
      .where('document_id', '=', id)
      .executeTakeFirst(),
    db
      .selectFrom('consent_withdrawal')
      .select(['withdrawn_by', 'withdrawn_at', 'reason'])
      .where('document_id', '=', id)
      .executeTakeFirst(),
  ]);
  return { document: content, signatures, paper: paper ?? null, withdrawal: withdrawal ?? null };
};

/** An adverse event as recorded, and as resolved once it is (its resolution re-seals it). */
const adverseEvent: ContentReader = (db, id) =>
  db
    .selectFrom('adverse_event')
    .select([
      'id',
      'patient_id',
      'session_id',
      'kind',
      'severity',
      'onset_on',
      'description',
      'action_taken',
      'resolved_on',
      'outcome',
      'recorded_by',
      'recorded_at',
      'resolved_by',
      'resolved_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst()
    .then((row) => row ?? null);

/** A completed pre-procedure check: its answers, findings, outcome and substance lines. */
const screeningCheck: ContentReader = (db, id) =>
  db
    .selectFrom('screening')
    .select([
      'id',
      'patient_id',
      'history_version_id',
      'performed_on',
      'performed_at',
      'performed_by',
      'answers',
      'planned_product_ids',
      'planned_substances',
      'findings',
      'outcome',
      'acknowledged',
      'override_reason',
      'override_by',
      'status',
    ])
    .where('id', '=', id)
    .executeTakeFirst()
    .then((row) => row ?? null);

/** Audit object types whose events seal their record, with the version of the hashed shape. */
const SEALED: Readonly<Record<string, { version: number; read: ContentReader; label: string }>> = {
  'session-sign': { version: 1, read: signedSession, label: 'signed session' },
  'session-addendum': { version: 1, read: addendum, label: 'session addendum' },
  document: { version: 1, read: signedConsent, label: 'signed consent' },
  'adverse-event': { version: 1, read: adverseEvent, label: 'adverse event' },
  screening: { version: 1, read: screeningCheck, label: 'pre-procedure check' },
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
