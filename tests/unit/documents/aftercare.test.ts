import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flat, pdfInfo, pdfRawText, pdfText, qpdfCheck } from './pdf-tools';
import { CLINIC } from '../../support/helpers';
import { completeDraft, recordConsent, today } from '../sessions/fixtures';
import { archivedPath, startDocumentsClinic, type DocumentsClinic } from './archive-fixtures';
import {
  getDefaultAftercareTemplate,
  renderTemplateText,
} from '../../../electron/services/documents/render';
import { formatDate } from '../../../electron/services/documents/render/format-date';
import { addDays } from '../../../shared/courses/course-rules';
import type { ArchivedDocumentInfo } from '../../../shared/api/documents';
import type { Course } from '../../../shared/api/courses';
import type { TreatmentSession } from '../../../shared/api/sessions';

let c: DocumentsClinic;
let course: Course;
let signed: TreatmentSession;

const OVERRIDE_REASON = 'Isolated cold sore well away from the forehead, reviewed with patient';
const CAUTION = 'Takes aspirin daily: expect more bruising at injection points';
const STOP = 'Active cold sore (herpes labialis) near the treatment area';

/** A check as the screening service stores it: one acknowledged caution, one overridden stop. */
function insertOverriddenCheck(productIds: string[]) {
  const findings = [
    { ruleId: 'anticoagulant', severity: 'caution', explanation: CAUTION, patientMessage: '' },
    { ruleId: 'active-infection', severity: 'do-not-treat', explanation: STOP, patientMessage: '' },
  ];
  c.app.services.state.store.sqlite
    .prepare(
      `INSERT INTO screening (id, patient_id, history_version_id, performed_on, performed_at,
        performed_by, answers, planned_product_ids, findings, outcome, acknowledged,
        override_reason, override_by, status)
       VALUES (?, ?, NULL, ?, ?, ?, '{}', ?, ?, 'do-not-treat', ?, ?, ?, 'overridden')`,
    )
    .run(
      randomUUID(),
      c.patientId,
      today(c.app),
      c.app.services.state.clock().toISOString(),
      c.practitionerId,
      JSON.stringify(productIds),
      JSON.stringify(findings),
      JSON.stringify(['anticoagulant||']),
      OVERRIDE_REASON,
      c.practitionerId,
    );
}

beforeAll(async () => {
  c = await startDocumentsClinic();
  course = await c.app.ok<Course>('courses.create', {
    patientId: c.patientId,
    indication: 'skin-ageing',
    indicationNote: '',
    areas: ['cheeks', 'forehead'],
    plannedSessions: 4,
    intervalDays: 21,
    protocol: {
      productIds: [c.vitamins.id, c.ha.id],
      technique: 'nappage',
      depthMm: 1,
      needleGauge: 32,
      needleLengthMm: 4,
    },
  });
  insertOverriddenCheck([c.vitamins.id, c.ha.id]);
  await recordConsent(c, c.patientId);
  const draft = await c.app.ok<TreatmentSession>('sessions.start', {
    patientId: c.patientId,
    courseId: course.id,
  });
  await c.app.ok('sessions.saveDraft', { id: draft.id, ...completeDraft(c) });
  signed = await c.app.ok<TreatmentSession>('sessions.sign', { id: draft.id });
  await c.app.ok('sessions.addAddendum', {
    sessionId: signed.id,
    text: 'Patient phoned next day: slight bruising on the forehead, reassured.',
  });
}, 60_000);
afterAll(async () => {
  await c.app.close();
});

/** The phrase's words in order, with at most a few cells' worth of other text between them. */
function inOrder(phrase: string): RegExp {
  const words = phrase.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(words.join('[\\s\\S]{1,80}?'));
}

