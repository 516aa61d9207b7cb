import { describe, expect, it } from 'vitest';
import { renderSessionSummaryPdf } from '../../../electron/services/documents/render/render-session-summary-pdf';
import { names, summaryData } from './fixtures';
import { flat, pdfInfo, pdfText, qpdfCheck } from './pdf-tools';
import { useTempDir } from './temp-dir';

const temp = useTempDir('summary');

describe('renderSessionSummaryPdf', () => {
  it.each(Object.entries(names))('prints the %s name exactly', async (label, name) => {
    const rendered = await renderSessionSummaryPdf(summaryData(name));
    expect(pdfText(temp.save(`summary-${label}.pdf`, rendered.bytes))).toContain(name);
  });

  it('records the session, products with lots, the check, overrides and addenda', async () => {
    const rendered = await renderSessionSummaryPdf(summaryData());
    const file = temp.save('summary.pdf', rendered.bytes);
    const text = flat(pdfText(file));
    for (const phrase of [
      'Session summary',
      'AGE AND SEX',
      '38 years · Female',
      'ALERTS',
      'Allergy: Lidocaine',
      'Blood thinner: Eliquis 5mg BID (apixaban)',
      'Open adverse event: Bruising (moderate) since 2025-03-01',
      'Face (cheeks), Neck, Décolleté',
      'Nappage',
      '1–1.5 mm',
      '32G 4 mm',
      'Numbing cream 30 min',
      'NCTF 135 HA',
      'NC-24A117',
      'DH-5521-B',
      'LC-77310',
      '30 Sept 2026',
      '2.5 ml',
      'Pre-procedure check: Caution',
      'Fish oil / omega-3 within 7 days',
      'Caution',
      'Pregnancy',
      'Clear',
      'Low dose; bruising risk explained',
      'Mild erythema, resolved within 20 minutes.',
      'Signed by Dr. Elif Demir, 14 Mar 2025, 10:05',
      'Addenda',
      'Dr. Elif Demir · 16 Mar 2025, 14:00',
      'Telephone follow-up: small bruise',
      'Page 1 of 1 · Document DOC-2025-000123 · 14 Mar 2025',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(rendered.templateVersion).toBeNull();
    expect(pdfInfo(file)['Title']).toBe('Session summary');
    expect(qpdfCheck(file).status).toBe(0);
  });

  it('says plainly when there are no alerts', async () => {
    const data = summaryData();
    data.alerts = [];
    const rendered = await renderSessionSummaryPdf(data);
    const text = flat(pdfText(temp.save('summary-no-alerts.pdf', rendered.bytes)));
    expect(text).toContain('ALERTS None recorded.');
  });

  it('runs onto further pages with header, footer and table headers repeated', async () => {
    const data = summaryData(names.greek);
    data.addenda = Array.from({ length: 30 }, (_, i) => ({
      author: 'Dr. Elif Demir',
      at: '2025-03-16T14:00:00Z',
      text: `Addendum ${i + 1}: follow-up note with enough words to wrap over a second line of the page at this width, recording what was seen and said.`,
    }));
    data.check.findings = Array.from({ length: 12 }, (_, i) => ({
      label: `Finding ${i + 1}`,
      severity: 'caution' as const,
      detail: 'Detail',
    }));
    const rendered = await renderSessionSummaryPdf(data);
    const file = temp.save('summary-long.pdf', rendered.bytes);
    const pages = Number(pdfInfo(file)['Pages']);
    expect(pages).toBeGreaterThan(1);
    const text = flat(pdfText(file));
    for (let page = 1; page <= pages; page++) {
      expect(text).toContain(`Page ${page} of ${pages} · Document`);
    }
    expect(text).toContain('Addendum 30:');
    expect(qpdfCheck(file).status).toBe(0);
  });
});
