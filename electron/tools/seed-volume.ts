/**
 * Clinic-scale records for benchmarks: signed treatment sessions with their screening, areas and
 * product lines, and photo rows. The catalogue and staff go through the services; the many
 * session and photo rows are written directly in large transactions, shaped as the services write
 * them (a session is written as a draft with its lines, then signed, as the sign operation does).
 */
import { randomUUID } from 'node:crypto';
import type { MesochartServices } from '../services/app';
import { createStaff, findStaffByUsername } from '../services/staff/staff';
import { addLot, createProduct } from '../services/products/products';
import { localDate } from '../services/core/local-date';
import { confirmPaperSignature, generateConsent } from '../services/documents/consent';
import type { ImportedPhoto } from '../services/photos/files';
import { photoViews, photoPhases } from '../../shared/api/photos';
import { treatmentAreas } from '../../shared/sessions/treatment-terms';
import { importPhotoPool } from './seed-photos';

export interface VolumeSize {
  sessions: number;
  photos: number;
  heavy: { sessions: number; photos: number };
}

export const volumeSizes = {
  S: { patients: 3_000, sessions: 10_000, photos: 50_000 },
  L: { patients: 15_000, sessions: 50_000, photos: 400_000 },
} as const;
export const HEAVY = { sessions: 200, photos: 1_000 };
export type SizeName = keyof typeof volumeSizes;

const PRACTITIONERS = ['ines.prac', 'karim.prac', 'lena.prac'];
/** Synthetic staff only: these accounts exist in seeded demo and benchmark data. */
export const practitionerPassword = (username: string) => `${username} pass phrase`;
export const SEED_PRACTITIONER = PRACTITIONERS[0] as string;
const PRODUCTS = [
  { name: 'NCTF 135 HA', manufacturer: 'Filorga', category: 'vitamins', volume: 3 },
  { name: 'Hydra HA 1%', manufacturer: 'Mesoline', category: 'hyaluronic-acid', volume: 2 },
  { name: 'Dermaheal HL', manufacturer: 'Caregen', category: 'peptides', volume: 5 },
  { name: 'Aqualyx', manufacturer: 'Marllor', category: 'lipolytics', volume: 8 },
  { name: 'Organic silicium', manufacturer: 'Toskani', category: 'trace-elements', volume: 2 },
  { name: 'Lidocaine 1%', manufacturer: 'Generic', category: 'anaesthetic', volume: 1 },
] as const;
const TECHNIQUES = ['nappage', 'point-by-point', 'epidermal', 'micropapules'] as const;
const NOTES = ['Tolerated well.', 'Mild erythema, settled.', 'Patient anxious; paused once.', ''];

type Random = () => number;

async function catalogue(services: MesochartServices, adminId: string) {
  const db = services.state.store.db;
  const now = new Date();
  const today = localDate(now);
  const practitioners: string[] = [];
  for (const username of PRACTITIONERS) {
    const existing = await findStaffByUsername(db, username);
    const staff =
      existing ??
      (await createStaff(
        db,
        {
          username,
          displayName: username,
          role: 'practitioner',
          password: practitionerPassword(username),
        },
        now,
      ));
    practitioners.push(staff.id);
  }
  const lots: { productId: string; lotId: string }[] = [];
  for (const p of PRODUCTS) {
    const product = await createProduct(
      db,
      {
        name: p.name,
        manufacturer: p.manufacturer,
        category: p.category,
        ingredients: ['sodium hyaluronate'],
        allergens: [],
        defaultVolumeMl: p.volume,
      },
      now,
      today,
    );
    for (const n of [1, 2]) {
      const lot = await addLot(
        db,
        {
          productId: product.id,
          lotNumber: `${p.name.slice(0, 3).toUpperCase()}-${n}00`,
          expiresOn: '2030-12-31',
          receivedOn: today,
        },
        adminId,
        now,
        today,
      );
      lots.push({ productId: product.id, lotId: lot.id });
    }
  }
  return { practitioners, lots };
}

