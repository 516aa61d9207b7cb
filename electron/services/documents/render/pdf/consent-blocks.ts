import { fillWords, type DocumentWording } from '../../../../../shared/documents/wording';
import { contentLeft, contentWidth, ensureSpace, placeX } from './layout';
import { colors, fonts, sizes } from './theme';

/**
 * Two tick boxes for a separate choice (photographs for other uses): agreeing to treatment must
 * not be read as agreeing to this as well.
 */
export const choiceHeight = 19;

export function choiceBoxes(
  doc: PDFKit.PDFDocument,
  w: DocumentWording,
  chosen?: { decision: 'agree' | 'disagree'; initials: string },
): void {
  ensureSpace(doc, choiceHeight);
  const y = doc.y + 3;
  let x = contentLeft(doc);
  doc.font(fonts.regular).fontSize(sizes.body).fillColor(colors.text);
  for (const [decision, label] of [
    ['agree', w.labels.agree],
    ['disagree', w.labels.disagree],
  ] as const) {
    const box = placeX(doc, x, 9);
    doc.rect(box, y, 9, 9).lineWidth(0.8).strokeColor(colors.text).stroke();
    if (chosen?.decision === decision) {
      // A cross in the box, as the patient would tick it on paper.
      doc
        .moveTo(box + 2, y + 2)
        .lineTo(box + 7, y + 7)
        .moveTo(box + 7, y + 2)
        .lineTo(box + 2, y + 7);
      doc.lineWidth(1.2).strokeColor(colors.text).stroke();
    }
    doc.text(label, placeX(doc, x + 14, doc.widthOfString(label)), y - 0.5, { lineBreak: false });
    x += 14 + doc.widthOfString(label) + 24;
  }
  const initials = fillWords(w.labels.initials, {
    initials: chosen ? chosen.initials : '____________',
  });
  doc.text(initials, placeX(doc, x, doc.widthOfString(initials)), y - 0.5, { lineBreak: false });
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
export function signatureBlocks(
  doc: PDFKit.PDFDocument,
  parties: SignatureParty[],
  w: DocumentWording,
): void {
  ensureSpace(doc, signatureBlockHeight);
  const gap = 24;
  const left = contentLeft(doc);
  const width = (contentWidth(doc) - gap * (parties.length - 1)) / parties.length;
  const top = doc.y + 4;
  parties.forEach((party, i) => {
    const x = placeX(doc, left + i * (width + gap), width);
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
        .text(w.labels.signature, x + 4, boxTop + boxHeight - 12, { width: width - 8 });
    }
    doc.font(fonts.regular).fontSize(sizes.body).fillColor(colors.text);
    doc.text(fillWords(w.labels.signedName, { name: party.name }), x, boxTop + boxHeight + 6, {
      width,
    });
    const date = party.date ?? '______________________';
    doc.text(fillWords(w.labels.signedDate, { date }), x, doc.y + 2, { width });
  });
  doc.x = left;
  doc.y = top + signatureBlockHeight;
}
