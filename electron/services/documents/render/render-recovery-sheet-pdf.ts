import type { ClinicInfo, PageSize } from '../../../../shared/documents/document-data';
import { formatDateTime } from './format-date';
import { buildPdf, type RenderedPdf } from './pdf/build-pdf';
import { contentLeft, contentWidth, heading, paragraph, title } from './pdf/layout';
import { colors, sizes } from './pdf/theme';
import { fillWords } from '../../../../shared/documents/wording';
import type { ShippedLanguage } from '../../../../shared/documents/languages';
import { recoveryWordings } from './wording/recovery-wording';

export interface RecoverySheetData {
  documentId: string;
  generatedAt: string;
  locale: string;
  timeZone?: string | undefined;
  pageSize: PageSize;
  clinic: ClinicInfo;
  /** The language of the person who saves it (their own, else the clinic's screens'). */
  language?: ShippedLanguage | undefined;
  /** The grouped code, exactly as it is typed back. */
  recoveryKey: string;
}

/** The code in a monospaced face, large, in a ruled box: it is read back character by character. */
function codeBox(doc: PDFKit.PDFDocument, code: string): void {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  const groups = code.split('-');
  const lines = [groups.slice(0, 4).join('  '), groups.slice(4).join('  ')];
  const top = doc.y + 6;
  const lineHeight = 26;
  const height = lines.length * lineHeight + 24;
  doc.roundedRect(left, top, width, height, 4).lineWidth(1.2).strokeColor(colors.text).stroke();
  doc.font('Courier-Bold').fontSize(20).fillColor(colors.text);
  lines.forEach((line, i) => {
    doc.text(line, left, top + 14 + i * lineHeight, { width, align: 'center' });
  });
  doc.x = left;
  doc.y = top + height + 10;
}

/**
 * The one-page recovery sheet: the recovery key, what it opens, how to use it, and where to keep
 * it. It is printed once, when the key is made; Mesochart keeps no copy of the key it shows.
 */
export function renderRecoverySheetPdf(data: RecoverySheetData): Promise<RenderedPdf> {
  const language = data.language ?? 'en';
  const w = recoveryWordings[language];
  const bullets = (lines: string[]) => lines.map((l) => `- ${l}`).join('\n');
  return buildPdf(
    {
      meta: {
        documentId: data.documentId,
        generatedAt: data.generatedAt,
        locale: data.locale,
        ...(data.timeZone ? { timeZone: data.timeZone } : {}),
        pageSize: data.pageSize,
      },
      clinic: data.clinic,
      title: w.title,
      subject: w.subject,
      language,
      resourcesDir: undefined,
    },
    (doc) => {
      title(
        doc,
        w.title,
        fillWords(w.made, {
          clinic: data.clinic.name,
          date: formatDateTime(data.generatedAt, data.locale, data.timeZone),
        }),
      );
      paragraph(doc, w.intro);
      codeBox(doc, data.recoveryKey);
      heading(doc, w.openHeading);
      paragraph(doc, bullets(w.steps));
      heading(doc, w.keepHeading);
      paragraph(doc, bullets(w.keep));
      doc.moveDown(1);
      paragraph(doc, w.keptBy, { size: sizes.small });
      doc.fillColor(colors.text);
    },
  );
}
