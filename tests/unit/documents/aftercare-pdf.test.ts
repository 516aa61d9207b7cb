import { describe, expect, it } from 'vitest';
import { getDefaultAftercareTemplate } from '../../../electron/services/documents/render/default-templates';
import { renderAftercarePdf } from '../../../electron/services/documents/render/render-aftercare-pdf';
import { renderTemplateText } from '../../../electron/services/documents/render/render-template-text';
import { aftercareData, logoSvg, meta, names, pngDataUrl } from './fixtures';
import { flat, pdfInfo, pdfRawText, pdfText, qpdfCheck } from './pdf-tools';
import { useTempDir } from './temp-dir';

const temp = useTempDir('aftercare');

describe('renderAftercarePdf', () => {
  it.each(Object.entries(names))('prints the %s name exactly', async (label, name) => {
    const rendered = await renderAftercarePdf(aftercareData(name));
    expect(pdfText(temp.save(`aftercare-${label}.pdf`, rendered.bytes))).toContain(name);
  });

  it('lists every aftercare item, what is normal, when to call and the emergency', async () => {
    // No treated areas recorded (a sheet archived before they were): every instruction prints.
    const rendered = await renderAftercarePdf(aftercareData());
    const file = temp.save('aftercare-items.pdf', rendered.bytes);
    const text = flat(pdfRawText(file));
    const defaults = getDefaultAftercareTemplate();
    const template = renderTemplateText(defaults, {
      'clinic.phone': '+90 216 555 01 23',
    });
    template.items.forEach((item, i) => {
      // Cautions print only when the patient's check raised them.
      if (defaults.items[i]?.when) expect(text).not.toContain(item.text);
      else expect(text).toContain(item.text);
    });
    for (const phrase of [
      'Do not wash the treated area for 8–12 hours',
      'Scalp: wash your hair the next day',
      'No make-up on the treated area for 12 hours',
      'sweat for 24–48 hours',
      'No sun, sunbed or UV for 48 hours; then use sunscreen',
      'No sauna, hot bath, swimming pool or massage for 48–72 hours',
      'No alcohol for 24–48 hours',
      'No other treatments on the area (peels, laser) for 2 weeks',
      'Drink plenty of water',
      'What is normal',
      'Redness and small bumps at the injection points for a few hours',
      'Swelling for 1–3 days',
      'Bruising, fading within 5–7 days',
      'Call the clinic if you have',
      'redness or pain that spreads or grows after day 2',
      'pus, fever, lumps or blistering',
      'any reaction lasting more than 3 days',
      'Tel. +90 216 555 01 23',
      'Emergency',
      'Swelling of the lips or face, or difficulty breathing',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(rendered.templateVersion).toBe(1);
  });

  it('names the treatment given: areas, products and lots, next appointment', async () => {
    const rendered = await renderAftercarePdf(aftercareData(names.russian));
    const text = flat(pdfRawText(temp.save('aftercare-treatment.pdf', rendered.bytes)));
    for (const phrase of [
      'Face (cheeks), Neck, Décolleté',
      'Nappage, 1–1.5 mm',
      'NCTF 135 HA',
      'NC-24A117',
      'Dermaheal SR',
      'DH-5521-B',
      'Lidocaine cream 5%',
      'LC-77310',
      '3 ml',
      'Next appointment',
      '28 Mar 2025, 10:30',
      'care@luma-clinic.example',
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('fits one page for a typical session on A4 and Letter, with logo', async () => {
    const logoDataUrl = await pngDataUrl(logoSvg(), 200, 80);
    for (const pageSize of ['A4', 'LETTER'] as const) {
      const data = aftercareData(names.turkish);
      data.meta = { ...meta, pageSize };
      data.clinic = { ...data.clinic, logoDataUrl };
      const rendered = await renderAftercarePdf(data);
      const file = temp.save(`aftercare-${pageSize}.pdf`, rendered.bytes);
      expect(pdfInfo(file)['Pages']).toBe('1');
      expect(rendered.pageCount).toBe(1);
      expect(flat(pdfText(file))).toContain('Page 1 of 1 · Document DOC-2025-000123');
      const check = qpdfCheck(file);
      expect(check.output).toContain('No syntax or stream encoding errors found');
      expect(check.status).toBe(0);
    }
  });

  it('shows a due date when no appointment is booked', async () => {
    const data = aftercareData();
    data.session.nextAppointment = { kind: 'due', date: '2025-03-28' };
    const text = flat(
      pdfText(temp.save('aftercare-due.pdf', (await renderAftercarePdf(data)).bytes)),
    );
    expect(text).toContain('due around 28 Mar 2025');
  });

  it('uses a clinic-edited duration', async () => {
    const template = getDefaultAftercareTemplate();
    template.version = 2;
    const alcohol = template.items.find((i) => i.id === 'no-alcohol');
    if (!alcohol) throw new Error('no alcohol item');
    alcohol.duration = { min: 3, max: null, unit: 'days' };
    const rendered = await renderAftercarePdf(aftercareData(), { template });
    const text = flat(pdfText(temp.save('aftercare-edited.pdf', rendered.bytes)));
    expect(text).toContain('No alcohol for 3 days');
    expect(rendered.templateVersion).toBe(2);
  });
});
