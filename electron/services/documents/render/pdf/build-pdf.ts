import type { ClinicInfo, DocumentMeta } from '../../../../../shared/documents/document-data';
import { AppError } from '../../../core/errors';
import { DocumentGenerationError } from '../document-errors';
import { formatInstantDate } from '../format-date';
import { resolveResourcesDir } from '../resources-dir';
import { createPdf, finishPdf } from './create-pdf';
import { imageBytes } from './images';
import { drawPageFrames } from './page-frame';

export interface RenderedPdf {
  bytes: Buffer;
  pageCount: number;
}

export interface BuildSpec {
  meta: DocumentMeta;
  clinic: ClinicInfo;
  title: string;
  subject: string;
  language: string;
  resourcesDir: string | undefined;
}

/**
 * The pipeline every document shares: fonts and metadata, the body drawn by `draw`, then
 * headers and footers on every page. Everything happens in memory, so a failure leaves no file.
 */
export async function buildPdf(
  spec: BuildSpec,
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<RenderedPdf> {
  const logo = spec.clinic.logoDataUrl ? imageBytes(spec.clinic.logoDataUrl, 'clinic logo') : null;
  try {
    const doc = createPdf({
      pageSize: spec.meta.pageSize,
      title: spec.title,
      subject: spec.subject,
      author: spec.clinic.name,
      creationDate: new Date(spec.meta.generatedAt),
      language: spec.language,
      resourcesDir: resolveResourcesDir(spec.resourcesDir),
    });
    draw(doc);
    drawPageFrames(doc, spec.clinic, logo, {
      documentId: spec.meta.documentId,
      date: formatInstantDate(spec.meta.generatedAt, spec.meta.locale, spec.meta.timeZone),
      language: spec.language,
    });
    const pageCount = doc.bufferedPageRange().count;
    const bytes = await finishPdf(doc);
    return { bytes, pageCount };
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Library messages name the failing part (an image, a font), never the patient's data.
    const detail = error instanceof Error ? error.message : String(error);
    throw new DocumentGenerationError('render', `the PDF could not be laid out (${detail})`, {
      cause: error,
    });
  }
}
