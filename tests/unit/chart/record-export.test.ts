import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartExportRecordOutput } from '../../../shared/api/chart';
import type { TreatmentSession } from '../../../shared/api/sessions';
import { answers } from '../patients/fixtures';
import { importFiles } from '../photos/records-fixtures';
import { fileToken, rawDb } from '../../support/helpers';
import {
  completeDraft,
  startSession,
  startTreatmentClinic,
  today,
  type Clinic,
} from '../sessions/fixtures';
import { fhirR4Validator } from './fhir-schema';

let c: Clinic;
let out: string;
let exported: ChartExportRecordOutput;
let abandoned: TreatmentSession;
let openDraft: TreatmentSession;
let bundle: { entry: { resource: Record<string, unknown> & { resourceType: string } }[] };

beforeAll(async () => {
  c = await startTreatmentClinic();
  out = mkdtempSync(path.join(tmpdir(), 'mesochart-record-export-'));
  const patientId = c.patientId;
  await c.app.ok('history.submit', {
    patientId,
    answers: answers((a) => {
      a.allergies.ticks.latex = 'yes';
      a.conditions.hypertension = 'not-asked';
      a.allergies.other = 'Penicillin';
      a.medicines = [{ text: 'Eliquis 5 mg twice daily', lastDose: '' }];
    }),
    takenBy: 'staff',
  });
  await c.app.ok('consents.record', {
    patientId,
    kind: 'photos-record',
    decision: 'given',
    note: '',
  });
  const draft = await startSession(c);
  await c.app.ok('sessions.saveDraft', { id: draft.id, ...completeDraft(c) });
  const session = await c.app.ok<TreatmentSession>('sessions.sign', { id: draft.id });
  await c.app.ok('adverseEvents.record', {
    sessionId: session.id,
    kind: 'bruising',
    severity: 'mild',
    onsetOn: today(c.app),
    description: 'Bruise on the left cheek',
    actionTaken: 'Cold compress',
  });
  await c.app.ok('documents.generateAftercare', { sessionId: session.id });
  await importFiles(c.app, patientId, ['orientation-8.jpg']);
  // A draft given up with its reason, and one still open: both belong to the record.
  abandoned = await startSession(c);
  await c.app.ok('sessions.abandon', { id: abandoned.id, reason: 'Patient felt faint' });
  openDraft = await startSession(c);
  exported = await c.app.ok<ChartExportRecordOutput>('chart.exportRecord', {
    patientId,
    folder: fileToken(c.app, 'export-folder', out),
    purpose: 'transfer',
    recipient: 'Clinique du Parc',
  });
  bundle = JSON.parse(readFileSync(exported.fhirBundle, 'utf8')) as typeof bundle;
  // KEEP_PDFS=<dir> keeps the record PDF, to render with pdftoppm and look at.
  if (process.env['KEEP_PDFS'])
    copyFileSync(exported.recordPdf, `${process.env['KEEP_PDFS']}/record.pdf`);
}, 120_000);
afterAll(async () => {
  await c.app.close();
  rmSync(out, { recursive: true, force: true });
});

