import { randomUUID } from 'node:crypto';
import { rawDb, ADMIN, startClinic, type TestApp } from '../../support/helpers';
import { register } from '../patients/fixtures';
import { localDate } from '../../../electron/services/core/local-date';
import type { Product, Lot } from '../../../shared/api/products';
import type { TreatmentSession } from '../../../shared/api/sessions';

export const PRACTITIONER = {
  username: 'ines.prac',
  displayName: 'Inès Moreau',
  role: 'practitioner',
  password: 'practitioner pass phrase',
};

export interface Clinic {
  app: TestApp;
  practitionerId: string;
  patientId: string;
  vitamins: Product;
  ha: Product;
  lots: { vitA1: Lot; vitA2: Lot; haB1: Lot; expired: Lot };
}

export function today(app: TestApp): string {
  return localDate(app.services.state.clock());
}

export function addDaysTo(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return localDate(new Date(y, m - 1, d + days, 12));
}

export async function signInAs(app: TestApp, username: string, password: string) {
  await app.ok('auth.signOut');
  await app.ok('auth.signIn', { username, password });
}

/** Moves the clock by whole days; the idle lock then holds, so the signed-in user unlocks. */
export async function advanceDays(app: TestApp, days: number, password = PRACTITIONER.password) {
  app.advance(days * 86_400_000);
  await app.ok('auth.unlock', { password });
}

/**
 * A completed pre-procedure check, written as the screening service stores one. The check's own
 * screens come from another module; the session gate only reads these rows.
 */
export function insertScreening(
  app: TestApp,
  patientId: string,
  performedBy: string,
  productIds: readonly string[],
  options: {
    status?: 'passed' | 'overridden' | 'stopped';
    on?: string;
    /** The history version the check read; by default the patient's newest (none: null). */
    historyVersionId?: string | null;
    /** Planned anaesthesia lines. */
    substances?: readonly { preparationId: string | null; name: string; ingredients: string[] }[];
    areas?: readonly string[];
    findings?: readonly object[];
  } = {},
): string {
  const id = randomUUID();
  const on = options.on ?? today(app);
  const sqlite = rawDb(app);
  const newest = sqlite
    .prepare(
      'SELECT id FROM medical_history_version WHERE patient_id = ? ORDER BY version DESC LIMIT 1',
    )
    .get(patientId) as { id: string } | undefined;
  const historyVersionId =
    options.historyVersionId === undefined ? (newest?.id ?? null) : options.historyVersionId;
  sqlite
    .prepare(
      `INSERT INTO screening (id, patient_id, history_version_id, performed_on, performed_at,
        performed_by, answers, planned_product_ids, planned_substances, findings, outcome,
        acknowledged, override_reason, override_by, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`,
    )
    .run(
      id,
      patientId,
      historyVersionId,
      on,
      app.services.state.clock().toISOString(),
      performedBy,
      JSON.stringify(options.areas ? { areas: options.areas } : {}),
      JSON.stringify(productIds),
      JSON.stringify(options.substances ?? []),
      JSON.stringify(options.findings ?? []),
      options.status === 'stopped' || options.status === 'overridden' ? 'do-not-treat' : 'clear',
      options.status === 'overridden' ? 'Benefit outweighs risk' : null,
      options.status === 'overridden' ? performedBy : null,
      options.status ?? 'passed',
    );
  return id;
}

