import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSessionSummaryPdf } from '../../../electron/services/documents/render/render-session-summary-pdf';
import { rawDb } from '../../support/helpers';
import type { StaffUser } from '../../../shared/api/staff';
import { archivedPath, generate, startDocumentsClinic } from '../documents/archive-fixtures';
import type { DocumentsClinic } from '../documents/archive-fixtures';
import { summaryData } from '../documents/fixtures';
import { flat, pdfText } from '../documents/pdf-tools';
import { useTempDir } from '../documents/temp-dir';

const temp = useTempDir('licence');
let c: DocumentsClinic;
beforeAll(async () => {
  c = await startDocumentsClinic();
});
afterAll(() => c.app.close());

describe('a practitioner licence number', () => {
  it('is set by the practitioner on their own profile and audited', async () => {
    const me = await c.app.ok<StaffUser>('staff.updateOwnProfile', {
      licenceNumber: '  GMC 7654321 ',
    });
    expect(me.licenceNumber).toBe('GMC 7654321');
    expect((await c.app.ok<StaffUser>('staff.ownProfile')).licenceNumber).toBe('GMC 7654321');
    const audit = rawDb(c.app)
      .prepare(
        "SELECT count(*) AS n FROM audit_event WHERE object_type = 'staff' AND action = 'update'",
      )
      .get() as { n: number };
    expect(audit.n).toBeGreaterThan(0);
  });

  it('refuses hidden bidi or zero-width characters and over-long numbers, changing nothing', async () => {
    for (const licenceNumber of ['GMC\u202e1234', 'GMC\u200b1234', 'X'.repeat(41)]) {
      const result = await c.app.call('staff.updateOwnProfile', { licenceNumber });
      expect(result.ok).toBe(false);
    }
    expect((await c.app.ok<StaffUser>('staff.ownProfile')).licenceNumber).toBe('GMC 7654321');
  });

  it('is printed beside the practitioner name on a generated consent', async () => {
    const doc = await generate(c);
    // The name and number share one field; a narrow column may wrap the number onto a new line.
    // The test patient reads Turkish, so the consent says "Sicil no." where English says "Reg. no.".
    const text = flat(pdfText(archivedPath(c.app, doc)));
    expect(text).toMatch(/\(Sicil no\. GMC\s+(\S+\s+){0,6}?7654321\)/);
  });

  it('is printed beside the practitioner name on the session summary', async () => {
    const data = summaryData();
    data.session.practitioner.licenceNumber = 'NMC 12A3456B';
    const rendered = await renderSessionSummaryPdf(data);
    const text = flat(pdfText(temp.save('summary.pdf', rendered.bytes)));
    // pdftotext reads the wrapped field's second line after the next column's label.
    expect(text).toMatch(/Dr\. Elif Demir \(Reg\. no\. NMC\s+(\S+\s+){0,6}?12A3456B\)/);
    expect(
      flat(pdfText(temp.save('plain.pdf', (await renderSessionSummaryPdf(summaryData())).bytes))),
    ).not.toContain('Reg. no.');
  });
});
