import type { ClinicInfo, PageSize } from '../../../../shared/documents/document-data';
import { formatDateTime } from './format-date';
import { buildPdf, type RenderedPdf } from './pdf/build-pdf';
import { contentLeft, contentWidth, heading, paragraph, title } from './pdf/layout';
import { colors, fonts, sizes } from './pdf/theme';

export interface RecoverySheetData {
  documentId: string;
  generatedAt: string;
  locale: string;
  timeZone?: string | undefined;
  pageSize: PageSize;
  clinic: ClinicInfo;
  /** The grouped code, exactly as it is typed back. */
  recoveryKey: string;
}

const STEPS = [
  '- On the new computer, install Mesochart and copy the clinic’s data folder to it (or restore a backup).',
  '- Start Mesochart. Where it cannot open the clinic’s keys, or on the setup screen, choose “Open an existing clinic with its recovery key”.',
  '- Type the key below. Letters and digits only; case and hyphens do not matter, and a typing mistake is reported by group.',
  '- From a terminal an admin can do the same: npm run admin -- recover --data <folder> (the key is asked for).',
];

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
      title: 'Recovery sheet',
      subject: 'Recovery key of the clinic record',
      language: 'en',
      resourcesDir: undefined,
    },
    (doc) => {
      title(
        doc,
        'Recovery sheet',
        `${data.clinic.name} · made ${formatDateTime(data.generatedAt, data.locale, data.timeZone)}`,
      );
      paragraph(
        doc,
        'The clinic record on this computer is encrypted. Its keys are sealed by this computer ' +
          '(its keychain or the clinic passphrase). If this computer is lost or replaced, or the ' +
          'passphrase is forgotten, this recovery key is the only way to open the clinic’s data folder.',
      );
      codeBox(doc, data.recoveryKey);
      heading(doc, 'Opening the clinic on another computer');
      paragraph(doc, STEPS.join('\n'));
      heading(doc, 'Keeping this sheet');
      paragraph(
        doc,
        [
          '- Keep it locked away, apart from the computer and from backups: whoever has both can read every record.',
          '- Do not photograph it, e-mail it or store it on the computer.',
          '- When a new recovery key is made for this clinic, this sheet stops working: destroy it then.',
        ].join('\n'),
      );
      doc.moveDown(1);
      doc
        .font(fonts.regular)
        .fontSize(sizes.small)
        .fillColor(colors.muted)
        .text(
          'Kept by: ______________________    Where: ______________________    Date: __________',
        );
      doc.fillColor(colors.text);
    },
  );
}
