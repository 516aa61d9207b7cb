import { describe, expect, it } from 'vitest';
import { createPdf, finishPdf } from '../../../electron/services/documents/render/pdf/create-pdf';
import { visualLine } from '../../../electron/services/documents/render/pdf/bidi-text';
import { resolveResourcesDir } from '../../../electron/services/documents/render/resources-dir';
import { names } from './fixtures';
import { pdfText } from './pdf-tools';
import { useTempDir } from './temp-dir';

const temp = useTempDir('bidi');

/**
 * Words of one script at a time, in the order poppler read them: the order of the sentence.
 * Punctuation between a number and Arabic text is left out: poppler attaches a neutral mark to
 * either neighbour.
 */
function words(text: string): string[] {
  return text.match(/[\p{Script=Arabic}\p{Script=Hebrew}]+|[\p{Script=Latin}\p{N}@.-]+/gu) ?? [];
}

async function printed(language: string, lines: string[]): Promise<string> {
  const doc = createPdf({
    pageSize: 'A4',
    title: 'Bidi',
    subject: 'Bidi',
    author: 'Mesochart',
    creationDate: new Date('2026-12-01T10:00:00Z'),
    language,
    resourcesDir: resolveResourcesDir(undefined),
  });
  doc.fontSize(11);
  for (const line of lines) doc.text(line, { width: 420 });
  return pdfText(temp.save(`${language}-${lines.length}.pdf`, await finishPdf(doc)));
}

const sentence =
  'حقنت المريضة بمنتج Profhilo رقم التشغيلة AB-1234 بتاريخ 2026، للتواصل laila@example.com';

describe('right-to-left text on paper', () => {
  it('prints Arabic and Hebrew names whole, with their space, in an English document', async () => {
    const text = await printed('en', [`Patient: ${names.arabic}`, `Patient: ${names.hebrew}`]);
    expect(text).toContain(`Patient: ${names.arabic}`);
    expect(text).toContain(`Patient: ${names.hebrew}`);
  });

  it('keeps a product name, a lot number, a date and an e-mail in order inside Arabic', async () => {
    const text = await printed('ar', [`اسم المريضة ${names.arabic}`, sentence]);
    expect(text).toContain(names.arabic);
    // Poppler places the space on either side of a left-to-right word inside Arabic; the words
    // themselves must come back in the order they were written.
    expect(words(text)).toEqual([...words(`اسم المريضة ${names.arabic}`), ...words(sentence)]);
  });

  it('keeps the lam-alef ligature readable as the two letters it stands for', async () => {
    const text = await printed('ar', ['العلاج لا يتوقف']);
    expect(text).toContain('العلاج لا يتوقف');
  });

  it('wraps a long Arabic paragraph into lines that each read in order', async () => {
    const paragraph = Array.from({ length: 12 }, () => 'أوافق على العلاج بعد شرح المخاطر').join(
      ' ',
    );
    const text = await printed('ar', [paragraph]);
    expect(text.trim().split('\n').length).toBeGreaterThan(1);
    expect(words(text)).toEqual(words(paragraph));
  });

  // Full names of each script, printed in an English and in an Arabic document: pdftotext gives
  // each back exactly, words in the order written, with their space.
  const fullNames = {
    turkish: names.turkish,
    vietnamese: names.vietnamese,
    greek: 'Νίκος Παπαδόπουλος',
    polish: names.polish,
    cyrillic: names.russian,
    arabic: names.arabic,
    hebrew: names.hebrew,
  };
  it.each(['en', 'ar'])(
    'prints every script’s name exactly in a document in %s',
    async (language) => {
      const text = await printed(language, Object.values(fullNames));
      for (const name of Object.values(fullNames)) expect(text).toContain(name);
    },
  );

  it('reads back a product name and a lot number inside an Arabic sentence exactly', async () => {
    const line = 'استخدم الطبيب منتج NCTF 135 HA من التشغيلة NC-24A117 للمريضة ليلى حداد';
    for (const language of ['ar', 'en']) {
      const text = await printed(language, [line]);
      // Every character in the order written; poppler only chooses which side of a
      // left-to-right run inside Arabic its neighbouring space goes.
      expect(text.replace(/\s+/g, '')).toBe(line.replace(/\s+/g, ''));
      expect(text.trim().split(/\s+/).join(' ')).toContain('NCTF 135 HA');
      expect(words(text)).toEqual(words(line));
    }
  });

  it('places pieces of one direction in visual order without reordering letters inside them', () => {
    const line = visualLine('Lot AB-1234 لـ ليلى حداد', 'ltr');
    expect(line.rtl).toBe(false);
    const drawn = line.pieces.filter((p) => !p.space).map((p) => p.text);
    // The Arabic run is drawn right to left: its last word is placed first (leftmost).
    expect(drawn.slice(-3)).toEqual(['حداد', 'ليلى', 'لـ']);
    expect(visualLine(names.arabic, 'auto').rtl).toBe(true);
  });
});
