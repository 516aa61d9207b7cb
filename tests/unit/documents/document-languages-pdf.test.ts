import { describe, expect, it } from 'vitest';
import type { ShippedLanguage } from '../../../shared/documents/languages';
import {
  getDefaultAftercareTemplate,
  getDefaultConsentTemplate,
} from '../../../electron/services/documents/render/default-templates';
import { renderAftercarePdf } from '../../../electron/services/documents/render/render-aftercare-pdf';
import { renderConsentPdf } from '../../../electron/services/documents/render/render-consent-pdf';
import { aftercareData, consentData, meta, names } from './fixtures';
import { flat, pdfRawText, pdfText } from './pdf-tools';
import { useTempDir } from './temp-dir';

const temp = useTempDir('languages');

/** The document language a screen reader is told: the catalogue's /Lang entry. */
function catalogueLanguage(bytes: Buffer): string | undefined {
  return /\/Lang \(([^)]*)\)/.exec(bytes.toString('latin1'))?.[1];
}

async function consent(language: ShippedLanguage, name: string) {
  const data = consentData(name);
  return renderConsentPdf(
    { ...data, meta: { ...meta, locale: language } },
    { template: getDefaultConsentTemplate('skin-rejuvenation', language) },
  );
}

async function aftercare(language: ShippedLanguage, name: string) {
  const data = aftercareData(name);
  return renderAftercarePdf(
    {
      ...data,
      meta: { ...meta, locale: language },
      treatedAreas: ['cheeks', 'neck', 'decollete'],
      cautions: ['bleeding-risk'],
    },
    { template: getDefaultAftercareTemplate(language) },
  );
}

describe('documents in the patient’s language', () => {
  it('prints a Turkish consent with Turkish labels, case rules and language tag', async () => {
    const rendered = await consent('tr', names.turkish);
    const text = flat(pdfText(temp.save('consent-tr.pdf', rendered.bytes)));
    expect(catalogueLanguage(rendered.bytes)).toBe('tr');
    for (const phrase of [
      'Tedavi için aydınlatılmış onam: Cilt yenileme mezoterapisi',
      'Şebnem Yılmaz',
      // Turkish upper case keeps the dot on the i.
      'DOĞUM TARİHİ',
      '4 seans',
      'Planlanan kür, yaklaşık 14 gün arayla 4 seanstır.',
      'Kabul ediyorum',
      'Kabul etmiyorum',
      'Ad soyad: Şebnem Yılmaz',
      'Sayfa 1 / 2',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(text).not.toContain('Consent to treatment');
  });

  it('prints a Turkish aftercare sheet: durations, areas and technique in Turkish', async () => {
    const rendered = await aftercare('tr', names.turkish);
    const text = flat(pdfRawText(temp.save('aftercare-tr.pdf', rendered.bytes)));
    expect(catalogueLanguage(rendered.bytes)).toBe('tr');
    for (const phrase of [
      'Tedavi sonrası bakım',
      'Tedavi edilen bölgeyi 8–12 saat boyunca yıkamayın.',
      '2 hafta boyunca bölgeye başka bir işlem (peeling, lazer) yaptırmayın.',
      'yanaklar, boyun, dekolte',
      'Nappage, 1–1.5 mm',
      'Reçeteli ilaçlarınızı doktorunuzun söylediği şekilde kullanmaya devam edin.',
      'Acil durum',
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('prints an Arabic consent whose name and sentences read back in logical order', async () => {
    const rendered = await consent('ar', names.arabic);
    const text = pdfText(temp.save('consent-ar.pdf', rendered.bytes));
    expect(catalogueLanguage(rendered.bytes)).toBe('ar');
    expect(text).toContain(names.arabic);
    for (const phrase of [
      'الموافقة المستنيرة على العلاج',
      'الإجراء والغرض منه',
      'الآثار الجانبية النادرة',
      'لا أوافق',
    ]) {
      expect(text).toContain(phrase);
    }
    // The clinic's phone number keeps its groups in order inside the Arabic header.
    expect(text).toContain('+90 216 555 01 23');
  });

  it('prints an Arabic aftercare sheet with its durations and areas', async () => {
    const rendered = await aftercare('ar', names.arabic);
    const text = pdfText(temp.save('aftercare-ar.pdf', rendered.bytes));
    expect(catalogueLanguage(rendered.bytes)).toBe('ar');
    expect(text).toContain(names.arabic);
    // Poppler moves the Arabic comma to either side of a word, so the areas are read one by one.
    for (const area of ['الخدان', 'الرقبة', 'أعلى الصدر']) expect(text).toContain(area);
    for (const phrase of [
      'تعليمات العناية بعد العلاج',
      'لا تغسل المنطقة المعالجة لمدة من',
      'أسبوعين',
      'تناول الأدوية الموصوفة لك كما نصحك طبيبك',
      'حالة طارئة',
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('prints a French consent with French labels', async () => {
    const rendered = await consent('fr', names.polish);
    const text = flat(pdfText(temp.save('consent-fr.pdf', rendered.bytes)));
    expect(catalogueLanguage(rendered.bytes)).toBe('fr');
    for (const phrase of [
      'Consentement éclairé au traitement : Mésothérapie de revitalisation cutanée',
      'Łucja Wiśniewska',
      'DATE DE NAISSANCE',
      '4 séances',
      'J’accepte',
      'Page 1 sur 2',
    ]) {
      expect(text).toContain(phrase);
    }
  });
});
