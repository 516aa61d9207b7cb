/**
 * A patient ready to be treated today, as the front desk and the check screens leave her: one
 * product with a lot, her passed pre-procedure check of today and a consent confirmed on paper.
 */
import { randomUUID } from 'node:crypto';
import type { MesochartServices } from '../../electron/services/app';
import { localDay, patient as seedPatient } from './diary-seed';
import { ADMIN, call, recordConsent, seedClinic } from './flows';

export const PRACTITIONER = {
  username: 'ines.prac',
  displayName: 'Inès Moreau',
  role: 'practitioner',
  password: 'practitioner pass phrase',
};

/** Today's passed check, stored as the check screens store it (its answers are not read here). */
export function passedCheckToday(
  services: MesochartServices,
  patientId: string,
  productIds: string[],
) {
  const { sqlite } = services.state.store;
  const performer = sqlite
    .prepare('SELECT id FROM staff_user WHERE username = ?')
    .get(PRACTITIONER.username) as { id: string };
  sqlite
    .prepare(
      `INSERT INTO screening (id, patient_id, history_version_id, performed_on, performed_at,
        performed_by, answers, planned_product_ids, findings, outcome, acknowledged,
        override_reason, override_by, status)
       VALUES (?, ?, NULL, ?, ?, ?, '{}', ?, '[]', 'clear', '[]', NULL, NULL, 'passed')`,
    )
    .run(
      randomUUID(),
      patientId,
      localDay(),
      new Date().toISOString(),
      performer.id,
      JSON.stringify(productIds),
    );
}

/** The clinic with Inès, one product and lot, and Chloé; nobody signed in afterwards. */
export async function seedTreatmentDay(services: MesochartServices) {
  await seedClinic(services, [PRACTITIONER]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const product = (await call(services, 'products.create', {
    name: 'NCTF 135 HA',
    manufacturer: 'Mesoline',
    category: 'vitamins',
    ingredients: ['sodium hyaluronate'],
    allergens: [],
    defaultVolumeMl: 1.5,
  })) as { id: string };
  const lot = (await call(services, 'products.addLot', {
    productId: product.id,
    lotNumber: 'VA-001',
    expiresOn: localDay(300),
    receivedOn: localDay(-20),
  })) as { id: string };
  const patient = (await call(
    services,
    'patients.create',
    seedPatient('Chloé', 'Lefèvre-Durand', '+33 6 12 34 56 78', '1984-02-29', 'chloe@example.fr'),
  )) as { id: string };
  await call(services, 'auth.signOut');
  return { product, lot, patient };
}

/** With the practitioner signed in: today's check and consent, then a started draft. */
export async function startDraft(
  services: MesochartServices,
  patientId: string,
  productId: string,
): Promise<{ id: string }> {
  passedCheckToday(services, patientId, [productId]);
  await recordConsent(services, patientId, [productId]);
  return (await call(services, 'sessions.start', {
    patientId,
    courseId: null,
    plannedProductIds: [productId],
  })) as { id: string };
}

/** A complete one-area note (cheeks, one product line), ready to sign. */
export async function saveCompleteDraft(
  services: MesochartServices,
  sessionId: string,
  productId: string,
  lotId: string,
  notes = 'Tolerated well.',
) {
  await call(services, 'sessions.saveDraft', {
    id: sessionId,
    technique: 'nappage',
    needleGauge: 32,
    needleLengthMm: 4,
    anaesthesia: 'none',
    passes: 2,
    points: null,
    immediateReactions: 'Mild erythema',
    notes,
    areas: [{ area: 'cheeks', depthMm: 1.5 }],
    products: [{ area: 'cheeks', productId, lotId, volumeMl: 1.5 }],
  });
}
