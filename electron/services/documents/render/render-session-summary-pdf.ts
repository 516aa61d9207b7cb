import {
  sessionSummaryDataSchema,
  type FindingSeverity,
  type SessionSummaryData,
} from '../../../../shared/documents/document-data';
import { countOf, fillWords, wordingFor } from '../../../../shared/documents/wording';
import { formatDate, formatDateTime } from './format-date';
import { parseDocumentData } from './parse-document-data';
import { withLicence } from './practitioner-line';
import { describeNextAppointment, isolated } from './placeholder-values';
import { buildPdf } from './pdf/build-pdf';
import { pdfLanguage } from './pdf/create-pdf';
import { summaryWordingFor, type SummaryWording } from './wording/summary-wording';
import {
  contentLeft,
  contentWidth,
  ensureSpace,
  fieldBox,
  heading,
  paragraph,
  placeX,
  rule,
  title,
} from './pdf/layout';
import { productLotColumnsWithExpiry, productLotRowsWithExpiry } from './pdf/product-rows';
import { cocktailTables } from './pdf/cocktail-tables';
import { table } from './pdf/table';
import { colors, fonts, sizes } from './pdf/theme';
import type { RenderedDocument } from './render-consent-pdf';

/**
 * A value the record keeps by its English name (a technique, an area, the sex), in the summary's
 * language; a value typed by hand or archived before it was coded prints as recorded.
 */
function inLanguage<K extends string>(
  english: Record<K, string>,
  translated: Record<K, string>,
  value: string,
): string {
  const key = (Object.keys(english) as K[]).find((k) => english[k] === value);
  return key ? translated[key] : value;
}

/**
 * The patient's alerts in a red box right under her identity, as the session screen keeps them
 * in view: one line each, or a plain "none recorded".
 */
