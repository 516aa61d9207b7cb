import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '../../../shared/api/audit';
import type { ClinicInfo, PageSize } from '../../../shared/documents/document-data';
import { csvCell } from '../core/csv';
import { checkExportTarget } from '../core/export-path';
import { renderAuditReportPdf } from '../documents/render/render-audit-report-pdf';
import { writeFileAtomic } from '../photos/files/atomic-file';
import type { AuditReadFilter } from './audit-read';
import type { VerifyResult } from './audit-log';
import { operationWords, outcomeWords } from './operation-words';

export function whoWords(e: AuditEvent): string {
  const name = e.displayName ?? e.username;
  if (!name) return 'Nobody signed in';
  return e.role ? `${name} (${e.role})` : name;
}

/** Name, then clinic number on its own line, so neither is broken across lines in a table. */
export function patientWords(e: AuditEvent): string {
  if (!e.patientId) return '';
  if (!e.patientName) return 'Patient no longer on record';
  return e.clinicNumber ? `${e.patientName}\n${e.clinicNumber}` : e.patientName;
}

const CSV_HEADER = [
  'Event',
  'When (UTC)',
  'Who',
  'Username',
  'What',
  'Kind',
  'Patient',
  'Clinic number',
  'Outcome',
  'Error code',
  'Record',
];

/** The rows as a spreadsheet opens them; CRLF line ends as RFC 4180 asks. */
export function auditCsv(events: readonly AuditEvent[]): string {
  const lines = [CSV_HEADER.map(csvCell).join(',')];
  for (const e of events) {
    lines.push(
      [
        e.seq,
        e.at,
        e.displayName ?? '',
        e.username ?? '',
        operationWords(e.operation),
        e.action,
        e.patientName ?? '',
        e.clinicNumber ?? '',
        outcomeWords(e.outcome),
        e.errorCode ?? '',
        [e.objectType, e.objectId].filter(Boolean).join(' '),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function auditFileName(today: string, extension: 'csv' | 'pdf'): string {
  return `audit-log-${today}.${extension}`;
}

/** The filters in words for the report's header; dates are shown by the caller's period. */
function scopeWords(filter: AuditReadFilter, userName: string | null): string[] {
  const scope: string[] = [];
  if (filter.patient?.trim()) scope.push(`Patient: "${filter.patient.trim()}"`);
  if (filter.patientId) scope.push(`Patient record ${filter.patientId}`);
  if (filter.userId) scope.push(`Staff member: ${userName ?? filter.userId}`);
  if (filter.action) scope.push(`Kind: ${filter.action}`);
  return scope.length > 0 ? scope : ['All events'];
}

function periodWords(filter: AuditReadFilter, locale: string, timeZone?: string): string {
  const day = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      ...(timeZone ? { timeZone } : {}),
    }).format(new Date(iso));
  // `to` is exclusive (the next local midnight), so the last day shown is the one before it.
  const last = filter.to ? new Date(Date.parse(filter.to) - 1).toISOString() : null;
  if (filter.from && last) return `${day(filter.from)} – ${day(last)}`;
  if (filter.from) return `From ${day(filter.from)}`;
  if (last) return `Until ${day(last)}`;
  return 'Whole log';
}

export interface AuditPdfInput {
  dataDir: string;
  targetPath: string;
  filter: AuditReadFilter;
  events: AuditEvent[];
  verify: VerifyResult;
  clinic: ClinicInfo;
  pageSize: PageSize;
  locale: string;
  timeZone?: string | undefined;
  printedBy: string;
  userName: string | null;
  now: Date;
}

/** Renders the report in memory, then writes it whole to the path the user chose. */
export async function exportAuditPdf(input: AuditPdfInput) {
  // Checked first: a path inside the data folder or without a folder is refused before rendering.
  const target = await checkExportTarget(input.dataDir, input.targetPath, '.pdf');
  const rendered = await renderAuditReportPdf({
    documentId: randomUUID().slice(0, 8).toUpperCase(),
    generatedAt: input.now.toISOString(),
    locale: input.locale,
    timeZone: input.timeZone,
    pageSize: input.pageSize,
    clinic: input.clinic,
    printedBy: input.printedBy,
    scope: scopeWords(input.filter, input.userName),
    period: periodWords(input.filter, input.locale, input.timeZone),
    verify: {
      ok: input.verify.ok,
      checked: input.verify.checked,
      detail: input.verify.ok
        ? `Every event from the first to the last was checked on ${input.now.toISOString().slice(0, 10)}: none was changed, removed or reordered.`
        : `The first broken link is at event ${input.verify.firstBroken ?? '?'}: ${input.verify.reason ?? 'unknown'}.`,
    },
    rows: input.events.map((e) => ({
      at: e.at,
      who: whoWords(e),
      what: operationWords(e.operation),
      patient: patientWords(e),
      outcome: outcomeWords(e.outcome) + (e.errorCode ? ` (${e.errorCode})` : ''),
    })),
  });
  await writeFileAtomic(target, rendered.bytes);
  return { path: target, rows: input.events.length, pageCount: rendered.pageCount };
}
