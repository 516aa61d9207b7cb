import { describe, expect, it } from 'vitest';
import { shippedLanguages, type ShippedLanguage } from '../../../shared/documents/languages';
import { renderSessionSummaryPdf } from '../../../electron/services/documents/render/render-session-summary-pdf';
import { renderRecoverySheetPdf } from '../../../electron/services/documents/render/render-recovery-sheet-pdf';
import {
  checkFixedWording,
  recoveryWordings,
  summaryWordingFor,
} from '../../../electron/services/documents/render/wording/summary-wording';
import { clinic, meta, names, summaryData } from './fixtures';
import { flat, pdfInfo, pdfRawText, pdfText, qpdfCheck } from './pdf-tools';
import { useTempDir } from './temp-dir';

const temp = useTempDir('summary-languages');

function catalogueLanguage(bytes: Buffer): string | undefined {
  return /\/Lang \(([^)]*)\)/.exec(bytes.toString('latin1'))?.[1];
}

async function summary(language: ShippedLanguage, name: string) {
  const data = summaryData(name);
  // As the service records them: areas and anaesthesia by their English names.
  data.session.areas = ['cheeks', 'neck', 'décolleté'];
  data.session.anaesthesia = 'Numbing cream';
  return renderSessionSummaryPdf({ ...data, language, meta: { ...meta, locale: language } });
}

const recoveryKey = 'ABCD1-EFGH2-JKLM3-NPQR4-STUV5-WXYZ6-23456-789AB';

async function recoverySheet(language: ShippedLanguage) {
  return renderRecoverySheetPdf({
    documentId: 'recovery-1a2b3c4d',
    generatedAt: '2025-03-14T09:30:00Z',
    locale: language,
    language,
    pageSize: 'A4',
    clinic,
    recoveryKey,
  });
}

describe('the fixed-wording documents pass the template check in every language', () => {
  it.each(shippedLanguages.filter((l) => l !== 'en'))('%s', (language) => {
    expect(checkFixedWording(summaryWordingFor('en'), summaryWordingFor(language))).toEqual([]);
    expect(checkFixedWording(recoveryWordings.en, recoveryWordings[language])).toEqual([]);
  });

  it('finds a missing entry and a lost placeholder', () => {
    const broken = { ...summaryWordingFor('fr'), signedBy: 'Signé par {name}', notes: ' ' };
    expect(checkFixedWording(summaryWordingFor('en'), broken)).toEqual([
      'notes: missing',
      'signedBy: placeholders name ≠ name,when',
    ]);
  });
});

describe('the session summary in the patient’s language', () => {
  it.each([
    [
      'fr',
      [
        'Compte rendu de séance',
        'ÂGE ET SEXE',
        '38 ans · Femme',
        'ALERTES',
        'Contrôle avant l’acte : Prudence',
        'Produits et lots',
        '2,5 ml',
        'Péremption',
        'Crème anesthésiante',
        'joues, cou, décolleté',
        'Signé par Dr. Elif Demir',
        'Page 1 sur 1',
      ],
    ],
    [
      'tr',
      [
        'Seans özeti',
        'YAŞ VE CİNSİYET',
        '38 yaş · Kadın',
        'UYARILAR',
        'İşlem öncesi kontrol: Dikkat',
        'Ürünler ve lotlar',
        '2,5 ml',
        'Son kullanma',
        'İmzalayan: Dr. Elif Demir',
        'yanaklar, boyun, dekolte',
        'Anestezik krem',
        'Sayfa 1 / 1',
      ],
    ],
    [
      'ar',
      [
        'ملخص الجلسة',
        'العمر والجنس',
        'أنثى',
        'تنبيهات',
        'الفحص قبل الإجراء',
        'حذر',
        'المنتجات والتشغيلات',
        'NC-24A117',
        'وقّعه',
        'Dr. Elif Demir',
        'الخدان',
        'كريم مخدر',
      ],
    ],
    [
      'en',
      [
        'Session summary',
        'AGE AND SEX',
        '38 years · Female',
        'Pre-procedure check: Caution',
        '2.5 ml',
        'Signed by Dr. Elif Demir',
      ],
    ],
  ] as const)('%s', async (language, phrases) => {
    const name = language === 'ar' ? names.arabic : names.turkish;
    const rendered = await summary(language, name);
    const file = temp.save(`summary-${language}.pdf`, rendered.bytes);
    const text = flat(pdfText(file));
    expect(text).toContain(name);
    for (const phrase of phrases) expect(text).toContain(phrase);
    expect(catalogueLanguage(rendered.bytes)).toBe(language);
    expect(pdfInfo(file)['Title']).toBe(summaryWordingFor(language).title);
    expect(qpdfCheck(file).status).toBe(0);
  });

  it('keeps an Arabic name whole and a lot number in order inside Arabic text', async () => {
    const data = summaryData(names.arabic);
    data.alerts = ['حساسية: Lidocaine 2% lot LC-77310'];
    const rendered = await renderSessionSummaryPdf({
      ...data,
      language: 'ar',
      meta: { ...meta, locale: 'ar' },
    });
    const text = pdfText(temp.save('summary-ar-mixed.pdf', rendered.bytes));
    expect(text).toContain('ليلى حداد');
    expect(text).toContain('Lidocaine 2% lot LC-77310');
    // Volumes keep the Latin digits they were measured in, with the Arabic unit.
    expect(text).toMatch(/2\.5 ?مل|مل ?2\.5/);
  });
});

describe('the recovery sheet in the staff member’s language', () => {
  it.each([
    ['fr', 'Fiche de récupération', 'Conserver cette fiche'],
    ['tr', 'Kurtarma sayfası', 'Bu sayfanın saklanması'],
    ['ar', 'ورقة الاسترداد', 'حفظ هذه الورقة'],
    ['en', 'Recovery sheet', 'Keeping this sheet'],
  ] as const)('%s, one page, the key as typed back', async (language, heading, keeping) => {
    const rendered = await recoverySheet(language);
    const file = temp.save(`recovery-${language}.pdf`, rendered.bytes);
    expect(rendered.pageCount).toBe(1);
    const text = flat(pdfText(file));
    expect(text).toContain(heading);
    expect(text).toContain(keeping);
    expect(text.replace(/\s+/g, '')).toContain(recoveryKey.replace(/-/g, ''));
    // The admin command reads in its own order, whatever the language around it.
    expect(flat(pdfRawText(file))).toContain('npm run admin -- recover --data <folder>');
    expect(catalogueLanguage(rendered.bytes)).toBe(language);
    expect(qpdfCheck(file).status).toBe(0);
  });
});
