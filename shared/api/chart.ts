import { op } from './operation';
import { clinical, clinicalReaders } from './roles';
import { patientScopedInput } from './courses';
import { timelineEntrySchema } from './recall';
import { z } from 'zod';
import { idSchema } from './common';
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
} as const;