/** Seeds `size.sessions` signed sessions and `size.photos` photos over the given patients, plus the heavy patient's. */
export async function seedVolume(
  services: MesochartServices,
  adminId: string,
  patientIds: readonly string[],
  heavyPatientId: string,
  size: VolumeSize,
  random: Random,
  progress: (line: string) => void,
): Promise<void> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const { practitioners, lots } = await catalogue(services, adminId);
  progress('importing the photo pool');
  const pool = await importPhotoPool(services.state.dataDir, size.heavy.photos);
  const sqlite = services.state.store.sqlite;
  // Each check read the patient's current medical-history version, as the session gate requires.
  const insertScreening = sqlite.prepare(`INSERT INTO screening (id, patient_id, history_version_id,
    performed_on, performed_at, performed_by, answers, planned_product_ids, findings, outcome,
    acknowledged, override_reason, override_by, status)
    VALUES (?, ?, (SELECT id FROM medical_history_version WHERE patient_id = ?
    ORDER BY version DESC LIMIT 1), ?, ?, ?, '{}', ?, '[]', 'clear', '[]', NULL, NULL, 'passed')`);
  const insertSession = sqlite.prepare(`INSERT INTO treatment_session (id, patient_id, course_id,
    screening_id, practitioner_id, performed_on, status, technique, needle_gauge, needle_length_mm,
    anaesthesia, passes, points, immediate_reactions, notes, created_at, updated_at)
    VALUES (?, ?, NULL, ?, ?, ?, 'draft', ?, 32, 4, 'numbing-cream', 2, NULL, '', ?, ?, ?)`);
  const insertArea = sqlite.prepare(
    'INSERT INTO session_area (session_id, position, area, depth_mm) VALUES (?, ?, ?, ?)',
  );
  const insertProduct = sqlite.prepare(`INSERT INTO session_product (session_id, position, area,
    product_id, lot_id, volume_ml) VALUES (?, ?, ?, ?, ?, ?)`);
  const sign = sqlite.prepare(
    `UPDATE treatment_session SET status = 'signed', signed_at = ?, signed_by = practitioner_id, updated_at = ? WHERE id = ?`,
  );
  const insertPhoto = sqlite.prepare(`INSERT INTO photo (id, patient_id, session_id, phase, area,
    view, taken_at, taken_at_source, sha256, input_sha256, width, height, byte_size, original_path,
    thumbnail_path, preview_path, camera_model, source, imported_at, imported_by, archived,
    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'import', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'file', ?, ?, 0, ?)`);

  const photoCount = new Map<string, number>();
  const now = Date.now();
  const addPhoto = (
    patientId: string,
    sessionId: string,
    day: string,
    area: string,
    by: string,
  ) => {
    const k = photoCount.get(patientId) ?? 0;
    const picture: ImportedPhoto | undefined = pool[k];
    if (!picture) return false;
    photoCount.set(patientId, k + 1);
    const at = `${day}T10:${String(k % 60).padStart(2, '0')}:00`;
    insertPhoto.run(
      randomUUID(),
      patientId,
      sessionId,
      pick(photoPhases),
      area,
      pick(photoViews),
      at,
      picture.sha256,
      picture.inputSha256,
      picture.width,
      picture.height,
      picture.byteSize,
      picture.relativePaths.original,
      picture.relativePaths.thumbnail,
      picture.relativePaths.preview,
      picture.cameraModel,
      `${day}T10:30:00.000Z`,
      by,
      `${day}T10:30:00.000Z`,
    );
    return true;
  };
  const addSession = (patientId: string, daysAgo: number, photos: number) => {
    const day = localDate(new Date(now - daysAgo * 86_400_000));
    const at = `${day}T10:00:00.000Z`;
    const practitioner = pick(practitioners);
    const lines = [pick(lots), pick(lots)];
    const screeningId = randomUUID();
    insertScreening.run(
      screeningId,
      patientId,
      patientId,
      day,
      at,
      practitioner,
      JSON.stringify([...new Set(lines.map((l) => l.productId))]),
    );
    const id = randomUUID();
    insertSession.run(
      id,
      patientId,
      screeningId,
      practitioner,
      day,
      pick(TECHNIQUES),
      pick(NOTES),
      at,
      at,
    );
    const areas = [...new Set([pick(treatmentAreas), pick(treatmentAreas)])];
    areas.forEach((area, i) => insertArea.run(id, i, area, 1 + Math.floor(random() * 3)));
    lines.forEach((line, i) =>
      insertProduct.run(
        id,
        i,
        areas[i % areas.length],
        line.productId,
        line.lotId,
        1 + Math.floor(random() * 3),
      ),
    );
    sign.run(at, at, id);
    for (let p = 0; p < photos; p += 1)
      addPhoto(patientId, id, day, areas[0] ?? 'other', practitioner);
  };

  const normalSessions = size.sessions - size.heavy.sessions;
  const normalPhotos = size.photos - size.heavy.photos;
  const BATCH = 2_000;
  let placed = 0;
  for (let done = 0; done < normalSessions; done += BATCH) {
    sqlite.transaction(() => {
      for (let i = done; i < Math.min(normalSessions, done + BATCH); i += 1) {
        // Spread the photos evenly over the sessions: the i-th session takes its share.
        const target = Math.round(((i + 1) * normalPhotos) / normalSessions);
        addSession(pick(patientIds), Math.floor(random() * 1_100), target - placed);
        placed = target;
      }
    })();
    progress(`${Math.min(normalSessions, done + BATCH)} / ${normalSessions} sessions`);
  }
  sqlite.transaction(() => {
    let heavyPlaced = 0;
    for (let i = 0; i < size.heavy.sessions; i += 1) {
      const target = Math.round(((i + 1) * size.heavy.photos) / size.heavy.sessions);
      addSession(
        heavyPatientId,
        Math.floor((i * 1_460) / size.heavy.sessions),
        target - heavyPlaced,
      );
      heavyPlaced = target;
    }
  })();
  // The heavy patient's consent, generated and confirmed on paper by her practitioner, so a new
  // session for her passes the gate (one PDF; the other patients' consents are not generated).
  const practitionerId = practitioners[0] as string;
  const work = {
    db: services.state.store.db,
    dataDir: services.state.dataDir,
    now: new Date(),
    actorId: practitionerId,
  };
  const documentId = await generateConsent(work, {
    patientId: heavyPatientId,
    procedureKind: 'skin-rejuvenation',
    practitionerId,
    productIds: [...new Set(lots.map((l) => l.productId))].slice(0, 2),
    otherProducts: [],
    plannedSessions: 4,
    intervalDays: 14,
  });
  await confirmPaperSignature(work, { documentId, note: 'Signed on paper at the first visit.' });
  progress('heavy patient done');
}
