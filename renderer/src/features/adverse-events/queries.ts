import { TREATMENTS_KEY } from '../../lib/query-keys';

/** Query keys of adverse events; under the treatments prefix, so clinical changes refresh them. */
export const adverseEventsKeys = {
  open: (patientId: string) => [...TREATMENTS_KEY, 'open-adverse-events', patientId] as const,
};
