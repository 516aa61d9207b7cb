import type { Selectable } from 'kysely';
import type { Queryable } from '../store/db';
import { preparedQuery } from '../store/prepared';
import type { TreatmentSessionRow } from '../store/schema';
import type {
  SessionCocktail,
  SessionDraftFields,
  SessionSummary,
  TreatmentSession,
} from '../../../shared/api/sessions';
import type {
  Anaesthesia,
  Technique,
  TreatmentArea,
} from '../../../shared/sessions/treatment-terms';
import { AppError } from '../core/errors';
import { sessionPlaceInCourse } from '../courses/courses';
import { adverseEventsOfSession } from '../adverse-events/adverse-events';
import { cocktailInputsOf, readCocktails } from './cocktails';

// A session is read whole after every save and at signing: its fixed-shape reads are prepared.
// On a clinic server each read is a round trip, so a line's names come with the line itself.
const sessionById = preparedQuery((db, id: string) =>
  db.selectFrom('treatment_session').selectAll().where('id', '=', id),
);
const areasOfSession = preparedQuery((db, sessionId: string) =>
  db
    .selectFrom('session_area')
    .select(['area', 'depth_mm'])
    .where('session_id', '=', sessionId)
    .orderBy('position'),
);
const productsOfSession = preparedQuery((db, sessionId: string) =>
  db
    .selectFrom('session_product')
    .innerJoin('product', 'product.id', 'session_product.product_id')
    .innerJoin('product_lot', 'product_lot.id', 'session_product.lot_id')
    .select([
      'session_product.area',
      'session_product.product_id',
      'session_product.lot_id',
      'session_product.volume_ml',
      'product.name',
      'product_lot.lot_number',
      'product_lot.expires_on',
    ])
    .where('session_product.session_id', '=', sessionId)
    .orderBy('session_product.position'),
);
const substancesOfSession = preparedQuery((db, sessionId: string) =>
  db
    .selectFrom('session_substance')
    .select(['source', 'preparation_id', 'name', 'ingredients'])
    .where('session_id', '=', sessionId)
    .orderBy('position'),
);
export const overridesOfSession = preparedQuery((db, sessionId: string) =>
  db
    .selectFrom('session_substance_override')
    .innerJoin('staff_user', 'staff_user.id', 'session_substance_override.recorded_by')
    .select([
      'session_substance_override.line_key',
      'session_substance_override.name',
      'session_substance_override.reason',
      'session_substance_override.recorded_at',
      'staff_user.display_name',
    ])
    .where('session_id', '=', sessionId)
    .orderBy('session_substance_override.seq'),
);
const addendaOfSession = preparedQuery((db, sessionId: string) =>
  db
    .selectFrom('session_addendum')
    .innerJoin('staff_user', 'staff_user.id', 'session_addendum.author_id')
    .select([
      'session_addendum.id',
      'session_addendum.written_at',
      'session_addendum.text',
      'staff_user.display_name',
    ])
    .where('session_id', '=', sessionId)
    .orderBy('session_addendum.seq'),
);

export async function requireSession(db: Queryable, id: string) {
  const [row] = await sessionById(db, id);
  if (!row) throw new AppError('NOT_FOUND', { key: 'errors.sessions.notFound' });
  return row;
}

