import {
  sessionSummaryDataSchema,
  type FindingSeverity,
  type SessionSummaryData,
} from '../../../../shared/documents/document-data';
import { procedureKindNames } from '../../../../shared/documents/procedure-kinds';
import { formatDate, formatDateTime } from './format-date';
import { parseDocumentData } from './parse-document-data';
import { describeNextAppointment } from './placeholder-values';
import { buildPdf } from './pdf/build-pdf';
import { ensureSpace, fieldBox, heading, paragraph, rule, title } from './pdf/layout';
import { productLotColumnsWithExpiry, productLotRowsWithExpiry } from './pdf/product-rows';
import { table } from './pdf/table';
import { colors, fonts, sizes } from './pdf/theme';
import type { RenderedDocument } from './render-consent-pdf';

const severityNames: Record<FindingSeverity, string> = {
  clear: 'Clear',
  caution: 'Caution',
  'do-not-treat': 'Do not treat',
};

/** The clinical record of one session, with its check, overrides and addenda; no template. */
export async function renderSessionSummaryPdf(
  input: SessionSummaryData,
  options: { resourcesDir?: string } = {},
): Promise<RenderedDocument> {
  const data = parseDocumentData(sessionSummaryDataSchema, input);
  const { meta, patient, session, check } = data;
  const when = (iso: string) => formatDateTime(iso, meta.locale, meta.timeZone);

  const rendered = await buildPdf(
    {
      meta,
      clinic: data.clinic,
      title: 'Session summary',
      subject: `Session summary: ${procedureKindNames[data.procedureKind]}`,
      language: 'en',
      resourcesDir: options.resourcesDir,
    },
    (doc) => {
      title(doc, 'Session summary', procedureKindNames[data.procedureKind]);
      fieldBox(doc, [
        [
          { label: 'Patient', value: patient.fullName },
          { label: 'Date of birth', value: formatDate(patient.dateOfBirth, meta.locale) },
        ],
        [
          { label: 'Clinic number', value: patient.clinicNumber },
          { label: 'Session date', value: formatDate(session.date, meta.locale) },
        ],
        [
          { label: 'Practitioner', value: session.practitioner.fullName },
          {
            label: 'Course',
            value: data.sessions
              ? `${data.sessions.planned} sessions, every ${data.sessions.intervalDays} days`
              : '—',
          },
        ],
      ]);

      heading(doc, 'Treatment');
      table(
        doc,
        [
          { header: 'Detail', share: 0.25 },
          { header: 'Recorded', share: 0.75 },
        ],
        [
          ['Areas', session.areas.join(', ')],
          ['Technique', session.technique],
          ['Depth', session.depthMm ? `${session.depthMm} mm` : '—'],
          ['Needle', session.needle ?? '—'],
          ['Anaesthesia', session.anaesthesia ?? '—'],
          ['Immediate reactions', session.immediateReactions ?? 'None recorded'],
        ],
        { showHeader: false, labelColumn: true },
      );

      heading(doc, 'Products and lots');
      if (session.products.length > 0) {
        table(
          doc,
          productLotColumnsWithExpiry,
          productLotRowsWithExpiry(session.products, (d) => formatDate(d, meta.locale)),
        );
      } else {
        paragraph(doc, 'No products recorded.');
      }

      heading(doc, `Pre-procedure check: ${severityNames[check.outcome]}`);
      if (check.findings.length > 0) {
        table(
          doc,
          [
            { header: 'Finding', share: 0.4 },
            { header: 'Severity', share: 0.16 },
            { header: 'Detail', share: 0.44 },
          ],
          check.findings.map((f) => [f.label, severityNames[f.severity], f.detail ?? '']),
        );
      } else {
        paragraph(doc, 'No findings.');
        doc.moveDown(0.4);
      }
      if (check.overrides.length > 0) {
        heading(doc, 'Overrides');
        table(
          doc,
          [
            { header: 'Finding', share: 0.26 },
            { header: 'Reason', share: 0.44 },
            { header: 'By', share: 0.3 },
          ],
          check.overrides.map((o) => [o.finding || '—', o.reason, `${o.by}\n${when(o.at)}`]),
        );
      }

      if (session.notes) {
        heading(doc, 'Notes');
        paragraph(doc, session.notes);
        doc.moveDown(0.4);
      }

      heading(doc, 'Next appointment');
      paragraph(doc, describeNextAppointment(session.nextAppointment, meta));
      doc.moveDown(0.4);

      heading(doc, 'Signature');
      paragraph(
        doc,
        data.signed
          ? `Signed by ${data.signed.by}, ${when(data.signed.at)}`
          : 'Not signed (draft).',
      );
      doc.moveDown(0.4);

      if (data.addenda.length > 0) {
        heading(doc, 'Addenda');
        for (const addendum of data.addenda) {
          doc.font(fonts.regular).fontSize(sizes.body);
          ensureSpace(doc, 28);
          doc
            .font(fonts.bold)
            .fontSize(sizes.small)
            .fillColor(colors.muted)
            .text(`${addendum.author} · ${when(addendum.at)}`);
          paragraph(doc, addendum.text);
          rule(doc);
        }
      }
    },
  );
  return { ...rendered, templateVersion: null };
}
