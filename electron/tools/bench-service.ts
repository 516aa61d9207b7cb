/**
 * Service-level benchmark rows: each Mesochart operation through the one dispatch wrapper
 * (validation, role check, transaction, audit) against a raw baseline on the same database.
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { MesochartServices } from '../services/app';
import type { Sender } from '../services/dispatch';
import { ftsQuery } from '../services/patients/search';
import { localDate } from '../services/core/local-date';
import { ratioRow, timePair, WARMUP_RUNS, type BenchRow } from './bench-stats';

export interface BenchContext {
  services: MesochartServices;
  sender: Sender;
  sqlite: Database.Database;
  heavy: { id: string; givenName: string; familyName: string; clinicNumber: string };
  practitionerId: string;
  runs: number;
}

export async function ok(ctx: BenchContext, operation: string, input: unknown): Promise<unknown> {
  const result = await ctx.services.dispatch(ctx.sender, operation, input);
  if (!result.ok)
    throw new Error(`${operation} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** What a user types to find the heavy patient: each prefix of the family name, then the given name. */
export function typedQueries(heavy: BenchContext['heavy']): string[] {
  const full = `${heavy.familyName} ${heavy.givenName}`;
  const out: string[] = [];
  for (let i = 1; i <= full.length; i += 1) {
    const q = full.slice(0, i);
    if (q.trim() && !q.endsWith(' ')) out.push(q);
  }
  return out;
}

export async function searchRow(ctx: BenchContext): Promise<BenchRow> {
  const queries = typedQueries(ctx.heavy);
  // The same statements the search service runs, prepared once: the counts (matches from the
  // index less the archived ones, and all patients) in one, and the page (by match or by the
  // name index).
  const counts = ctx.sqlite.prepare(`SELECT
    (SELECT count(*) FROM patient_search WHERE patient_search MATCH ?) - (SELECT count(*)
    FROM patient p CROSS JOIN patient_search s ON s.rowid = p.seq WHERE p.archived = 1
    AND patient_search MATCH ?) AS matching,
    (SELECT count(*) FROM patient WHERE archived = 0) AS everyone`);
  const columns =
    'p.id, p.clinic_number, p.given_name, p.family_name, p.date_of_birth, p.phone, p.email, p.archived';
  const broad = ctx.sqlite.prepare(`SELECT ${columns} FROM patient p
    WHERE p.seq IN (SELECT rowid FROM patient_search WHERE patient_search MATCH ?)
    AND p.archived = 0 ORDER BY p.archived, p.sort_key, p.seq LIMIT 100 OFFSET 0`);
  const narrow = ctx.sqlite
    .prepare(`SELECT ${columns} FROM patient_search s JOIN patient p ON p.seq = s.rowid
    WHERE patient_search MATCH ? AND p.archived = 0 ORDER BY p.archived, p.sort_key, p.seq LIMIT 100 OFFSET 0`);
  const raw = (query: string) => {
    const match = ftsQuery(query) ?? '';
    const total = (counts.get(match, match) as { matching: number }).matching;
    return (total > 300 ? broad : narrow).all(match);
  };
  const mine: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < Math.max(3, Math.ceil(ctx.runs / queries.length)); r += 1) {
    const [a, b] = await timePair(
      queries.length,
      (i) =>
        ok(ctx, 'patients.search', {
          query: queries[Math.max(0, i)],
          includeArchived: false,
          offset: 0,
          limit: 100,
        }),
      (i) => raw(queries[Math.max(0, i)] as string),
    );
    mine.push(...a);
    base.push(...b);
  }
  return ratioRow(
    'patient search, as typed',
    mine,
    base,
    { maxRatioP95: 1.5, maxP95: 16 },
    `queries: ${queries.length} prefixes of the heavy patient's name`,
  );
}

/** The operation the chart's first screen (overview tab) calls. */
export function chartOperations(patientId: string): [string, unknown][] {
  return [['chart.open', { patientId }]];
}

