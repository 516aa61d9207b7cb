import type { ClinicInfo, PageSize } from '../../../../shared/documents/document-data';
import { formatDateTime } from './format-date';
import { buildPdf, type RenderedPdf } from './pdf/build-pdf';
import { contentLeft, contentWidth, ensureSpace, fieldBox, title } from './pdf/layout';
import { table } from './pdf/table';
import { colors, fonts, sizes } from './pdf/theme';

/** One line of the report, already in plain words: the engine knows nothing of the log. */
export interface AuditReportRow {
  at: string;
  who: string;
  what: string;
  patient: string;
  outcome: string;
}

export interface AuditReportData {
  documentId: string;
  generatedAt: string;
  locale: string;
  timeZone?: string | undefined;
  pageSize: PageSize;
  clinic: ClinicInfo;
  /** Who printed it, as an inspector will ask. */
  printedBy: string;
  /** The filters in words ("All events", "Patient: 'yilmaz'", ...). */
  scope: string[];
  period: string;
  verify: { ok: boolean; checked: number; detail: string };
  rows: AuditReportRow[];
}

/**
 * The chain check comes first, in a green or red box, because an inspector reads the rest of
 * the report only as far as the log is trustworthy.
 */
function verifyBox(doc: PDFKit.PDFDocument, verify: AuditReportData['verify']): void {
  const pad = 8;
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  const headline = verify.ok
    ? `Audit chain verified: intact (${verify.checked} events checked)`
    : 'Audit chain verification FAILED';
  doc.font(fonts.bold).fontSize(sizes.heading);
  const h1 = doc.heightOfString(headline, { width: width - 2 * pad });
  doc.font(fonts.regular).fontSize(sizes.body);
  const h2 = doc.heightOfString(verify.detail, { width: width - 2 * pad });
  const boxHeight = h1 + h2 + 2 * pad + 3;
  ensureSpace(doc, boxHeight + 8);
  const top = doc.y;
  doc
    .roundedRect(left, top, width, boxHeight, 3)
    .fillColor(verify.ok ? '#e6f4ea' : colors.dangerFill)
    .fill();
  doc
    .font(fonts.bold)
    .fontSize(sizes.heading)
    .fillColor(verify.ok ? '#1e6b34' : colors.danger)
    .text(headline, left + pad, top + pad, { width: width - 2 * pad });
  doc
    .font(fonts.regular)
    .fontSize(sizes.body)
    .fillColor(colors.text)
    .text(verify.detail, left + pad, doc.y + 3, { width: width - 2 * pad });
  doc.x = left;
  doc.y = top + boxHeight + 8;
}

/** The audit log for an inspection: the chain check, the scope, then one row per event. */
export function renderAuditReportPdf(data: AuditReportData): Promise<RenderedPdf> {
  const when = (iso: string) => formatDateTime(iso, data.locale, data.timeZone);
  return buildPdf(
    {
      meta: {
        documentId: data.documentId,
        generatedAt: data.generatedAt,
        locale: data.locale,
        ...(data.timeZone ? { timeZone: data.timeZone } : {}),
        pageSize: data.pageSize,
      },
      clinic: data.clinic,
      title: 'Audit log',
      subject: 'Audit log extract for an inspection',
      language: 'en',
      resourcesDir: undefined,
    },
    (doc) => {
      title(doc, 'Audit log', `Extract printed ${when(data.generatedAt)} by ${data.printedBy}`);
      verifyBox(doc, data.verify);
      fieldBox(doc, [
        [
          { label: 'Period', value: data.period },
          { label: 'Events in this extract', value: String(data.rows.length) },
        ],
        [{ label: 'Filters', value: data.scope.join('\n') }],
      ]);
      if (data.rows.length === 0) {
        doc.font(fonts.regular).fontSize(sizes.body).text('No events match these filters.');
        return;
      }
      table(
        doc,
        [
          { header: 'When', share: 0.17 },
          { header: 'Who', share: 0.17 },
          { header: 'What', share: 0.3 },
          { header: 'Patient', share: 0.22 },
          { header: 'Outcome', share: 0.14 },
        ],
        data.rows.map((r) => [when(r.at), r.who, r.what, r.patient, r.outcome]),
      );
    },
  );
}