/** KEEP_PDFS=<dir> keeps a copy of each file, to render with pdftoppm and look at. */
function keep(file: string, name: string) {
  const dir = process.env.KEEP_PDFS;
  if (dir) copyFileSync(file, `${dir}/${name}.pdf`);
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the aftercare sheet of a signed session', () => {
  let doc: ArchivedDocumentInfo;
  let file: string;
  beforeAll(async () => {
    const started = performance.now();
    doc = await c.app.ok<ArchivedDocumentInfo>('documents.generateAftercare', {
      sessionId: signed.id,
    });
    console.info(
      `aftercare generated through the operation in ${(performance.now() - started).toFixed(0)} ms`,
    );
    file = archivedPath(c.app, doc);
    keep(file, 'aftercare');
  });

  // The patient prefers Türkçe: she takes home the Turkish sheet, in Turkish throughout.
  it('prints the session actually given, the patient name exactly, and what comes next', () => {
    const text = flat(pdfText(file));
    const raw = flat(pdfRawText(file));
    expect(text).toContain(c.patientName);
    expect(text).toContain('yanaklar, alın');
    expect(text).toContain('Nappage');
    for (const name of ['NCTF 135 HA', 'Hydra HA 1%']) expect(text).toContain(name);
    for (const lot of ['VA-001', 'HB-100']) expect(text).toContain(lot);
    expect(text).toContain(CLINIC.phone);
    expect(text).toContain(signed.practitionerName);
    // The course's next due date: this session plus the interval, as Turkish writes dates.
    expect(text).toContain(`yaklaşık ${formatDate(addDays(today(c.app), 21), 'tr')}`);
    // Every instruction for a face session is printed; none for other areas, and no caution the
    // check did not raise.
    const template = getDefaultAftercareTemplate('tr');
    const forFace = new Set(
      template.items
        .filter(
          (i) => !i.when && (!i.areas || i.areas.some((a) => a === 'cheeks' || a === 'forehead')),
        )
        .map((i) => i.id),
    );
    const items = renderTemplateText(template, {}).items.filter((i) => forFace.has(i.id));
    expect(items.length).toBeGreaterThan(5);
    expect(raw).not.toContain('Saçlı deri: saçınızı');
    for (const item of items) expect(raw).toContain(flat(item.text));
    expect(raw).toMatch(/\d+[–-]?\d* (saat|gün|hafta) boyunca/);
  });

  it('fits one page, passes qpdf, and is archived with its session, template version and hash', () => {
    expect(pdfInfo(file)['Pages']).toBe('1');
    expect(qpdfCheck(file).status).toBe(0);
    expect(sha256(file)).toBe(doc.sha256);
    expect(doc).toMatchObject({
      kind: 'aftercare',
      sessionId: signed.id,
      templateVersion: 1,
      language: 'tr',
      fileCheck: 'ok',
      procedureKind: 'skin-rejuvenation',
      products: ['NCTF 135 HA', 'Hydra HA 1%'],
    });
  });

  it('is listed in the patient documents', async () => {
    const list = await c.app.ok<ArchivedDocumentInfo[]>('documents.list', {
      patientId: c.patientId,
    });
    expect(list.map((d) => d.id)).toContain(doc.id);
  });
});

describe('the session summary', () => {
  // Her summary is in Turkish too; the findings and notes stay as they were recorded.
  it('holds the check findings, the override reason, lots and addenda, in her language', async () => {
    const doc = await c.app.ok<ArchivedDocumentInfo>('documents.generateSessionSummary', {
      sessionId: signed.id,
    });
    const file = archivedPath(c.app, doc);
    keep(file, 'session-summary');
    const text = flat(pdfText(file));
    expect(text).toContain(c.patientName);
    // Table cells wrap, and -layout interleaves a row's cells line by line.
    for (const phrase of [CAUTION, STOP, OVERRIDE_REASON]) expect(text).toMatch(inOrder(phrase));
    expect(text).toContain('Dikkate alındı');
    expect(text).toContain('Seans özeti');
    expect(text).toContain('İşlem öncesi kontrol: Tedavi yapılmamalı');
    expect(text).toContain('slight bruising on the forehead, reassured');
    for (const lot of ['VA-001', 'HB-100']) expect(text).toContain(lot);
    expect(text).toContain('Mild erythema, settled in 20 minutes');
    expect(qpdfCheck(file).status).toBe(0);
    expect(sha256(file)).toBe(doc.sha256);
    expect(doc).toMatchObject({ kind: 'session-summary', sessionId: signed.id, language: 'tr' });
  });
});

describe('refusals', () => {
  it('refuses a draft session, saying to sign it first, and archives nothing', async () => {
    const other = await c.app.ok<{ id: string }>('patients.create', {
      givenName: 'Дарья',
      familyName: 'Иванова',
      dateOfBirth: '1990-02-03',
      sex: 'female',
      phone: '+7 495 000 00 00',
      email: '',
      address: '',
      preferredLanguage: '',
      emergencyContactName: '',
      emergencyContactPhone: '',
      referralSource: '',
    });
    c.app.services.state.store.sqlite
      .prepare(
        `INSERT INTO screening (id, patient_id, history_version_id, performed_on, performed_at,
          performed_by, answers, planned_product_ids, findings, outcome, acknowledged,
          override_reason, override_by, status)
         VALUES (?, ?, NULL, ?, ?, ?, '{}', '[]', '[]', 'clear', '[]', NULL, NULL, 'passed')`,
      )
      .run(
        randomUUID(),
        other.id,
        today(c.app),
        c.app.services.state.clock().toISOString(),
        c.practitionerId,
      );
    await recordConsent(c, other.id);
    // The paper consent the session needed is her only document so far.
    const before = await c.app.ok<ArchivedDocumentInfo[]>('documents.list', {
      patientId: other.id,
    });
    expect(before.map((d) => d.kind)).toEqual(['consent']);
    const draft = await c.app.ok<TreatmentSession>('sessions.start', {
      patientId: other.id,
      courseId: null,
    });
    for (const op of ['documents.generateAftercare', 'documents.generateSessionSummary']) {
      const result = await c.app.call(op, { sessionId: draft.id });
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      if (!result.ok) expect(result.error.message).toMatch(/draft: sign it first/);
    }
    const list = await c.app.ok<ArchivedDocumentInfo[]>('documents.list', { patientId: other.id });
    expect(list).toEqual(before);
  });
});