export async function chartRow(ctx: BenchContext): Promise<BenchRow> {
  const id = ctx.heavy.id;
  // The rows the first screen shows, with the names of who recorded them, as plain SQL.
  const statements = [
    'SELECT * FROM patient WHERE id = ?',
    `SELECT h.*, s.display_name FROM medical_history_version h
      JOIN staff_user s ON s.id = h.recorded_by WHERE h.patient_id = ? ORDER BY h.version DESC`,
    `SELECT a.*, t.performed_on, s.display_name FROM adverse_event a
      JOIN treatment_session t ON t.id = a.session_id JOIN staff_user s ON s.id = a.recorded_by
      WHERE a.patient_id = ? AND a.resolved_on IS NULL ORDER BY a.onset_on DESC`,
    `SELECT c.*, s.display_name FROM consent_event c JOIN staff_user s ON s.id = c.recorded_by
      WHERE c.patient_id = ? ORDER BY c.kind, c.seq`,
    `SELECT sc.*, p.display_name, o.display_name FROM screening sc
      JOIN staff_user p ON p.id = sc.performed_by LEFT JOIN staff_user o ON o.id = sc.override_by
      WHERE sc.patient_id = ? ORDER BY sc.performed_on DESC, sc.seq DESC LIMIT 10`,
    `SELECT c.*, s.display_name FROM patient_change c JOIN staff_user s ON s.id = c.changed_by
      WHERE c.patient_id = ? ORDER BY c.seq`,
  ].map((s) => ctx.sqlite.prepare(s));
  const [mine, base] = await timePair(
    ctx.runs,
    async () => {
      for (const [op, input] of chartOperations(id)) await ok(ctx, op, input);
    },
    () => statements.map((s) => s.all(id)),
  );
  return ratioRow(
    "open the heavy patient's chart",
    mine,
    base,
    { maxRatioP95: 2, maxP95: 100 },
    chartOperations(id)
      .map(([op]) => op)
      .join(', '),
  );
}

/**
 * A passed check, as the screening service stores one: made today on the patient's current
 * medical-history version (the session gate refuses a check made on an older one).
 */
function insertScreening(ctx: BenchContext, patientId: string, productIds: string[]) {
  const now = new Date();
  ctx.sqlite
    .prepare(
      `INSERT INTO screening (id, patient_id, history_version_id, performed_on, performed_at,
      performed_by, answers, planned_product_ids, findings, outcome, acknowledged, override_reason,
      override_by, status) VALUES (?, ?, (SELECT id FROM medical_history_version
      WHERE patient_id = ? ORDER BY version DESC LIMIT 1), ?, ?, ?, '{}', ?, '[]', 'clear', '[]',
      NULL, NULL, 'passed')`,
    )
    .run(
      randomUUID(),
      patientId,
      patientId,
      localDate(now),
      now.toISOString(),
      ctx.practitionerId,
      JSON.stringify(productIds),
    );
}

/**
 * The consent the session gate asks for (a session without a course is skin rejuvenation),
 * generated and confirmed on paper through the operations when the patient has no valid one.
 */
async function ensureConsent(ctx: BenchContext, patientId: string, productIds: string[]) {
  const validity = (await ok(ctx, 'documents.consentValidity', { patientId })) as {
    procedureKind: string;
    state: string;
  }[];
  if (validity.some((v) => v.procedureKind === 'skin-rejuvenation' && v.state === 'valid')) return;
  const document = (await ok(ctx, 'documents.generateConsent', {
    patientId,
    procedureKind: 'skin-rejuvenation',
    practitionerId: ctx.practitionerId,
    productIds,
    otherProducts: [],
    plannedSessions: 4,
    intervalDays: 14,
  })) as { id: string };
  await ok(ctx, 'documents.confirmPaperSignature', { documentId: document.id, note: '' });
}

