import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { flat, pdfRawText, pdfText, qpdfCheck } from './pdf-tools';
import { completeDraft, recordConsent, today } from '../sessions/fixtures';
import { archivedPath, startDocumentsClinic, type DocumentsClinic } from './archive-fixtures';
import { findingKeys } from '../../../shared/api/screening';
import { runScreening } from '../../../shared/screening/screening';
import type { ArchivedDocumentInfo } from '../../../shared/api/documents';
import type { TreatmentSession } from '../../../shared/api/sessions';
import type { Course } from '../../../shared/api/courses';
import { clearInput, medicine } from '../screening/screening-fixtures';

let c: DocumentsClinic;
let signed: TreatmentSession;

/** SHOTS=<dir> keeps each summary, to render with pdftoppm and look at. */
function keep(file: string, name: string) {
  const dir = process.env.SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, `${dir}/${name}.pdf`);
}

/** Today's check as the screening service stores it: the rules' own findings, acknowledged. */
function insertCheck(productIds: string[]) {
  const input = clearInput();
  input.history.medicines = [medicine('history-0', 'Eliquis 5 mg twice daily')];
  input.dayOf.hoursSinceAlcohol = 6;
  const { findings } = runScreening(input);
  expect(findings.map((f) => f.ruleId).sort()).toEqual([
    'day-of.alcohol',
    'medicine.anticoagulant',
  ]);
  c.app.services.state.store.sqlite
    .prepare(
      `INSERT INTO screening (id, patient_id, history_version_id, performed_on, performed_at,
        performed_by, answers, planned_product_ids, findings, outcome, acknowledged,
        override_reason, override_by, status)
       VALUES (?, ?, NULL, ?, ?, ?, '{}', ?, ?, 'caution', ?, NULL, NULL, 'passed')`,
    )
    .run(
      randomUUID(),
      c.patientId,
      today(c.app),
      c.app.services.state.clock().toISOString(),
      c.practitionerId,
      JSON.stringify(productIds),
      JSON.stringify(findings),
      JSON.stringify(findingKeys(findings)),
    );
}

async function summaryIn(language: 'tr' | 'ar') {
  c.app.services.state.store.sqlite
    .prepare('UPDATE patient SET preferred_language = ? WHERE id = ?')
    .run(language, c.patientId);
  const doc = await c.app.ok<ArchivedDocumentInfo>('documents.generateSessionSummary', {
    sessionId: signed.id,
  });
  expect(doc.language).toBe(language);
  const file = archivedPath(c.app, doc);
  keep(file, `summary-findings-${language}`);
  expect(qpdfCheck(file).status).toBe(0);
  return { layout: flat(pdfText(file)), raw: flat(pdfRawText(file)) };
}

beforeAll(async () => {
  c = await startDocumentsClinic();
  const course = await c.app.ok<Course>('courses.create', {
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
  insertCheck([c.vitamins.id, c.ha.id]);
  await recordConsent(c, c.patientId);
  const draft = await c.app.ok<TreatmentSession>('sessions.start', {
    patientId: c.patientId,
    courseId: course.id,
  });
  await c.app.ok('sessions.saveDraft', { id: draft.id, ...completeDraft(c) });
  signed = await c.app.ok<TreatmentSession>('sessions.sign', { id: draft.id });
});

describe('the session summary words the check’s findings in the patient’s language', () => {
  it('in Turkish: the anticoagulant left to its prescriber, and the hours since alcohol', async () => {
    const { raw } = await summaryIn('tr');
    expect(raw).toContain('Seans özeti');
    // The medicine line as entered, its drug, and the rule's warning, in Turkish.
    expect(raw).toContain('“Eliquis 5 mg twice daily”: apixaban.');
    expect(raw).toContain('Reçeteli (yalnızca reçeteyle satılır).');
    expect(raw).toContain('Antikoagülan: kanama ve morarma olasılığı daha yüksek.');
    expect(raw).toContain('Bırakmasını önermeyin: kararı reçeteyi yazan hekim verir.');
    expect(raw).toContain('6 saat önce alkol alınmış, kliniğin 48 saatlik süresi içinde');
    expect(raw).not.toContain('Do not advise stopping');
  });

  it('in Arabic: the same findings, right to left, the medicine line kept as entered', async () => {
    const { layout } = await summaryIn('ar');
    expect(layout).toContain('ملخص الجلسة');
    expect(layout).toContain('Eliquis 5 mg twice daily');
    expect(layout).toContain('apixaban');
    for (const word of ['بوصفة', 'تنصح', 'بالتوقف', 'للطبيب', 'الكحول', 'كدمات']) {
      expect(layout).toContain(word);
    }
    expect(layout).not.toContain('Do not advise stopping');
  });
});
