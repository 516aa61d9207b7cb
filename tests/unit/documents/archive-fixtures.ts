import path from 'node:path';
import sharp from 'sharp';
import { rawDb, type TestApp } from '../../support/helpers';
import { register } from '../patients/fixtures';
import { startTreatmentClinic, type Clinic } from '../sessions/fixtures';
import { openSealed, plainCopy, writePlain } from '../../support/sealed-files';
import type { ArchivedDocumentInfo } from '../../../shared/api/documents';

export const NAMES = {
  turkish: { givenName: 'Şebnem', familyName: 'Yılmaz' },
  russian: { givenName: 'Дарья', familyName: 'Иванова' },
  greek: { givenName: 'Νίκος', familyName: 'Παπαδόπουλος' },
} as const;

export interface DocumentsClinic extends Clinic {
  patientName: string;
}

/** A clinic with a catalogue, a practitioner signed in, and a patient with a Turkish name. */
export async function startDocumentsClinic(): Promise<DocumentsClinic> {
  const clinic = await startTreatmentClinic();
  return { ...clinic, patientName: `${NAMES.turkish.givenName} ${NAMES.turkish.familyName}` };
}

/** Another patient, unlike the first in every detail the duplicate check compares. */
export function registerAnother(
  app: TestApp,
  name: { givenName: string; familyName: string },
  n: number,
) {
  return register(app, {
    ...name,
    dateOfBirth: `197${n}-0${n}-1${n}`,
    phone: `+30 210 555 000${n}`,
    email: '',
    preferredLanguage: '',
  });
}

export function consentInput(c: Clinic, overrides: Record<string, unknown> = {}) {
  return {
    patientId: c.patientId,
    procedureKind: 'skin-rejuvenation',
    practitionerId: c.practitionerId,
    productIds: [c.vitamins.id],
    otherProducts: [{ name: 'Lidocaine cream 5%', ingredients: ['lidocaine'] }],
    plannedSessions: 4,
    intervalDays: 14,
    ...overrides,
  };
}

export function generate(c: Clinic, overrides: Record<string, unknown> = {}) {
  return c.app.ok<ArchivedDocumentInfo>('documents.generateConsent', consentInput(c, overrides));
}

/** A drawn stroke, as signature_pad exports it: a transparent PNG with ink. */
export async function signaturePng(stroke = '#1a237e'): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="140"><path d="M10 90 C 60 10, 90 130, 150 60 S 250 30, 300 90 S 360 110, 390 40" stroke="${stroke}" stroke-width="4" fill="none"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

export async function blankPng(): Promise<string> {
  const png = await sharp({
    create: { width: 400, height: 140, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
  })
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** The default forms ask one separate choice: photographs for any other use. */
export const PHOTO_CHOICE = {
  sectionId: 'photographs-other-use',
  decision: 'disagree',
  initials: 'ŞY',
} as const;

/** Signed by the signed-in practitioner, who is the consent's own. */
export async function sign(c: Clinic, documentId: string) {
  return c.app.ok<ArchivedDocumentInfo>('documents.signConsent', {
    documentId,
    patientSignature: await signaturePng(),
    practitionerSignature: await signaturePng('#000000'),
    choices: [PHOTO_CHOICE],
  });
}

function filePathOf(app: TestApp, doc: { id: string }): string {
  const row = rawDb(app).prepare('SELECT file_path FROM document WHERE id = ?').get(doc.id) as {
    file_path: string;
  };
  return row.file_path;
}

/** The archived file as stored: encrypted, for tests that tamper with it. */
export function storedPath(app: TestApp, doc: { id: string }): string {
  return path.join(app.dataDir, 'documents', ...filePathOf(app, doc).split('/'));
}

/** A decrypted copy of the archived PDF (outside the data folder), for reading it back. */
export function archivedPath(app: TestApp, doc: { id: string }): string {
  const key = `documents/${filePathOf(app, doc)}`;
  if (!app.database) return plainCopy(app.dataDir, app.databaseKey, key);
  // On a clinic server the sealed file is a blob in the database, as every workstation reads it.
  const row = rawDb(app)
    .prepare("SELECT encode(bytes, 'hex') AS hex FROM file_blob WHERE key = ?")
    .get(key) as { hex: string };
  return writePlain(key, openSealed(Buffer.from(row.hex, 'hex'), app.databaseKey, key));
}
