import { contentLeft, contentWidth, ensureSpace, placeX } from './layout';
import { colors, fonts, sizes } from './theme';

/**
 * The care instructions in two balanced columns with tick-like markers: the sheet must fit one
 * page for a typical session, and a two-column list halves the height of the longest part.
 */
export function itemColumns(doc: PDFKit.PDFDocument, items: string[]): void {
  const gap = 18;
  const marker = 12;
  const left = contentLeft(doc);
  const colWidth = (contentWidth(doc) - gap) / 2;
  const textWidth = colWidth - marker;
  doc.font(fonts.regular).fontSize(sizes.body);
  const heights = items.map((t) => doc.heightOfString(t, { width: textWidth, lineGap: 0.5 }) + 4);
  const total = heights.reduce((a, b) => a + b, 0);

  // Fill the left column until it holds about half the height, keeping the source order.
  let split = 0;
  let leftHeight = 0;
  while (split < items.length && leftHeight + (heights[split] ?? 0) / 2 <= total / 2) {
    leftHeight += heights[split] ?? 0;
    split++;
  }
  const columns = [items.slice(0, split), items.slice(split)];
  const columnHeight = Math.max(leftHeight, total - leftHeight);
  ensureSpace(doc, columnHeight);

  const top = doc.y;
  columns.forEach((col, c) => {
    const x = left + c * (colWidth + gap);
    let y = top;
    for (const item of col) {
      doc
        .rect(placeX(doc, x, 5), y + 2.5, 5, 5)
        .fillColor(colors.muted)
        .fill();
      doc
        .fillColor(colors.text)
        .font(fonts.regular)
        .fontSize(sizes.body)
        .text(item, placeX(doc, x + marker, textWidth), y, { width: textWidth, lineGap: 0.5 });
      y = doc.y + 4;
    }
  });
  doc.x = left;
  doc.y = top + columnHeight + 2;
}

export interface InfoBox {
  title: string;
  body: string;
  tone: 'plain' | 'danger';
}

/** "What is normal", "When to call" and "Emergency" side by side, each in its own box. */
export function infoBoxes(doc: PDFKit.PDFDocument, boxes: InfoBox[]): void {
  const gap = 10;
  const pad = 7;
  const left = contentLeft(doc);
  const width = (contentWidth(doc) - gap * (boxes.length - 1)) / boxes.length;
  const inner = width - 2 * pad;

  const bodyLines = (body: string) =>
    body.split('\n').map((line) => {
      const bullet = /^\s*-\s+(.*)$/.exec(line);
      return bullet ? { text: bullet[1] ?? '', bullet: true } : { text: line, bullet: false };
    });
  const measure = (box: InfoBox) => {
    doc.font(fonts.bold).fontSize(sizes.body);
    let h = doc.heightOfString(box.title, { width: inner }) + 3;
    doc.font(fonts.regular).fontSize(sizes.small);
    for (const line of bodyLines(box.body)) {
      h += doc.heightOfString(line.text, { width: line.bullet ? inner - 8 : inner }) + 1.5;
    }
    return h + 2 * pad;
  };
  const height = Math.max(...boxes.map(measure));
  ensureSpace(doc, height + 6);
  const top = doc.y;

  boxes.forEach((box, i) => {
    const x = placeX(doc, left + i * (width + gap), width);
    const danger = box.tone === 'danger';
    doc
      .roundedRect(x, top, width, height, 3)
      .fillColor(danger ? colors.dangerFill : colors.boxFill)
      .fill();
    doc
      .font(fonts.bold)
      .fontSize(sizes.body)
      .fillColor(danger ? colors.danger : colors.text)
      .text(box.title, x + pad, top + pad, { width: inner });
    let y = doc.y + 3;
    doc
      .font(fonts.regular)
      .fontSize(sizes.small)
      .fillColor(danger ? colors.danger : colors.text);
    for (const line of bodyLines(box.body)) {
      if (line.bullet) {
        const within = { x: x + pad, width: inner };
        doc.text('•', placeX(doc, x + pad, 8, within), y, { width: 8, lineBreak: false });
        doc.text(line.text, placeX(doc, x + pad + 8, inner - 8, within), y, { width: inner - 8 });
      } else {
        doc.text(line.text, x + pad, y, { width: inner });
      }
      y = doc.y + 1.5;
    }
  });
  doc.fillColor(colors.text);
  doc.x = left;
  doc.y = top + height + 8;
}
