import PDFDocument from 'pdfkit';
import type { PageSize } from '../../../../../shared/documents/document-data';
import { fontFiles } from '../resources-dir';
import { installBidiText, readLigaturesInStoredOrder } from './bidi-text';
import { fonts, frame } from './theme';

export interface PdfSetup {
  pageSize: PageSize;
  title: string;
  subject: string;
  author: string;
  creationDate: Date;
  /** Language tag of the text, for screen readers. */
  language: string;
  resourcesDir: string;
}

/**
 * A pdfkit document with the embedded fonts registered and pages buffered, so headers and
 * "Page x of y" footers can be written once the page count is known. The creation date comes
 * from the caller, which also makes pdfkit's file id repeatable for identical input.
 */
export function createPdf(setup: PdfSetup): PDFKit.PDFDocument {
  const files = fontFiles(setup.resourcesDir);
  const doc = new PDFDocument({
    size: setup.pageSize,
    margins: {
      top: frame.contentTop,
      bottom: frame.bottom,
      left: frame.side,
      right: frame.side,
    },
    bufferPages: true,
    // No initial font: pdfkit would otherwise load its built-in Helvetica metrics from files
    // beside its own code (missing once bundled) and reset every new page to that font.
    font: '',
    lang: setup.language,
    displayTitle: true,
    info: {
      Title: setup.title,
      Author: setup.author,
      Subject: setup.subject,
      Creator: 'Mesochart',
      CreationDate: setup.creationDate,
      ModDate: setup.creationDate,
    },
  });
  doc.registerFont(fonts.regular, files.regular);
  doc.registerFont(fonts.bold, files.bold);
  readLigaturesInStoredOrder(doc, [fonts.bold, fonts.regular]);
  doc.font(fonts.regular);
  installBidiText(doc, writtenRightToLeft(setup.language) ? 'rtl' : 'auto');
  languages.set(doc, setup.language);
  return doc;
}

const languages = new WeakMap<PDFKit.PDFDocument, string>();

/** The language the document is written in, for its case rules (Turkish "TARİHİ"). */
export function pdfLanguage(doc: PDFKit.PDFDocument): string {
  return languages.get(doc) ?? 'en';
}

/** Languages whose documents read right to left: Arabic, Hebrew, Persian, Urdu. */
function writtenRightToLeft(language: string): boolean {
  return /^(ar|he|fa|ur)(-|$)/i.test(language);
}

/** Ends the document and collects its bytes. */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
