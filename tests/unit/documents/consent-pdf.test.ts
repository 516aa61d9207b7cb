import { describe, expect, it } from 'vitest';
import { procedureKinds } from '../../../shared/documents/procedure-kinds';
import { getDefaultConsentTemplate } from '../../../electron/services/documents/render/default-templates';
import { DocumentGenerationError } from '../../../electron/services/documents/render/document-errors';
import { renderConsentPdf } from '../../../electron/services/documents/render/render-consent-pdf';
import { consentData, logoSvg, names, pngDataUrl, signatureSvg } from './fixtures';
import { flat, pdfInfo, pdfText, qpdfCheck } from './pdf-tools';
import { useTempDir } from './temp-dir';

const temp = useTempDir('consent');

/** Words that show each consent element of the clinical reference made it onto the page. */
const consentElements: Record<string, string[]> = {
  procedure: ['The procedure and its purpose', 'Skin rejuvenation mesotherapy', 'The purpose is'],
  products: [
    'NCTF 135 HA (hyaluronic acid, vitamins, amino acids)',
    'Lidocaine cream 5% (lidocaine)',
  ],
  sessions: ['Number and spacing of sessions', '4 sessions, about 14 days apart'],
  benefits: ['Expected benefits', 'Results vary', 'not guaranteed'],
  common: ['pain', 'redness', 'swelling', 'bruising', 'small bumps'],
  rare: ['infection', 'allergic reaction', 'nodules', 'discoloration', 'necrosis'],
  alternatives: ['Alternatives', 'no treatment', 'Not having the treatment is always an option'],
  history: ['medical history', 'true and complete'],
  preTreatment: ['Pre-treatment instructions', 'followed them'],
  photosRecord: ['Photographs for the medical record'],
  photosOther: ['Photographs for any other use', 'I agree', 'I do not agree'],
  costs: ['Costs', 'cost of each session'],
  rights: ['ask any questions', 'take as much time', 'withdraw your consent'],
  signatures: ['Patient', 'Practitioner', 'Name: Dr. Elif Demir', 'Date:', 'Signature'],
};

describe('renderConsentPdf', () => {
  it.each(Object.entries(names))('prints the %s name exactly', async (label, name) => {
    const rendered = await renderConsentPdf(consentData(name));
    const file = temp.save(`consent-${label}.pdf`, rendered.bytes);
    const text = pdfText(file);
    expect(text).toContain(name);
    expect(flat(text)).toContain(`Name: ${name}`);
    expect(flat(text)).toContain(`I, ${name}, have read`);
  });

  it('contains every consent element, footers on every page and a clean structure', async () => {
    const rendered = await renderConsentPdf(consentData());
    const file = temp.save('consent-elements.pdf', rendered.bytes);
    const text = flat(pdfText(file));
    for (const [element, phrases] of Object.entries(consentElements)) {
      for (const phrase of phrases) {
        expect(text, `${element}: ${phrase}`).toContain(phrase);
      }
    }
    const pages = Number(pdfInfo(file)['Pages']);
    expect(pages).toBe(rendered.pageCount);
    expect(pages).toBeGreaterThanOrEqual(1);
    for (let page = 1; page <= pages; page++) {
      expect(text).toContain(`Page ${page} of ${pages} · Document DOC-2025-000123 · 14 Mar 2025`);
    }
    // Clinic header on every page.
    expect(text.split('Luma Aesthetic Clinic Bağdat Caddesi 214').length - 1).toBe(pages);
    expect(rendered.templateVersion).toBe(1);

    const check = qpdfCheck(file);
    expect(check.output).toContain('No syntax or stream encoding errors found');
    expect(check.status).toBe(0);
  });

  it('writes the PDF metadata', async () => {
    const rendered = await renderConsentPdf(consentData());
    const info = pdfInfo(temp.save('consent-meta.pdf', rendered.bytes));
    expect(info['Title']).toBe('Consent to treatment: Skin rejuvenation mesotherapy');
    expect(info['Author']).toBe('Luma Aesthetic Clinic');
    expect(info['Subject']).toBe('Consent form: Skin rejuvenation mesotherapy');
    expect(info['CreationDate']).toMatch(/2025/);
  });

  it('renders every procedure kind with its own wording', async () => {
    for (const kind of procedureKinds) {
      const data = { ...consentData(names.russian), procedureKind: kind };
      const rendered = await renderConsentPdf(data);
      const file = temp.save(`consent-${kind}.pdf`, rendered.bytes);
      const text = flat(pdfText(file));
      const title = getDefaultConsentTemplate(kind).title;
      expect(text).toContain(title);
      expect(text).toContain(names.russian);
      expect(qpdfCheck(file).status).toBe(0);
    }
  });

  it('places signature images and dates, and the clinic logo', async () => {
    const signature = await pngDataUrl(signatureSvg(), 300, 90);
    const data = consentData(names.greek);
    data.clinic = { ...data.clinic, logoDataUrl: await pngDataUrl(logoSvg(), 200, 80) };
    data.signatures = {
      patient: { imageDataUrl: signature, signedAt: '2025-03-14T09:40:00Z' },
      practitioner: { imageDataUrl: signature, signedAt: '2025-03-14T09:45:00Z' },
    };
    const rendered = await renderConsentPdf(data);
    const file = temp.save('consent-signed.pdf', rendered.bytes);
    expect(flat(pdfText(file))).toContain('Date: 14 Mar 2025');
    expect(qpdfCheck(file).status).toBe(0);
    // The unsigned form prints a line to write the date on instead.
    const unsigned = temp.save(
      'consent-unsigned.pdf',
      (await renderConsentPdf(consentData())).bytes,
    );
    expect(pdfText(unsigned)).toMatch(/Date: _{10,}/);
  });

  it('gives identical text for identical input', async () => {
    const a = await renderConsentPdf(consentData(names.swedish));
    const b = await renderConsentPdf(consentData(names.swedish));
    expect(pdfText(temp.save('same-a.pdf', a.bytes))).toBe(
      pdfText(temp.save('same-b.pdf', b.bytes)),
    );
  });

  it('says why it cannot render bad input', async () => {
    const data = consentData();
    data.clinic = { ...data.clinic, logoDataUrl: 'data:image/png;base64,aGVsbG8gd29ybGQ=' };
    await expect(renderConsentPdf(data)).rejects.toMatchObject({
      name: 'DocumentGenerationError',
      stage: 'input',
      reason: 'the clinic logo is not a valid PNG or JPEG image',
    });

    const path = consentData();
    path.clinic = { ...path.clinic, logoDataUrl: '/etc/passwd' };
    const error = await renderConsentPdf(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentGenerationError);
    expect((error as DocumentGenerationError).fields).toHaveProperty(['clinic.logoDataUrl']);

    await expect(
      renderConsentPdf(consentData(), { template: getDefaultConsentTemplate('prp') }),
    ).rejects.toMatchObject({
      stage: 'input',
      reason: expect.stringMatching(/another procedure kind/),
      // The screens say the stage in their language; the reason stays in the log's English.
      message: 'The document could not be generated: some of its data cannot be used',
      text: { key: 'errors.documents.generation.input' },
    });
  });
});
