import {
  aftercareDocumentDataSchema,
  type AftercareDocumentData,
} from '../../../../shared/documents/document-data';
import { procedureKindNames } from '../../../../shared/documents/procedure-kinds';
import type { AftercareTemplate } from '../../../../shared/documents/template-schema';
import { getDefaultAftercareTemplate } from './default-templates';
import { formatDate } from './format-date';
import { parseDocumentData } from './parse-document-data';
import { aftercarePlaceholderValues, describeNextAppointment } from './placeholder-values';
import { infoBoxes, itemColumns } from './pdf/aftercare-blocks';
import { buildPdf } from './pdf/build-pdf';
import { fieldBox, heading, paragraph, title } from './pdf/layout';
import { productLotRows, productLotColumns } from './pdf/product-rows';
import { table } from './pdf/table';
import type { RenderOptions, RenderedDocument } from './render-consent-pdf';
import { renderTemplateText } from './render-template-text';
import { aftercareItemsToPrint } from './aftercare-items';

/** Sections laid out in the boxes at the bottom rather than as running text. */
const boxedSections = ['what-is-normal', 'when-to-call', 'emergency'];

export async function renderAftercarePdf(
  input: AftercareDocumentData,
  options: RenderOptions<AftercareTemplate> = {},
): Promise<RenderedDocument> {
  const data = parseDocumentData(aftercareDocumentDataSchema, input);
  const template = options.template ?? getDefaultAftercareTemplate();
  const text = renderTemplateText(template, aftercarePlaceholderValues(data));
  const { meta, patient, session, clinic } = data;
  const section = (id: string) => text.sections.find((s) => s.id === id);
  const items = aftercareItemsToPrint(template, text, data);

  const rendered = await buildPdf(
    {
      meta,
      clinic,
      title: text.title,
      subject: `Aftercare: ${procedureKindNames[data.procedureKind]}`,
      language: template.language,
      resourcesDir: options.resourcesDir,
    },
    (doc) => {
      title(doc, text.title, procedureKindNames[data.procedureKind]);
      fieldBox(doc, [
        [
          { label: 'Patient', value: patient.fullName },
          { label: 'Date of birth', value: formatDate(patient.dateOfBirth, meta.locale) },
        ],
        [
          { label: 'Treated on', value: formatDate(session.date, meta.locale) },
          { label: 'Practitioner', value: session.practitioner.fullName },
        ],
        [
          { label: 'Areas', value: session.areas.join(', ') },
          {
            label: 'Technique',
            value: [session.technique, session.depthMm && `${session.depthMm} mm`]
              .filter(Boolean)
              .join(', '),
          },
        ],
      ]);
      if (session.products.length > 0) {
        table(doc, productLotColumns, productLotRows(session.products));
      }
      for (const s of text.sections.filter((s) => !boxedSections.includes(s.id))) {
        heading(doc, s.title);
        paragraph(doc, s.body);
        doc.moveDown(0.4);
      }
      if (items.cautions.length > 0) {
        heading(doc, 'Your own cautions');
        itemColumns(doc, items.cautions);
        doc.moveDown(0.3);
      }
      heading(doc, 'For the next days');
      itemColumns(doc, items.general);
      doc.moveDown(0.3);
      infoBoxes(
        doc,
        boxedSections.flatMap((id) => {
          const s = section(id);
          return s
            ? [
                {
                  title: s.title,
                  body: s.body,
                  tone: id === 'emergency' ? 'danger' : 'plain',
                } as const,
              ]
            : [];
        }),
      );
      heading(doc, 'Next appointment');
      paragraph(doc, describeNextAppointment(session.nextAppointment, meta));
      paragraph(
        doc,
        [`Questions? ${clinic.name}`, clinic.phone && `Tel. ${clinic.phone}`, clinic.email]
          .filter(Boolean)
          .join(' · '),
      );
    },
  );
  return { ...rendered, templateVersion: template.version };
}
