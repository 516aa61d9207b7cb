import type { OpInput } from '../../../../shared/api/contract';
import { TREATMENTS_KEY } from '../../lib/query-keys';

const all = ['patients'] as const;
const patient = (id: string) => [...all, id] as const;

/**
 * Query keys of the register and of one patient. Every key of a patient's data starts with
 * `patient(id)` (history, consents, photos and the opened chart add theirs in their own
 * features), so a save can refresh exactly that patient, or everyone with `all`.
 */
export const patientsKeys = {
  all,
  patient,
  chart: (id: string) => [...patient(id), 'chart'] as const,
  changes: (id: string) => [...patient(id), 'changes'] as const,
  search: (query: string, includeArchived: boolean) =>
    [...all, 'search', query, includeArchived] as const,
  duplicates: (probe: OpInput<'patients.duplicates'>) => [...all, 'duplicates', probe] as const,
  /** The treatments page's header: under the treatments prefix, refreshed with treatment data. */
  onTreatmentsPage: (id: string) => [...TREATMENTS_KEY, 'patient', id] as const,
  settings: ['patient-settings'] as const,
};
