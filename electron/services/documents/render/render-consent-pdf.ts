import {
  consentDocumentDataSchema,
  type ConsentDocumentData,
  type SignatureInfo,
} from '../../../../shared/documents/document-data';
import { countOf, fillWords, wordingFor } from '../../../../shared/documents/wording';
import type { ConsentTemplate } from '../../../../shared/documents/template-schema';
import { getDefaultConsentTemplate } from './default-templates';
import { DocumentGenerationError } from './document-errors';
import { formatDate, formatInstantDate } from './format-date';
import { parseDocumentData } from './parse-document-data';
import { withLicence } from './practitioner-line';
import { consentPlaceholderValues } from './placeholder-values';
import { buildPdf } from './pdf/build-pdf';
import {
  choiceBoxes,
  choiceHeight,
  notice,
  signatureBlockHeight,
  signatureBlocks,
  type SignatureParty,
} from './pdf/consent-blocks';
import { imageBytes } from './pdf/images';
import { ensureSpace, fieldBox, heading, measureSection, paragraph, title } from './pdf/layout';
import { renderTemplateText } from './render-template-text';

export interface RenderOptions<T> {
  /** The stored template version to use; the default template when absent. */
  template?: T;
  /** The resources root (fonts); the repository's resources/ when absent. */
  resourcesDir?: string;
}

export interface RenderedDocument {
  bytes: Buffer;
  pageCount: number;
  /** Archived with the document; null for a document without a template. */
  templateVersion: number | null;
}

export async function renderConsentPdf(
  input: ConsentDocumentData,
  options: RenderOptions<ConsentTemplate> = {},
): Promise<RenderedDocument> {
  const data = parseDocumentData(consentDocumentDataSchema, input);
  const template = options.template ?? getDefaultConsentTemplate(data.procedureKind);
  if (template.procedureKind !== data.procedureKind) {
    throw new DocumentGenerationError('input', 'the template is for another procedure kind');
  }
  const language = template.language;
  const w = wordingFor(language);
  const text = renderTemplateText(template, consentPlaceholderValues(data, language));
  const { meta, patient, practitioner } = data;

  const party = (role: string, name: string, sig: SignatureInfo | null | undefined) =>
    ({
      role,
      name,
      date: sig?.signedAt ? formatInstantDate(sig.signedAt, meta.locale, meta.timeZone) : null,
      image: sig?.imageDataUrl
        ? imageBytes(sig.imageDataUrl, `${role.toLowerCase()} signature`)
        : null,
    }) satisfies SignatureParty;
  const witness = data.signatures?.witness;
  const parties = [
    party(w.labels.patient, patient.fullName, data.signatures?.patient),
    party(w.labels.practitioner, practitioner.fullName, data.signatures?.practitioner),
    // The witness signs in their own capacity, beside (never instead of) the practitioner.
    ...(witness
      ? [
          party(
            fillWords(w.labels.witness, {
              capacity: w.capacities[witness.capacity] ?? witness.capacity,
            }),
            witness.name,
            witness,
          ),
        ]
      : []),
  ];
  const signedAt = data.signatures?.patient?.signedAt ?? null;
  const lateNotice = lateSigningNotice(data.treatmentDate, signedAt, meta, language);

  const rendered = await buildPdf(
    {
      meta,
      clinic: data.clinic,
      title: text.title,
      subject: fillWords(w.phrases.consentSubject, {
        procedure: w.procedureKinds[data.procedureKind],
      }),
      language: template.language,
      resourcesDir: options.resourcesDir,
    },
    (doc) => {
      title(doc, text.title);
      fieldBox(doc, [
        [
          { label: w.labels.patient, value: patient.fullName },
          { label: w.labels.dateOfBirth, value: formatDate(patient.dateOfBirth, meta.locale) },
        ],
        [
          { label: w.labels.clinicNumber, value: patient.clinicNumber },
          {
            label: w.labels.date,
            value: formatInstantDate(meta.generatedAt, meta.locale, meta.timeZone),
          },
        ],
        ...(data.treatmentDate
          ? [
              [
                {
                  label: w.labels.treatmentDate,
                  value: formatDate(data.treatmentDate, meta.locale),
                },
              ],
            ]
          : []),
        [
          { label: w.labels.practitioner, value: withLicence(practitioner, language) },
          {
            label: w.labels.course,
            value: countOf(w.labels.sessionCount, data.sessions.planned, language),
          },
        ],
      ]);
      for (const section of text.sections) {
        // A short section stays whole, so a tick box never lands apart from its question; the
        // declaration stays with the signatures that confirm it.
        const height =
          measureSection(doc, section.title, section.body) + (section.choice ? choiceHeight : 0);
        ensureSpace(
          doc,
          section.id === 'declaration' ? height + signatureBlockHeight : Math.min(height, 140),
        );
        heading(doc, section.title);
        paragraph(doc, section.body);
        if (section.choice)
          choiceBoxes(
            doc,
            w,
            data.choices?.find((c) => c.sectionId === section.id),
          );
        doc.moveDown(0.45);
      }
      if (lateNotice) notice(doc, lateNotice);
      signatureBlocks(doc, parties, w);
    },
  );
  return { ...rendered, templateVersion: template.version };
}

/** Consent is given before treatment: one signed on a later day says so above the signatures. */
function lateSigningNotice(
  treatmentDate: string | undefined,
  signedAt: string | null,
  meta: ConsentDocumentData['meta'],
  language: string,
): string | null {
  if (!treatmentDate || !signedAt) return null;
  const signedDay = new Intl.DateTimeFormat('en-CA', {
    timeZone: meta.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(signedAt));
  if (signedDay <= treatmentDate) return null;
  return fillWords(wordingFor(language).phrases.signedLate, {
    signed: formatInstantDate(signedAt, meta.locale, meta.timeZone),
    treatment: formatDate(treatmentDate, meta.locale),
  });
}
