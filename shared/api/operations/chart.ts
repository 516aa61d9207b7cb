import { op } from '../operation';
import { chartOpenInput, chartOpenOutput } from '../domains/chart';

const clinical = ['receptionist', 'practitioner', 'admin'] as const;

export const chartOperations = {
  // One read of the chart, audited once: the same rows patients.get, history.get,
  // adverseEvents.listOpen, consents.list, screening.list and patients.changes return.
  'chart.open': op({
    input: chartOpenInput,
    output: chartOpenOutput,
    access: clinical,
    audit: { action: 'read', objectType: 'patient-chart' },
  }),
};
