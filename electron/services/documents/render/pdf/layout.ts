import { isRightToLeftDocument } from './bidi-text';
import { pdfLanguage } from './create-pdf';
import { colors, fonts, sizes } from './theme';

/** Small drawing helpers shared by the three documents; all measure before they draw. */

export function contentLeft(doc: PDFKit.PDFDocument): number {
  return doc.page.margins.left;
}

export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/**
 * Where a block `width` wide that a left-to-right page draws at `x` goes: the same place, or, in
 * a right-to-left document, its mirror inside `box` (the content area unless given), so the
 * first column, a bullet or a tick box sits at the right where the reader starts.
 */
export function placeX(
  doc: PDFKit.PDFDocument,
  x: number,
  width: number,
  box: { x: number; width: number } = { x: contentLeft(doc), width: contentWidth(doc) },
): number {
  return isRightToLeftDocument(doc) ? box.x + box.width - (x - box.x) - width : x;
}

export function spaceLeft(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom - doc.y;
}

/**
 * Starts a new page when `height` does not fit, so a block is never split.
 */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): boolean {
  if (spaceLeft(doc) < height) {
    doc.addPage();
    return true;
  }
  return false;
}

export function title(doc: PDFKit.PDFDocument, text: string, subtitle?: string): void {
  doc
    .font(fonts.bold)
    .fontSize(sizes.title)
    .fillColor(colors.text)
    .text(text, contentLeft(doc), doc.y, { width: contentWidth(doc) });
  if (subtitle) {
    doc.font(fonts.regular).fontSize(sizes.body).fillColor(colors.muted).text(subtitle);
  }
  doc.fillColor(colors.text);
  doc.moveDown(0.4);
}

/** A section heading, kept on the same page as the first `keepWith` points of its content. */
export function heading(doc: PDFKit.PDFDocument, text: string, keepWith = 24): void {
  const gapAbove = 5;
  doc.font(fonts.bold).fontSize(sizes.heading);
  const height = doc.heightOfString(text, { width: contentWidth(doc) });
  const atTop = doc.y <= doc.page.margins.top + 1;
  if (!ensureSpace(doc, height + keepWith + (atTop ? 0 : gapAbove)) && !atTop) {
    doc.y += gapAbove;
  }
  doc
    .font(fonts.bold)
    .fontSize(sizes.heading)
    .fillColor(colors.text)
    .text(text, contentLeft(doc), doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.15);
}

/** Height of a heading plus its body, to keep a short block such as the declaration whole. */
export function measureSection(doc: PDFKit.PDFDocument, title: string, body: string): number {
  const width = contentWidth(doc);
  doc.font(fonts.bold).fontSize(sizes.heading);
  const h = doc.heightOfString(title, { width });
  doc.font(fonts.regular).fontSize(sizes.body);
  return h + doc.heightOfString(body, { width, lineGap: 0.5 }) + 12;
}

/**
 * Body text; lines starting with "- " become bullets. Written line by line so that a bullet's
 * wrapped lines stay indented under its text.
 */
export function paragraph(
  doc: PDFKit.PDFDocument,
  text: string,
  box: { x?: number; width?: number; size?: number } = {},
): void {
  const x = box.x ?? contentLeft(doc);
  const width = box.width ?? contentWidth(doc);
  doc
    .font(fonts.regular)
    .fontSize(box.size ?? sizes.body)
    .fillColor(colors.text);
  for (const line of text.split('\n')) {
    const bullet = /^\s*-\s+(.*)$/.exec(line);
    if (bullet) {
      const y = doc.y;
      const indent = 10;
      const within = { x, width };
      doc.text('•', placeX(doc, x, indent, within), y, { width: indent, lineBreak: false });
      doc.text(bullet[1] ?? '', placeX(doc, x + indent, width - indent, within), y, {
        width: width - indent,
        lineGap: 0.5,
      });
    } else if (line.trim() === '') {
      doc.moveDown(0.4);
    } else {
      doc.text(line, x, doc.y, { width, lineGap: 0.5 });
    }
  }
}

export interface Field {
  label: string;
  value: string;
}

/**
 * Label/value pairs in columns inside a shaded box: the block that names the patient and
 * the treatment at the top of every document.
 */
export function fieldBox(doc: PDFKit.PDFDocument, columns: Field[][]): void {
  const pad = 7;
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  const colWidth = (width - 2 * pad) / columns.length;
  const valueWidth = colWidth - 8;
  const heights = columns.map((col) =>
    col.reduce((sum, f) => sum + fieldHeight(doc, f, valueWidth), 0),
  );
  const boxHeight = Math.max(...heights) + 2 * pad - 2;
  ensureSpace(doc, boxHeight + 8);
  const top = doc.y;
  doc.roundedRect(left, top, width, boxHeight, 3).fillColor(colors.boxFill).fill();
  columns.forEach((col, i) => {
    let y = top + pad;
    const x = placeX(doc, left + pad + i * colWidth, valueWidth);
    for (const f of col) {
      doc
        .font(fonts.regular)
        .fontSize(sizes.small - 1)
        .fillColor(colors.muted)
        .text(f.label.toLocaleUpperCase(pdfLanguage(doc)), x, y, {
          width: valueWidth,
          characterSpacing: 0.3,
        });
      doc
        .font(fonts.bold)
        .fontSize(sizes.body)
        .fillColor(colors.text)
        .text(f.value || '—', x, doc.y, { width: valueWidth });
      y = doc.y + 3;
    }
  });
  doc.x = left;
  doc.y = top + boxHeight + 8;
}

function fieldHeight(doc: PDFKit.PDFDocument, f: Field, width: number): number {
  doc.font(fonts.regular).fontSize(sizes.small - 1);
  const label = doc.heightOfString(f.label.toLocaleUpperCase(pdfLanguage(doc)), {
    width,
    characterSpacing: 0.3,
  });
  doc.font(fonts.bold).fontSize(sizes.body);
  return label + doc.heightOfString(f.value || '—', { width }) + 3;
}

export function rule(doc: PDFKit.PDFDocument): void {
  const y = doc.y + 2;
  doc
    .moveTo(contentLeft(doc), y)
    .lineTo(contentLeft(doc) + contentWidth(doc), y)
    .lineWidth(0.5)
    .strokeColor(colors.rule)
    .stroke();
  doc.y = y + 6;
}
