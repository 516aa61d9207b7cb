import type { ClinicInfo, DocumentMeta } from '../../../../shared/documents/document-data';
import { buildPdf, type RenderedPdf } from './pdf/build-pdf';
import { fieldBox, heading, paragraph, title, type Field } from './pdf/layout';
import { table, type Column } from './pdf/table';
import { fonts, sizes } from './pdf/theme';

/** One part of the record (history, checks, sessions...), already in plain words. */
export interface RecordSection {
  title: string;
  /** A line under the heading, e.g. which version a history block is. */
  note?: string;
  /** Label/value lines, for a record that reads as a form (a history version). */
  fields?: Field[];
  /** A table, for a list (sessions, checks, photos). */
  columns?: Column[];
  rows?: string[][];
  /** Printed when the part holds nothing, so an empty part reads as empty, not as missing. */
  empty: string;
}

export interface PatientRecordPdfData {
  meta: DocumentMeta;
  clinic: ClinicInfo;
  patientName: string;
  /** Why the record was disclosed and by whom, as the recipient will ask. */
  disclosure: string;
  identity: Field[][];
  sections: RecordSection[];
}

/**
 * A patient's whole record for the patient (subject access) or another clinic (transfer): the
 * identity box, then each part of the record in turn. The engine knows nothing of the store.
 */
export function renderPatientRecordPdf(data: PatientRecordPdfData): Promise<RenderedPdf> {
  return buildPdf(
    {
      meta: data.meta,
      clinic: data.clinic,
      title: `Patient record: ${data.patientName}`,
      subject: 'Patient record export',
      language: 'en',
      resourcesDir: undefined,
    },
    (doc) => {
      title(doc, 'Patient record', data.disclosure);
      fieldBox(doc, data.identity);
      for (const section of data.sections) {
        heading(doc, section.title);
        if (section.note) paragraph(doc, section.note);
        const hasFields = section.fields && section.fields.length > 0;
        const hasRows = section.columns && section.rows && section.rows.length > 0;
        if (!hasFields && !hasRows) {
          doc.font(fonts.regular).fontSize(sizes.body).text(section.empty);
        }
        if (hasFields) {
          table(
            doc,
            [
              { header: '', share: 0.3 },
              { header: '', share: 0.7 },
            ],
            section.fields!.map((f) => [f.label, f.value]),
            { showHeader: false, labelColumn: true },
          );
        }
        if (hasRows) table(doc, section.columns!, section.rows!);
        doc.moveDown(0.6);
      }
    },
  );
}