function alertsBox(doc: PDFKit.PDFDocument, alerts: string[], s: SummaryWording): void {
  const pad = 7;
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  const textWidth = width - 2 * pad - 10;
  const inner = { x: left + pad, width: width - 2 * pad };
  const lines = alerts.length > 0 ? alerts : [s.noneRecorded];
  doc.font(fonts.bold).fontSize(sizes.body);
  const label = s.alerts.toLocaleUpperCase(pdfLanguage(doc));
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
    if (alerts.length > 0) {
      doc.text('•', placeX(doc, left + pad, 10, inner), y, { width: 10, lineBreak: false });
    }
    doc.text(l, placeX(doc, left + pad + 10, textWidth, inner), y, { width: textWidth });
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
  const language = data.language ?? 'en';
  const w = wordingFor(language);
  const s = summaryWordingFor(language);
  const en = { w: wordingFor('en'), s: summaryWordingFor('en') };
  // Names and dates stay whole inside Arabic text (a Latin name beside a date's digits would
  // otherwise be reordered as one run).
  const when = (iso: string) => isolated(formatDateTime(iso, meta.locale, meta.timeZone), language);
  const who = (name: string) => isolated(name, language);
  const procedure = w.procedureKinds[data.procedureKind];
  const age = countOf(s.years, data.identity.ageOnSessionDay, language);
  const sex = inLanguage(en.s.sexes, s.sexes, data.identity.sex);

  const rendered = await buildPdf(
    {
      meta,
      clinic: data.clinic,
      title: s.title,
      subject: fillWords(s.subject, { procedure }),
      language,
      resourcesDir: options.resourcesDir,
    },
    (doc) => {
      title(doc, s.title, procedure);
      fieldBox(doc, [
        [
          { label: w.labels.patient, value: patient.fullName },
          { label: w.labels.dateOfBirth, value: formatDate(patient.dateOfBirth, meta.locale) },
          { label: s.ageAndSex, value: fillWords(s.ageAndSexValue, { age, sex }) },
        ],
        [
          { label: w.labels.clinicNumber, value: patient.clinicNumber },
          { label: s.sessionDate, value: formatDate(session.date, meta.locale) },
        ],
        [
          { label: w.labels.practitioner, value: withLicence(session.practitioner, language) },
          {
            label: w.labels.course,
            value: data.sessions
              ? fillWords(s.courseValue, {
                  sessions: countOf(w.labels.sessionCount, data.sessions.planned, language),
                  interval: countOf(w.units.days, data.sessions.intervalDays, language),
                })
              : '—',
          },
        ],
      ]);
      alertsBox(doc, data.alerts, s);

      heading(doc, s.treatment);
      table(
        doc,
        [
          { header: s.detail, share: 0.25 },
          { header: s.detail, share: 0.75 },
        ],
        [
          [
            w.labels.areas,
            session.areas.map((a) => inLanguage(en.w.areas, w.areas, a)).join(w.listSeparator),
          ],
          [w.labels.technique, inLanguage(en.w.techniques, w.techniques, session.technique)],
          [s.depth, session.depthMm ? fillWords(s.depthValue, { depth: session.depthMm }) : '—'],
          [s.needle, session.needle ?? '—'],
          [
            s.anaesthesia,
            session.anaesthesia
              ? inLanguage(en.s.anaesthesiaKinds, s.anaesthesiaKinds, session.anaesthesia)
              : '—',
          ],
          [s.immediateReactions, session.immediateReactions ?? s.noneRecorded],
        ],
        { showHeader: false, labelColumn: true },
      );

      heading(doc, s.productsAndLots);
      if (session.products.length > 0) {
        table(
          doc,
          productLotColumnsWithExpiry(w),
          productLotRowsWithExpiry(session.products, (d) => formatDate(d, meta.locale), language),
        );
      } else {
        paragraph(doc, s.noProducts);
      }
      if (session.cocktails && session.cocktails.length > 0) {
        heading(doc, s.syringes);
        cocktailTables(
          doc,
          session.cocktails,
          {
            syringe: (n) => fillWords(s.syringe, { n: String(n) }),
            product: w.labels.product,
            lot: w.labels.lot,
            expiry: w.labels.expiry,
            volume: w.labels.volume,
            area: s.area,
            totalDrawn: s.totalDrawn,
            totalGiven: s.totalGiven,
            totalVolume: s.totalVolume,
            areaName: (a) => inLanguage(en.w.areas, w.areas, a),
          },
          { language, formatExpiry: (d) => formatDate(d, meta.locale) },
        );
      }

      const severity = (v: FindingSeverity) => s.severities[v];
      heading(doc, fillWords(s.check, { outcome: severity(check.outcome) }));
      if (check.findings.length > 0) {
        table(
          doc,
          [
            { header: s.finding, share: 0.4 },
            { header: s.severity, share: 0.16 },
            { header: s.detail, share: 0.44 },
          ],
          check.findings.map((f) => [
            f.label,
            severity(f.severity),
            f.detail === null ? '' : findingDetail(f.detail, en.s, s),
          ]),
        );
      } else {
        paragraph(doc, s.noFindings);
        doc.moveDown(0.4);
      }
      if (check.overrides.length > 0) {
        heading(doc, s.overrides);
        table(
          doc,
          [
            { header: s.finding, share: 0.26 },
            { header: s.reason, share: 0.44 },
            { header: s.by, share: 0.3 },
          ],
          check.overrides.map((o) => [o.finding || '—', o.reason, `${who(o.by)}\n${when(o.at)}`]),
        );
      }

      if (session.notes) {
        heading(doc, s.notes);
        paragraph(doc, session.notes);
        doc.moveDown(0.4);
      }

      heading(doc, w.labels.nextAppointment);
      paragraph(doc, describeNextAppointment(session.nextAppointment, meta, language));
      doc.moveDown(0.4);

      heading(doc, w.labels.signature);
      paragraph(
        doc,
        data.signed
          ? fillWords(s.signedBy, { name: who(data.signed.by), when: when(data.signed.at) })
          : s.notSigned,
      );
      doc.moveDown(0.4);

      if (data.addenda.length > 0) {
        heading(doc, s.addenda);
        for (const addendum of data.addenda) {
          doc.font(fonts.regular).fontSize(sizes.body);
          ensureSpace(doc, 28);
          doc
            .font(fonts.bold)
            .fontSize(sizes.small)
            .fillColor(colors.muted)
            .text(`${who(addendum.author)} · ${when(addendum.at)}`);
          paragraph(doc, addendum.text);
          rule(doc);
        }
      }
    },
  );
  return { ...rendered, templateVersion: null };
}

/** "Acknowledged · Overridden", recorded in English, in the summary's language. */
function findingDetail(detail: string, english: SummaryWording, s: SummaryWording): string {
  return detail
    .split(' · ')
    .map((part) =>
      part === english.acknowledged
        ? s.acknowledged
        : part === english.overridden
          ? s.overridden
          : part,
    )
    .join(' · ');
}