describe("exporting a patient's whole record", () => {
  it('writes one new folder with the record PDF, the FHIR bundle, the photos and the documents', () => {
    expect(path.dirname(exported.folder)).toBe(out);
    expect(readdirSync(out)).toEqual([path.basename(exported.folder)]); // no temp folder left
    expect(readdirSync(exported.folder).sort()).toEqual([
      'documents',
      'patient-record.fhir.json',
      'photos',
      'record.pdf',
    ]);
    expect(exported.photos).toBe(1);
    const photo = readdirSync(path.join(exported.folder, 'photos'));
    expect(photo).toHaveLength(1);
    expect(photo[0]).toMatch(/cheeks-front-before\.jpg$/);
    // The consent the session needed and the aftercare sheet, as plain PDFs.
    const docs = readdirSync(path.join(exported.folder, 'documents'));
    expect(docs.some((d) => d.startsWith('consent-'))).toBe(true);
    expect(docs.some((d) => d.startsWith('aftercare-'))).toBe(true);
    for (const d of docs) {
      expect(
        readFileSync(path.join(exported.folder, 'documents', d))
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    }
  });

  it('the record PDF reads as the record: identity, history, checks, sessions, events, consents, photos', () => {
    const text = execFileSync('pdftotext', ['-layout', exported.recordPdf, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    for (const phrase of [
      'Patient record',
      'Record transferred to another clinic, for Clinique du Parc',
      'Şebnem',
      'Medical history, version 1',
      'Eliquis 5 mg twice daily',
      'Penicillin',
      'Not asked high blood pressure',
      'Pre-procedure checks',
      'Sessions',
      'NCTF 135 HA',
      'Adverse events',
      'Bruise on the left cheek',
      'Consents',
      'photos-record',
      'Photographs',
      'cheeks, front, before',
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('keeps drafts and abandoned sessions, marked as never signed with who gave up and why', () => {
    const text = execFileSync('pdftotext', ['-layout', exported.recordPdf, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(text).toContain('Draft — not signed');
    // The status cell wraps beside the practitioner's column, so its lines are read apart.
    expect(text).toContain('Abandoned:');
    expect(text).toContain(`Patient felt faint, by Inès Moreau, ${today(c.app)}`);
    // Their syringes are marked too, so none reads as given.
    expect(text).toContain('(abandoned) total volume 5 ml');
    const procedures = new Map(
      bundle.entry
        .filter((e) => e.resource.resourceType === 'Procedure')
        .map((e) => [e.resource.id, e.resource]),
    );
    expect(procedures.size).toBe(3);
    expect(procedures.get(abandoned.id)).toMatchObject({
      status: 'not-done',
      statusReason: { text: `Abandoned: Patient felt faint, by Inès Moreau, ${today(c.app)}` },
    });
    expect(procedures.get(openDraft.id)).toMatchObject({
      status: 'in-progress',
      note: [{ text: 'Draft — not signed' }],
    });
    expect([...procedures.values()].filter((p) => p['status'] === 'completed')).toHaveLength(1);
  });

  it('the FHIR bundle is valid against the FHIR R4 JSON schema and holds every kind of resource', () => {
    const validate = fhirR4Validator();
    const valid = validate(bundle);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const types = new Set(bundle.entry.map((e) => e.resource.resourceType));
    for (const t of [
      'Patient',
      'AllergyIntolerance',
      'MedicationStatement',
      'Procedure',
      'Consent',
      'Media',
      'AdverseEvent',
    ]) {
      expect(types).toContain(t);
    }
    expect(exported.fhirResources).toBe(bundle.entry.length);
    const media = bundle.entry.find((e) => e.resource.resourceType === 'Media')!.resource;
    const url = (media['content'] as { url: string }).url;
    expect(existsSync(path.join(exported.folder, url))).toBe(true);
    const allergies = bundle.entry
      .filter((e) => e.resource.resourceType === 'AllergyIntolerance')
      .map((e) => (e.resource['code'] as { text: string }).text);
    expect(allergies).toEqual(['Latex', 'Penicillin']);
  }, 120_000);

  it('the schema check fails a bundle that is not valid FHIR', () => {
    const validate = fhirR4Validator();
    const broken = structuredClone(bundle);
    const patient = broken.entry.find((e) => e.resource.resourceType === 'Patient')!.resource;
    patient['gender'] = 'woman';
    expect(validate(broken)).toBe(false);
    const unknown = structuredClone(bundle);
    unknown.entry[0]!.resource['favouriteColour'] = 'blue';
    expect(validate(unknown)).toBe(false);
  }, 120_000);

  it('is audited as a disclosure of that patient', () => {
    const rows = rawDb(c.app)
      .prepare(
        "SELECT patient_id, action, object_type, outcome FROM audit_event WHERE operation = 'chart.exportRecord'",
      )
      .all();
    expect(rows).toEqual([
      {
        patient_id: c.patientId,
        action: 'execute',
        object_type: 'record-disclosure',
        outcome: 'success',
      },
    ]);
  });

  it('refuses a folder inside the data folder, or one typed in place of the dialog, writing nothing', async () => {
    for (const folder of [fileToken(c.app, 'export-folder', c.app.dataDir), 'exports', out]) {
      const result = await c.app.call('chart.exportRecord', {
        patientId: c.patientId,
        folder,
        purpose: 'subject-access',
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.fields?.['folder']).toBeTruthy();
    }
    expect(readdirSync(c.app.dataDir).filter((f) => f.includes('record'))).toEqual([]);
  });
});