export async function signRow(ctx: BenchContext, patientId: string): Promise<BenchRow> {
  const lots = ctx.sqlite
    .prepare(
      'SELECT l.id AS lotId, l.product_id AS productId FROM product_lot l ORDER BY l.seq LIMIT 4',
    )
    .all() as { lotId: string; productId: string }[];
  const [first, , third] = lots;
  if (!first || !third) throw new Error('the seeded catalogue has no lots');
  const productIds = [first.productId, third.productId];
  const note = benchSessionNote(first, third);

  const insertSession = ctx.sqlite
    .prepare(`INSERT INTO treatment_session (id, patient_id, course_id,
    screening_id, practitioner_id, performed_on, status, technique, needle_gauge, needle_length_mm,
    anaesthesia, passes, points, immediate_reactions, notes, created_at, updated_at)
    VALUES (?, ?, NULL, ?, ?, ?, 'draft', ?, 32, 4, 'none', 2, NULL, ?, ?, ?, ?)`);
  const insertArea = ctx.sqlite.prepare(
    'INSERT INTO session_area (session_id, position, area, depth_mm) VALUES (?, ?, ?, ?)',
  );
  const insertProduct = ctx.sqlite.prepare(`INSERT INTO session_product (session_id, position, area,
    product_id, lot_id, volume_ml) VALUES (?, ?, ?, ?, ?, ?)`);
  const sign = ctx.sqlite.prepare(`UPDATE treatment_session SET status = 'signed', signed_at = ?,
    signed_by = ?, updated_at = ? WHERE id = ?`);
  const lastScreening = ctx.sqlite.prepare(
    'SELECT id FROM screening WHERE patient_id = ? ORDER BY seq DESC LIMIT 1',
  );
  // The signing's audit event is one of the rows a signed session writes.
  const auditHead = ctx.sqlite.prepare('SELECT seq, hash FROM audit_head WHERE id = 1');
  const insertAudit = ctx.sqlite.prepare(`INSERT INTO audit_event (seq, at, user_id, username, role,
    operation, action, patient_id, object_type, object_id, outcome, error_code, prev_hash, hash)
    VALUES (?, ?, ?, 'bench', 'practitioner', 'sessions.sign', 'update', ?, 'session', ?, 'success',
    NULL, ?, ?)`);
  const moveHead = ctx.sqlite.prepare('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1');
  const raw = ctx.sqlite.transaction(() => {
    const id = randomUUID();
    const at = new Date().toISOString();
    const screening = lastScreening.get(patientId) as { id: string };
    insertSession.run(
      id,
      patientId,
      screening.id,
      ctx.practitionerId,
      localDate(new Date()),
      note.technique,
      note.immediateReactions,
      note.notes,
      at,
      at,
    );
    note.areas.forEach((a, i) => insertArea.run(id, i, a.area, a.depthMm));
    note.products.forEach((p, i) =>
      insertProduct.run(id, i, p.area, p.productId, p.lotId, p.volumeMl),
    );
    sign.run(at, ctx.practitionerId, at, id);
    const head = auditHead.get() as { seq: number; hash: string };
    const hash = head.hash.split('').reverse().join('');
    insertAudit.run(head.seq + 1, at, ctx.practitionerId, patientId, id, head.hash, hash);
    moveHead.run(head.seq + 1, hash);
  });
  await ensureConsent(ctx, patientId, productIds);
  // The check and the note are the practitioner's earlier steps (the note autosaves as it is
  // written); signing is the one operation the Sign button calls.
  const mine: number[] = [];
  const base: number[] = [];
  const whole: number[] = [];
  for (let i = -WARMUP_RUNS; i < ctx.runs; i += 1) {
    insertScreening(ctx, patientId, productIds);
    const t0 = performance.now();
    const session = (await ok(ctx, 'sessions.start', {
      patientId,
      courseId: null,
      plannedProductIds: productIds,
    })) as { id: string };
    await ok(ctx, 'sessions.saveDraft', { id: session.id, ...note });
    const t1 = performance.now();
    await ok(ctx, 'sessions.sign', { id: session.id });
    const t2 = performance.now();
    raw();
    const t3 = performance.now();
    if (i < 0) continue;
    mine.push(t2 - t1);
    whole.push(t2 - t0);
    base.push(t3 - t2);
  }
  const sorted = [...whole].sort((a, b) => a - b);
  return ratioRow(
    'sign a session',
    mine,
    base,
    { maxRatioP95: 2 },
    `sessions.sign on a saved draft (2 areas, 2 product lines) against a raw insert of the session, its lines and the audit event; start + saveDraft + sign p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(2)} ms`,
  );
}

/** The signed session the sign rows time: two areas, two products from the seeded lots. */
export function benchSessionNote(
  first: { lotId: string; productId: string },
  third: { lotId: string; productId: string },
) {
  return {
    technique: 'nappage',
    needleGauge: 32,
    needleLengthMm: 4,
    // None: the heavy patient's seeded history declares a local-anaesthetic allergy, and the
    // gate refuses numbing cream for her without an override, as a practitioner would not use it.
    anaesthesia: 'none',
    passes: 2,
    points: null,
    immediateReactions: 'Mild erythema, settled in 20 minutes',
    notes: 'Tolerated well.',
    areas: [
      { area: 'cheeks', depthMm: 1.5 },
      { area: 'forehead', depthMm: 1 },
    ],
    products: [
      { area: 'cheeks', productId: first.productId, lotId: first.lotId, volumeMl: 1.5 },
      { area: 'forehead', productId: third.productId, lotId: third.lotId, volumeMl: 1 },
    ],
  };
}
