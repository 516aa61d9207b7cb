import {
  sessionSummaryDataSchema,
  type FindingSeverity,
  type SessionSummaryData,
} from '../../../../shared/documents/document-data';
import { wordingFor } from '../../../../shared/documents/wording';
import { procedureKindNames } from '../../../../shared/documents/procedure-kinds';
import { formatDate, formatDateTime } from './format-date';
import { parseDocumentData } from './parse-document-data';
import { withLicence } from './practitioner-line';
import { describeNextAppointment } from './placeholder-values';
import { buildPdf } from './pdf/build-pdf';
import {
  contentLeft,
  contentWidth,
  ensureSpace,
  fieldBox,
  heading,
  paragraph,
  rule,
  title,
} from './pdf/layout';
import { productLotColumnsWithExpiry, productLotRowsWithExpiry } from './pdf/product-rows';
import { table } from './pdf/table';
import { colors, fonts, sizes } from './pdf/theme';
import type { RenderedDocument } from './render-consent-pdf';

const severityNames: Record<FindingSeverity, string> = {
  clear: 'Clear',
  caution: 'Caution',
  'do-not-treat': 'Do not treat',
};

/**
 * The patient's alerts in a red box right under her identity, as the session screen keeps them
 * in view: one line each, or a plain "none recorded".
 */
function alertsBox(doc: PDFKit.PDFDocument, alerts: string[]): void {
  const pad = 7;
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  const textWidth = width - 2 * pad - 10;
  const lines = alerts.length > 0 ? alerts : ['None recorded.'];
  doc.font(fonts.bold).fontSize(sizes.body);
  const label = 'ALERTS';
  const body = lines.reduce((h, l) => h + doc.heightOfString(l, { width: textWidth }) + 1, 0);
  const boxHeight = doc.heightOfString(label) + body + 2 * pad + 2;
  ensureSpace(doc, boxHeight + 8);
  const top = doc.y;
  doc
    .roundedRect(left, top, width, boxHeight, 3)
    .fillColor(alerts.length > 0 ? colors.dangerFill : colors.boxFill)
    .fill();
  doc
    .font(fonts.regular)
    .fontSize(sizes.small - 1)
    .fillColor(colors.muted)
    .text(label, left + pad, top + pad, { width: textWidth, characterSpacing: 0.3 });
  doc
    .font(fonts.bold)
    .fontSize(sizes.body)
    .fillColor(alerts.length > 0 ? colors.danger : colors.text);
  for (const l of lines) {
    const y = doc.y + 1;
    if (alerts.length > 0) doc.text('•', left + pad, y, { width: 10, lineBreak: false });
    doc.text(l, left + pad + 10, y, { width: textWidth });
  }
  doc.fillColor(colors.text);
  doc.x = left;
  doc.y = top + boxHeight + 8;
}

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
          {
            label: 'Age and sex',
            value: `${data.identity.ageOnSessionDay} years · ${data.identity.sex}`,
          },
        ],
        [
          { label: 'Clinic number', value: patient.clinicNumber },
          { label: 'Session date', value: formatDate(session.date, meta.locale) },
        ],
        [
          { label: 'Practitioner', value: withLicence(session.practitioner) },
          {
            label: 'Course',
            value: data.sessions
              ? `${data.sessions.planned} sessions, every ${data.sessions.intervalDays} days`
              : '—',
          },
        ],
      ]);
      alertsBox(doc, data.alerts);

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
          productLotColumnsWithExpiry(wordingFor('en')),
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
