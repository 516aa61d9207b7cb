import type { ClinicInfo } from '../../../../../shared/documents/document-data';
import { fillWords, wordingFor } from '../../../../../shared/documents/wording';
import { colors, fonts, frame, sizes } from './theme';

export interface FrameText {
  documentId: string;
  /** Already formatted in the clinic's locale. */
  date: string;
  /** The document's language, for the footer's words. */
  language: string;
}

/**
 * Writes the clinic header and the "Page x of y" footer on every buffered page. Done after
 * layout because the page count is only known then; the bottom margin is lifted while writing
 * the footer so pdfkit does not start a new page for text below it.
 */
export function drawPageFrames(
  doc: PDFKit.PDFDocument,
  clinic: ClinicInfo,
  logo: Buffer | null,
  text: FrameText,
): void {
  const range = doc.bufferedPageRange();
  const w = wordingFor(text.language);
  const phone = clinic.phone && fillWords(w.labels.phone, { phone: clinic.phone });
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    drawHeader(doc, clinic, logo, phone);
    drawFooter(
      doc,
      fillWords(w.labels.footer, {
        page: i + 1,
        pages: range.count,
        id: text.documentId,
        date: text.date,
      }),
    );
  }
}

function drawHeader(
  doc: PDFKit.PDFDocument,
  clinic: ClinicInfo,
  logo: Buffer | null,
  phone: string,
): void {
  const left = frame.side;
  const width = doc.page.width - 2 * frame.side;
  const top = frame.headerTop;
  let textLeft = left;
  if (logo) {
    doc.image(logo, left, top, { fit: [110, 40], valign: 'center' });
    textLeft = left + 122;
  }
  const textWidth = width - (textLeft - left);
  doc
    .font(fonts.bold)
    .fontSize(12.5)
    .fillColor(colors.text)
    .text(clinic.name, textLeft, top, { width: textWidth, height: 16, ellipsis: true });
  const address = clinic.address
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .join(', ');
  const contacts = [phone, clinic.email].filter(Boolean).join(' · ');
  doc.font(fonts.regular).fontSize(sizes.small).fillColor(colors.muted);
  if (address) {
    doc.text(address, textLeft, top + 18, { width: textWidth, height: 11, ellipsis: true });
  }
  if (contacts) {
    doc.text(contacts, textLeft, top + 30, { width: textWidth, height: 11, ellipsis: true });
  }
  const ruleY = top + frame.headerHeight;
  doc
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .lineWidth(0.8)
    .strokeColor(colors.rule)
    .stroke();
  doc.fillColor(colors.text);
}

function drawFooter(doc: PDFKit.PDFDocument, line: string): void {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const y = doc.page.height - frame.footerFromBottom;
  doc
    .moveTo(frame.side, y - 6)
    .lineTo(doc.page.width - frame.side, y - 6)
    .lineWidth(0.5)
    .strokeColor(colors.rule)
    .stroke();
  doc
    .font(fonts.regular)
    .fontSize(sizes.footer)
    .fillColor(colors.muted)
    .text(line, frame.side, y, {
      width: doc.page.width - 2 * frame.side,
      align: 'center',
      lineBreak: false,
    });
  doc.page.margins.bottom = bottom;
  doc.fillColor(colors.text);
}
