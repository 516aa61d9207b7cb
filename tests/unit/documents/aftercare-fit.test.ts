import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flat, pdfRawText } from './pdf-tools';
import { insertScreening, recordConsent, completeDraft } from '../sessions/fixtures';
import {
  archivedPath,
  registerAnother,
  startDocumentsClinic,
  type DocumentsClinic,
} from './archive-fixtures';
import type { ArchivedDocumentInfo } from '../../../shared/api/documents';
import type { TreatmentSession } from '../../../shared/api/sessions';
import { cautionsFromFindings } from '../../../shared/documents/aftercare-cautions';

let c: DocumentsClinic;
afterAll(async () => {
  await c.app.close();
});
beforeAll(async () => {
  c = await startDocumentsClinic();
}, 60_000);

const APIXABAN = {
  ruleId: 'medicine.anticoagulant',
  severity: 'caution',
  explanation: '"Eliquis 5 mg twice daily" is apixaban. Prescribed. Anticoagulant.',
  patientMessage: 'Keep taking your apixaban exactly as your doctor prescribed.',
};

/** Signs a session of the given areas after a check with these findings; returns its sheet. */
async function sheetFor(
  patientId: string,
  areas: string[],
  findings: object[] = [],
): Promise<string> {
  insertScreening(c.app, patientId, c.practitionerId, [c.vitamins.id], { findings });
  await recordConsent(c, patientId);
  const draft = await c.app.ok<TreatmentSession>('sessions.start', {
    patientId,
    courseId: null,
    plannedProductIds: [c.vitamins.id],
  });
  const lot = completeDraft(c).products[0]!.lotId;
  await c.app.ok('sessions.saveDraft', {
    id: draft.id,
    ...completeDraft(c),
    areas: areas.map((area) => ({ area, depthMm: 1 })),
    products: areas.map((area) => ({
      area,
      productId: c.vitamins.id,
      lotId: lot,
      volumeMl: 1,
    })),
  });
  await c.app.ok('sessions.sign', { id: draft.id });
  const doc = await c.app.ok<ArchivedDocumentInfo>('documents.generateAftercare', {
    sessionId: draft.id,
  });
  const file = archivedPath(c.app, doc);
  if (process.env.KEEP_PDFS) {
    const { copyFileSync } = await import('node:fs');
    copyFileSync(file, `${process.env.KEEP_PDFS}/aftercare-${areas.join('-')}.pdf`);
  }
  return flat(pdfRawText(file));
}

describe('the aftercare sheet fits the treatment', () => {
  it('a face session after a check that flagged a blood thinner: face lines and bruising caution, no scalp line', async () => {
    // The patient prefers Türkçe: her sheet is the Turkish one, fitted the same way.
    const text = await sheetFor(c.patientId, ['cheeks', 'forehead'], [APIXABAN]);
    expect(text).toContain('Tedavi edilen bölgeyi 8–12 saat boyunca yıkamayın');
    expect(text).toContain('Tedavi edilen bölgeye 12 saat boyunca makyaj yapmayın');
    expect(text).not.toContain('Saçlı deri');
    expect(text).toContain('Size özel uyarılar');
    expect(text).toContain('morarma olasılığını artırıyor');
    // Informs; never tells the patient to stop a prescribed medicine.
    expect(text).toContain(
      'Reçeteli ilaçlarınızı doktorunuzun söylediği şekilde kullanmaya devam edin',
    );
    expect(text).not.toContain('uçuk');
  });

  it('a scalp session after a clear check: the scalp line, no face-only lines, no cautions', async () => {
    const other = await registerAnother(c.app, { givenName: 'Дарья', familyName: 'Иванова' }, 3);
    const text = await sheetFor(other.id, ['scalp']);
    expect(text).toContain('Scalp: wash your hair the next day, not before.');
    expect(text).not.toContain('Do not wash the treated area');
    expect(text).not.toContain('No make-up');
    expect(text).not.toContain('Your own cautions');
    expect(text).not.toContain('bruising more likely');
    // Instructions for every area are still there.
    expect(text).toContain('No alcohol for 24–48 hours');
  });
});

describe('cautionsFromFindings', () => {
  it('raises the bruising caution for thinners and bleeding disorders, not for clear lines', () => {
    expect(cautionsFromFindings([APIXABAN])).toEqual(['bleeding-risk']);
    expect(
      cautionsFromFindings([
        { ruleId: 'condition.coagulation-disorder', severity: 'do-not-treat' },
      ]),
    ).toEqual(['bleeding-risk']);
    expect(cautionsFromFindings([{ ruleId: 'medicine.outside-hold', severity: 'clear' }])).toEqual(
      [],
    );
    expect(cautionsFromFindings([{ ruleId: 'medicine.within-hold', severity: 'clear' }])).toEqual(
      [],
    );
    expect(
      cautionsFromFindings([
        { ruleId: 'condition.keloid', severity: 'caution' },
        { ruleId: 'day-of.alcohol', severity: 'caution' },
        { ruleId: 'condition.herpes-history', severity: 'caution' },
      ]),
    ).toEqual(['recent-alcohol', 'cold-sore-history', 'keloid']);
  });
});
