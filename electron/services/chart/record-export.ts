import { personName } from '../../../shared/patients/person-name';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Queryable } from '../store/db';
import type { ChartExportRecordOutput } from '../../../shared/api/chart';
import { AppError } from '../core/errors';
import { checkExportFolder } from '../core/export-path';
import { localDate } from '../core/local-date';
import { copyFileName, openableDocument } from '../documents/archive';
import { renderPatientRecordPdf } from '../documents/render/render-record-pdf';
import { readDocumentSettings } from '../documents/settings';
import { clinicInfo, documentMeta } from '../documents/sources';
import { originalPhotoBytes } from './photo-bytes';
import { patientRecordBundle } from './record-fhir';
import { gatherPatientRecord, type PatientRecord } from './record-gather';
import { identityFields, recordSections } from './record-pdf-data';

export interface RecordExportRequest {
  patientId: string;
  folder: string;
  purpose: 'subject-access' | 'transfer';
  recipient: string;
  /** Who exports it, printed on the record. */
  byName: string;
}

const purposeWords = {
  'subject-access': 'Copy of the record for the patient (subject access request)',
  transfer: 'Record transferred to another clinic',
};

/** The image type from the first bytes: the stored original keeps the camera's format. */
function imageType(bytes: Buffer): { ext: string; contentType: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return { ext: 'jpg', contentType: 'image/jpeg' };
  if (bytes.subarray(0, 4).toString('hex') === '89504e47')
    return { ext: 'png', contentType: 'image/png' };
  if (bytes.subarray(8, 12).toString('latin1') === 'WEBP')
    return { ext: 'webp', contentType: 'image/webp' };
  if (bytes.subarray(4, 8).toString('latin1') === 'ftyp')
    return { ext: 'heic', contentType: 'image/heic' };
  if (['49492a00', '4d4d002a'].includes(bytes.subarray(0, 4).toString('hex')))
    return { ext: 'tif', contentType: 'image/tiff' };
  return { ext: 'bin', contentType: 'application/octet-stream' };
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');

async function writePhotos(dataDir: string, record: PatientRecord, dir: string) {
  const written = new Map<string, { path: string; contentType: string }>();
  if (record.photos.length > 0) await mkdir(path.join(dir, 'photos'));
  let n = 0;
  for (const p of record.photos) {
    n++;
    const bytes = await originalPhotoBytes(dataDir, p.originalPath);
    const { ext, contentType } = imageType(bytes);
    const name = `photos/${String(n).padStart(3, '0')}-${safeName(
      `${p.takenAt.slice(0, 10)}-${p.area}-${p.view}-${p.phase}`,
    )}.${ext}`;
    await writeFile(path.join(dir, name), bytes, { mode: 0o600 });
    written.set(p.id, { path: name, contentType });
  }
  return written;
}

async function writeDocuments(dataDir: string, record: PatientRecord, dir: string) {
  const written = new Map<string, string>();
  if (record.documents.length > 0) await mkdir(path.join(dir, 'documents'));
  for (const row of record.documents) {
    // A file that fails its hash check is left out and listed as such, not copied as if sound.
    const source = await openableDocument(dataDir, row).catch(() => null);
    if (!source) continue;
    const name = `documents/${copyFileName(row)}`;
    await writeFile(path.join(dir, name), await readFile(source.path), { mode: 0o600 });
    written.set(row.id, name);
  }
  return written;
}

/**
 * Writes one patient's whole record into a new folder inside the one the user chose: record.pdf
 * (readable), patient-record.fhir.json (FHIR R4 bundle), photos/ and documents/. It is built
 * under a temporary name and renamed at the end, so a failure leaves nothing half-written.
 */
export async function exportPatientRecord(
  db: Queryable,
  dataDir: string,
  request: RecordExportRequest,
  now: Date,
): Promise<ChartExportRecordOutput> {
  const parent = await checkExportFolder(dataDir, request.folder);
  const record = await gatherPatientRecord(db, request.patientId);
  const base = safeName(`${record.patient.clinicNumber}-record-${localDate(now)}`) || 'record';
  const temp = path.join(parent, `.${base}.${randomUUID().slice(0, 8)}.part`);
  await mkdir(temp, { mode: 0o700 });
  try {
    const photos = await writePhotos(dataDir, record, temp);
    const documents = await writeDocuments(dataDir, record, temp);
    const bundle = patientRecordBundle(record, { photos, documents }, now);
    await writeFile(
      path.join(temp, 'patient-record.fhir.json'),
      `${JSON.stringify(bundle, null, 2)}\n`,
      { mode: 0o600 },
    );
    const { pageSize } = await readDocumentSettings(db);
    const recipient = request.recipient.trim();
    const rendered = await renderPatientRecordPdf({
      meta: documentMeta(randomUUID(), now, 'en', pageSize),
      clinic: await clinicInfo(db),
      patientName: personName(record.patient),
      disclosure: [
        purposeWords[request.purpose],
        recipient && `for ${recipient}`,
        `exported by ${request.byName}`,
      ]
        .filter(Boolean)
        .join(', '),
      identity: identityFields(record),
      sections: recordSections(record, { photos, documents }),
    });
    await writeFile(path.join(temp, 'record.pdf'), rendered.bytes, { mode: 0o600 });
    const target = await freeName(parent, base);
    await rename(temp, target);
    return {
      folder: target,
      recordPdf: path.join(target, 'record.pdf'),
      fhirBundle: path.join(target, 'patient-record.fhir.json'),
      photos: photos.size,
      documents: documents.size,
      fhirResources: bundle.entry.length,
    };
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new AppError('INTERNAL', { key: 'errors.chart.notWritten', params: { code } });
    throw error;
  }
}

/** The export's folder name, with -2, -3 ... when one of that name is already there. */
async function freeName(parent: string, base: string): Promise<string> {
  for (let i = 1; i < 1000; i++) {
    const candidate = path.join(parent, i === 1 ? base : `${base}-${i}`);
    const taken = await stat(candidate).then(
      () => true,
      (e: NodeJS.ErrnoException) => e.code !== 'ENOENT',
    );
    if (!taken) return candidate;
  }
  throw new AppError('CONFLICT', { key: 'errors.chart.tooManyExports' });
}