/** The display names of staff members by id, in one read. */
async function staffNames(db: Queryable, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('staff_user')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** A session's stored note: its fields, and the names of its lines and syringes as stored. */
export interface StoredNote {
  fields: Required<SessionDraftFields>;
  products: TreatmentSession['products'];
  cocktails: SessionCocktail[];
}

/** The note's own fields as stored, in the shape the form and the completeness check use. */
export async function draftFieldsOf(
  db: Queryable,
  row: Selectable<TreatmentSessionRow>,
): Promise<Required<SessionDraftFields>> {
  return (await storedNoteOf(db, row)).fields;
}

export async function storedNoteOf(
  db: Queryable,
  row: Selectable<TreatmentSessionRow>,
): Promise<StoredNote> {
  const areas = await areasOfSession(db, row.id);
  const products = await productsOfSession(db, row.id);
  const substances = await substancesOfSession(db, row.id);
  const cocktails = await readCocktails(db, row.id);
  const linesOf = (source: 'anaesthesia' | 'addition') =>
    substances
      .filter((s) => s.source === source)
      .map((s) => ({
        preparationId: s.preparation_id,
        name: s.name,
        ingredients: JSON.parse(s.ingredients) as string[],
      }));
  const fields: Required<SessionDraftFields> = {
    technique: row.technique as Technique | null,
    needleGauge: row.needle_gauge,
    needleLengthMm: row.needle_length_mm,
    anaesthesia: row.anaesthesia as Anaesthesia | null,
    passes: row.passes,
    points: row.points,
    immediateReactions: row.immediate_reactions,
    notes: row.notes,
    areas: areas.map((a) => ({ area: a.area as TreatmentArea, depthMm: a.depth_mm })),
    products: products.map((p) => ({
      area: p.area as TreatmentArea,
      productId: p.product_id,
      lotId: p.lot_id,
      volumeMl: p.volume_ml,
    })),
    anaesthetics: linesOf('anaesthesia'),
    additions: linesOf('addition'),
    cocktails: cocktailInputsOf(cocktails),
  };
  return {
    fields,
    products: products.map((p, i) => ({
      ...fields.products[i]!,
      productName: p.name,
      lotNumber: p.lot_number,
      expiresOn: p.expires_on,
    })),
    cocktails,
  };
}

export async function getSession(db: Queryable, id: string): Promise<TreatmentSession> {
  return sessionView(db, await requireSession(db, id));
}

/**
 * What a caller has already read in this transaction, so the answer is not read twice: the
 * stored note, and the addenda and overrides where the caller knows them (a draft being signed
 * has no addenda: they are added to signed sessions only).
 */
export interface KnownParts {
  note?: StoredNote;
  addenda?: TreatmentSession['addenda'];
  substanceOverrides?: TreatmentSession['substanceOverrides'];
}

/** The whole session of `row`, reading only what `known` does not already hold. */
export async function sessionView(
  db: Queryable,
  row: Selectable<TreatmentSessionRow>,
  known: KnownParts = {},
): Promise<TreatmentSession> {
  const id = row.id;
  const note = known.note ?? (await storedNoteOf(db, row));
  const addenda =
    known.addenda ??
    (await addendaOfSession(db, id)).map((a) => ({
      id: a.id,
      sessionId: id,
      authorName: a.display_name,
      writtenAt: a.written_at,
      text: a.text,
    }));
  const place = row.course_id ? await sessionPlaceInCourse(db, row.course_id, row.id) : null;
  const recordedBy = row.signature_proven_by === 'password' ? row.signature_recorded_by : null;
  const names = await staffNames(db, [
    row.practitioner_id,
    row.signed_by,
    recordedBy,
    row.abandoned_by,
  ]);
  const staffName = (staffId: string | null) => (staffId ? (names.get(staffId) ?? null) : null);
  return {
    ...note.fields,
    products: note.products,
    cocktails: note.cocktails,
    id: row.id,
    patientId: row.patient_id,
    courseId: row.course_id,
    courseNumber: place?.number ?? null,
    coursePlanned: place?.planned ?? null,
    timing: place?.timing ?? null,
    screeningId: row.screening_id,
    performedOn: row.performed_on,
    status: row.status as TreatmentSession['status'],
    practitionerId: row.practitioner_id,
    practitionerName: staffName(row.practitioner_id) ?? '',
    signedAt: row.signed_at,
    signedByName: staffName(row.signed_by),
    signatureProvenBy: row.signature_proven_by as TreatmentSession['signatureProvenBy'],
    signatureRecordedByName: staffName(recordedBy),
    abandonedAt: row.abandoned_at,
    abandonedByName: staffName(row.abandoned_by),
    abandonReason: row.abandon_reason,
    addenda,
    substanceOverrides:
      known.substanceOverrides ?? overridesAsShown(await overridesOfSession(db, id)),
    adverseEvents: await adverseEventsOfSession(db, id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The overrides as the session shows them. */
export function overridesAsShown(
  rows: Awaited<ReturnType<typeof overridesOfSession>>,
): TreatmentSession['substanceOverrides'] {
  return rows.map((o) => ({
    key: o.line_key,
    name: o.name,
    reason: o.reason,
    byName: o.display_name,
    at: o.recorded_at,
  }));
}

export async function listSessions(db: Queryable, patientId: string): Promise<SessionSummary[]> {
  const rows = await db
    .selectFrom('treatment_session')
    .innerJoin('staff_user', 'staff_user.id', 'treatment_session.practitioner_id')
    .select([
      'treatment_session.id',
      'treatment_session.course_id',
      'treatment_session.performed_on',
      'treatment_session.status',
      'treatment_session.technique',
      'treatment_session.abandon_reason',
      'staff_user.display_name',
    ])
    .where('treatment_session.patient_id', '=', patientId)
    .orderBy('treatment_session.performed_on', 'desc')
    .orderBy('treatment_session.seq', 'desc')
    .execute();
  const areas = await db
    .selectFrom('session_area')
    .innerJoin('treatment_session', 'treatment_session.id', 'session_area.session_id')
    .select(['session_area.session_id', 'session_area.area'])
    .where('treatment_session.patient_id', '=', patientId)
    .orderBy('session_area.position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    courseId: r.course_id,
    performedOn: r.performed_on,
    status: r.status as SessionSummary['status'],
    practitionerName: r.display_name,
    technique: r.technique as Technique | null,
    areas: areas.filter((a) => a.session_id === r.id).map((a) => a.area as TreatmentArea),
    abandonReason: r.abandon_reason,
  }));
}
