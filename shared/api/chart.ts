import { op } from './operation';
import { clinical, clinicalReaders } from './roles';
import { patientScopedInput } from './courses';
import { timelineEntrySchema } from './recall';
import { z } from 'zod';
import { idSchema } from './common';
import { fileTokenSchema } from './file-token';
import { adverseEventSchema } from './adverse-events';
import { consentListOutput } from './consents';
import { historyGetOutput } from './history';
import { patientChangeSchema, patientChartSchema } from './patients';
import { screeningRecordSchema } from './screening';

/** How many recent checks the chart's first screen lists. */
export const CHART_RECENT_SCREENINGS = 10;

export const chartOpenInput = z.object({ patientId: idSchema }).strict();

/**
 * Everything the chart's first screen shows, read in one call: one transaction gives one
 * consistent view, and one round trip keeps a heavy chart as quick to open as a light one.
 */
export const chartOpenOutput = z.object({
  chart: patientChartSchema,
  // Null for a role that may not read them (the front desk sees the alert strip, in `chart`,
  // but not the history, adverse events or checks behind it).
  history: historyGetOutput.nullable(),
  openAdverseEvents: z.array(adverseEventSchema).nullable(),
  consents: consentListOutput,
  recentScreenings: z.array(screeningRecordSchema).nullable(),
  changes: z.array(patientChangeSchema),
});
export type ChartOpen = z.infer<typeof chartOpenOutput>;

/** Why a whole record leaves the clinic: the patient asked for it, or another clinic takes over. */
export const recordExportPurposes = ['subject-access', 'transfer'] as const;

export const chartExportRecordInput = z
  .object({
    patientId: idSchema,
    /**
     * The token of the folder the user chose in the system's dialog; the export is a new folder
     * inside it.
     */
    folder: fileTokenSchema('a folder'),
    purpose: z.enum(recordExportPurposes),
    /** Who receives it (the patient, a clinic's name), printed on the record and audited. */
    recipient: z.string().trim().max(200).default(''),
  })
  .strict();

export const chartExportRecordOutput = z.object({
  /** The folder written: the record PDF, the FHIR bundle, photos/ and documents/. */
  folder: z.string(),
  recordPdf: z.string(),
  fhirBundle: z.string(),
  photos: z.number().int(),
  documents: z.number().int(),
  fhirResources: z.number().int(),
});
export type ChartExportRecordOutput = z.infer<typeof chartExportRecordOutput>;

export const chartOperations = {
  // One read of the chart, audited once: the same rows patients.get, history.get,
  // adverseEvents.listOpen, consents.list, screening.list and patients.changes return.
  'chart.open': op({
    input: chartOpenInput,
    output: chartOpenOutput,
    access: clinical,
    audit: { action: 'read', objectType: 'patient-chart' },
  }),
  'chart.timeline': op({
    input: patientScopedInput,
    output: z.array(timelineEntrySchema),
    access: clinicalReaders,
    audit: { action: 'read', objectType: 'timeline' },
  }),
  // A disclosure of the whole record: those who may read all of it (practitioners, the admin);
  // the front desk, which sees no notes or photos, may not take it out of the clinic.
  'chart.exportRecord': op({
    input: chartExportRecordInput,
    output: chartExportRecordOutput,
    access: clinicalReaders,
    audit: { action: 'execute', objectType: 'record-disclosure' },
  }),
} as const;
