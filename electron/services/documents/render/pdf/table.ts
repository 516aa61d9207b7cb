import { contentLeft, contentWidth, placeX } from './layout';
import { colors, fonts, sizes } from './theme';

export interface Column {
  header: string;
  /** Share of the content width; the shares of a table add up to 1. */
  share: number;
}

/**
 * A simple ruled table. Rows are measured before drawing; a row that does not fit moves to a
 * new page, where the header is repeated.
 */
export function table(
  doc: PDFKit.PDFDocument,
  columns: Column[],
  rows: string[][],
  options: { showHeader?: boolean; labelColumn?: boolean } = {},
): void {
  const size = sizes.small;
  const showHeader = options.showHeader ?? true;
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  const widths = columns.map((c) => c.share * width);
  const pad = 3;

  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return (
      Math.max(
        ...cells.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? 0) - 2 * pad })),
      ) +
      2 * pad
    );
  };

  const drawRow = (cells: string[], font: string, color: string) => {
    const height = rowHeight(cells, font);
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      const label = options.labelColumn === true && i === 0;
      doc
        .font(label ? fonts.bold : font)
        .fontSize(size)
        .fillColor(label ? colors.muted : color);
      doc.text(cell, placeX(doc, x + pad, w - 2 * pad), top + pad, { width: w - 2 * pad });
      x += w;
    });
    doc
      .moveTo(left, top + height)
      .lineTo(left + width, top + height)
      .lineWidth(0.4)
      .strokeColor(colors.rule)
      .stroke();
    doc.x = left;
    doc.y = top + height;
  };

  const headers = columns.map((c) => c.header);
  const headerHeight = rowHeight(headers, fonts.bold);
  const fits = (h: number) => doc.y + h <= doc.page.height - doc.page.margins.bottom;

  const headerSpace = showHeader ? headerHeight : 0;
  if (!fits(headerSpace + rowHeight(rows[0] ?? headers, fonts.regular))) doc.addPage();
  if (showHeader) drawRow(headers, fonts.bold, colors.muted);
  for (const row of rows) {
    if (!fits(rowHeight(row, fonts.regular))) {
      doc.addPage();
      if (showHeader) drawRow(headers, fonts.bold, colors.muted);
    }
    drawRow(row, fonts.regular, colors.text);
  }
  doc.fillColor(colors.text);
  doc.y += 4;
}