/** A clinic with a catalogue (two products, four lots, one expired), a practitioner and a patient. */
export async function startTreatmentClinic(): Promise<Clinic> {
  const app = await startClinic();
  const practitioner = await app.ok<{ id: string }>('staff.create', PRACTITIONER);
  const vitamins = await app.ok<Product>('products.create', {
    name: 'NCTF 135 HA',
    manufacturer: 'Filorga',
    category: 'vitamins',
    ingredients: ['hyaluronic acid', 'vitamins', 'amino acids'],
    allergens: ['hyaluronicAcid'],
    defaultVolumeMl: 3,
  });
  const ha = await app.ok<Product>('products.create', {
    name: 'Hydra HA 1%',
    manufacturer: 'Mesoline',
    category: 'hyaluronic-acid',
    ingredients: ['sodium hyaluronate'],
    allergens: ['hyaluronicAcid'],
    defaultVolumeMl: 2,
  });
  const t = today(app);
  const lot = (productId: string, lotNumber: string, expiresOn: string) =>
    app.ok<Lot>('products.addLot', {
      productId,
      lotNumber,
      expiresOn,
      receivedOn: addDaysTo(t, -30),
    });
  const lots = {
    vitA1: await lot(vitamins.id, 'VA-001', addDaysTo(t, 365)),
    vitA2: await lot(vitamins.id, 'VA-002', addDaysTo(t, 400)),
    haB1: await lot(ha.id, 'HB-100', addDaysTo(t, 200)),
    expired: await lot(ha.id, 'HB-OLD', addDaysTo(t, -1)),
  };
  const patient = await register(app);
  await signInAs(app, PRACTITIONER.username, PRACTITIONER.password);
  return { app, practitionerId: practitioner.id, patientId: patient.id, vitamins, ha, lots };
}

export async function signInAdmin(app: TestApp) {
  await signInAs(app, ADMIN.username, ADMIN.password);
}

/** A complete note: two areas, two products from two lots. */
export function completeDraft(c: Clinic) {
  return {
    technique: 'nappage',
    needleGauge: 32,
    needleLengthMm: 4,
    anaesthesia: 'numbing-cream',
    passes: 2,
    points: null,
    immediateReactions: 'Mild erythema, settled in 20 minutes',
    notes: 'Tolerated well.',
    areas: [
      { area: 'cheeks', depthMm: 1.5 },
      { area: 'forehead', depthMm: 1 },
    ],
    products: [
      { area: 'cheeks', productId: c.vitamins.id, lotId: c.lots.vitA1.id, volumeMl: 1.5 },
      { area: 'forehead', productId: c.ha.id, lotId: c.lots.haB1.id, volumeMl: 1 },
    ],
  };
}

/**
 * A signed consent for the procedure kind, confirmed on paper: a real generated PDF, so the
 * gate's validity check (the archived file's hash) is the real one. Once per patient and kind.
 */
export async function recordConsent(
  c: Pick<Clinic, 'app' | 'practitionerId' | 'vitamins'>,
  patientId: string,
  procedureKind = 'skin-rejuvenation',
) {
  const sqlite = rawDb(c.app);
  const existing = sqlite
    .prepare(
      `SELECT id FROM document WHERE patient_id = ? AND kind = 'consent' AND procedure_kind = ?
         AND status IN ('signed', 'signed-on-paper')`,
    )
    .get(patientId, procedureKind);
  if (existing) return;
  const document = await c.app.ok<{ id: string }>('documents.generateConsent', {
    patientId,
    procedureKind,
    practitionerId: c.practitionerId,
    productIds: [c.vitamins.id],
    otherProducts: [],
    plannedSessions: 4,
    intervalDays: 14,
  });
  await c.app.ok('documents.confirmPaperSignature', { documentId: document.id, note: '' });
}

export async function startSession(c: Clinic, courseId: string | null = null) {
  insertScreening(c.app, c.patientId, c.practitionerId, [c.vitamins.id, c.ha.id]);
  await recordConsent(c, c.patientId, courseId ? await kindOfCourse(c, courseId) : undefined);
  return c.app.ok<TreatmentSession>('sessions.start', {
    patientId: c.patientId,
    courseId,
    plannedProductIds: courseId ? [] : [c.vitamins.id, c.ha.id],
  });
}

async function kindOfCourse(c: Clinic, courseId: string): Promise<string> {
  const { indication } = rawDb(c.app)
    .prepare('SELECT indication FROM treatment_course WHERE id = ?')
    .get(courseId) as { indication: string };
  const kinds: Record<string, string> = {
    pigmentation: 'pigmentation',
    'hair-loss': 'hair-loss',
    cellulite: 'cellulite-body-contouring',
    'localised-fat': 'localised-fat-reduction',
  };
  return kinds[indication] ?? 'skin-rejuvenation';
}

export async function signedSession(c: Clinic) {
  const session = await startSession(c);
  await c.app.ok('sessions.saveDraft', { id: session.id, ...completeDraft(c) });
  return c.app.ok<TreatmentSession>('sessions.sign', { id: session.id });
}
