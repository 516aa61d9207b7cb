import { contentLeft, contentWidth, ensureSpace } from './layout';
import { colors, fonts, sizes } from './theme';

/**
 * Two tick boxes for a separate choice (photographs for other uses): agreeing to treatment must
 * not be read as agreeing to this as well.
 */
export const choiceHeight = 19;

export function choiceBoxes(
  doc: PDFKit.PDFDocument,
  chosen?: { decision: 'agree' | 'disagree'; initials: string },
): void {
  ensureSpace(doc, choiceHeight);
  const y = doc.y + 3;
  let x = contentLeft(doc);
  doc.font(fonts.regular).fontSize(sizes.body).fillColor(colors.text);
  for (const [decision, label] of [
    ['agree', 'I agree'],
    ['disagree', 'I do not agree'],
  ] as const) {
    doc.rect(x, y, 9, 9).lineWidth(0.8).strokeColor(colors.text).stroke();
    if (chosen?.decision === decision) {
      // A cross in the box, as the patient would tick it on paper.
      doc
        .moveTo(x + 2, y + 2)
        .lineTo(x + 7, y + 7)
        .moveTo(x + 7, y + 2)
        .lineTo(x + 2, y + 7);
      doc.lineWidth(1.2).strokeColor(colors.text).stroke();
    }
    doc.text(label, x + 14, y - 0.5, { lineBreak: false });
    x += 14 + doc.widthOfString(label) + 24;
  }
  doc.text(`Initials: ${chosen ? chosen.initials : '____________'}`, x, y - 0.5, {
    lineBreak: false,
  });
  doc.x = contentLeft(doc);
  doc.y = y + 16;
}

/** A boxed warning line (a consent signed after its treatment date). */
export function notice(doc: PDFKit.PDFDocument, text: string): void {
  const width = contentWidth(doc);
  doc.font(fonts.bold).fontSize(sizes.body);
  const height = doc.heightOfString(text, { width: width - 12 }) + 10;
  ensureSpace(doc, height + signatureBlockHeight + 6);
  const top = doc.y;
  doc.rect(contentLeft(doc), top, width, height).lineWidth(1).strokeColor(colors.text).stroke();
  doc.fillColor(colors.text).text(text, contentLeft(doc) + 6, top + 5, { width: width - 12 });
  doc.x = contentLeft(doc);
  doc.y = top + height + 6;
}

export interface SignatureParty {
  role: string;
  name: string;
  /** Formatted date of signing, or null for a line to write it on. */
  date: string | null;
  image: Buffer | null;
}

const boxHeight = 58;
export const signatureBlockHeight = boxHeight + 62;

/** Patient and practitioner side by side: signature box, printed name, date. */
export function signatureBlocks(doc: PDFKit.PDFDocument, parties: SignatureParty[]): void {
  ensureSpace(doc, signatureBlockHeight);
  const gap = 24;
  const left = contentLeft(doc);
  const width = (contentWidth(doc) - gap * (parties.length - 1)) / parties.length;
  const top = doc.y + 4;
  parties.forEach((party, i) => {
    const x = left + i * (width + gap);
    doc
      .font(fonts.bold)
      .fontSize(sizes.heading)
      .fillColor(colors.text)
      .text(party.role, x, top, { width });
    const boxTop = top + 16;
    doc.rect(x, boxTop, width, boxHeight).lineWidth(0.8).strokeColor(colors.rule).stroke();
    if (party.image) {
      doc.image(party.image, x + 4, boxTop + 4, {
        fit: [width - 8, boxHeight - 8],
        align: 'center',
        valign: 'center',
      });
    } else {
      doc
        .font(fonts.regular)
        .fontSize(sizes.footer)
        .fillColor(colors.muted)
        .text('Signature', x + 4, boxTop + boxHeight - 12, { width: width - 8 });
    }
    doc.font(fonts.regular).fontSize(sizes.body).fillColor(colors.text);
    doc.text(`Name: ${party.name}`, x, boxTop + boxHeight + 6, { width });
    doc.text(`Date: ${party.date ?? '______________________'}`, x, doc.y + 2, { width });
  });
  doc.x = left;
  doc.y = top + signatureBlockHeight;
}
