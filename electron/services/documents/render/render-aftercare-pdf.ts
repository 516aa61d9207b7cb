import {
  aftercareDocumentDataSchema,
  type AftercareDocumentData,
} from '../../../../shared/documents/document-data';
import { fillWords, wordingFor } from '../../../../shared/documents/wording';
import type { AftercareTemplate } from '../../../../shared/documents/template-schema';
import { getDefaultAftercareTemplate } from './default-templates';
import { formatDate } from './format-date';
import { parseDocumentData } from './parse-document-data';
import {
  aftercarePlaceholderValues,
  describeNextAppointment,
  treatedAreaNames,
} from './placeholder-values';
import { infoBoxes, itemColumns } from './pdf/aftercare-blocks';
import { buildPdf } from './pdf/build-pdf';
import { fieldBox, heading, paragraph, title } from './pdf/layout';
import { productLotRows, productLotColumns } from './pdf/product-rows';
import type { Technique } from '../../../../shared/sessions/treatment-terms';
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
  const language = template.language;
  const w = wordingFor(language);
  const text = renderTemplateText(template, aftercarePlaceholderValues(data, language));
  const procedure = w.procedureKinds[data.procedureKind];
  const { meta, patient, session, clinic } = data;
  const section = (id: string) => text.sections.find((s) => s.id === id);
  const items = aftercareItemsToPrint(template, text, data);

  const rendered = await buildPdf(
    {
      meta,
      clinic,
      title: text.title,
      subject: fillWords(w.phrases.aftercareSubject, { procedure }),
      language: template.language,
      resourcesDir: options.resourcesDir,
    },
    (doc) => {
      title(doc, text.title, procedure);
      fieldBox(doc, [
        [
          { label: w.labels.patient, value: patient.fullName },
          { label: w.labels.dateOfBirth, value: formatDate(patient.dateOfBirth, meta.locale) },
        ],
        [
          { label: w.labels.treatedOn, value: formatDate(session.date, meta.locale) },
          { label: w.labels.practitioner, value: session.practitioner.fullName },
        ],
        [
          { label: w.labels.areas, value: treatedAreaNames(data, language) },
          {
            label: w.labels.technique,
            value: [
              techniqueName(session.technique, language),
              session.depthMm && `${session.depthMm} mm`,
            ]
              .filter(Boolean)
              .join(', '),
          },
        ],
      ]);
      if (session.products.length > 0) {
        table(doc, productLotColumns(w), productLotRows(session.products, language));
      }
      for (const s of text.sections.filter((s) => !boxedSections.includes(s.id))) {
        heading(doc, s.title);
        paragraph(doc, s.body);
        doc.moveDown(0.4);
      }
      if (items.cautions.length > 0) {
        heading(doc, w.labels.ownCautions);
        itemColumns(doc, items.cautions);
        doc.moveDown(0.3);
      }
      heading(doc, w.labels.nextDays);
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
      heading(doc, w.labels.nextAppointment);
      paragraph(doc, describeNextAppointment(session.nextAppointment, meta, language));
      paragraph(
        doc,
        [
          fillWords(w.labels.questions, { clinic: clinic.name }),
          clinic.phone && fillWords(w.labels.phone, { phone: clinic.phone }),
          clinic.email,
        ]
          .filter(Boolean)
          .join(' · '),
      );
    },
  );
  return { ...rendered, templateVersion: template.version };
}

/** The technique is stored with its English name; the sheet names it in its own language. */
function techniqueName(english: string, language: string): string {
  const en = wordingFor('en').techniques;
  const key = (Object.keys(en) as Technique[]).find((t) => en[t] === english);
  return key ? wordingFor(language).techniques[key] : english;
}
