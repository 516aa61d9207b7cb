import { CLINIC_SETTINGS_KEY } from '../../lib/clinic-settings';

/** Query keys of the clinic's settings. */
export const clinicKeys = {
  settings: CLINIC_SETTINGS_KEY,
  firstSteps: ['clinic', 'first-steps'] as const,
};
