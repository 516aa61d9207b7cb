import { TREATMENTS_KEY } from '../../lib/query-keys';

const all = [...TREATMENTS_KEY, 'products'] as const;

/** Query keys of the product catalogue; a change to it refreshes every list under `all`. */
export const productsKeys = {
  all,
  catalogue: [...all, 'catalogue'] as const,
  withInactive: [...all, 'all'] as const,
  active: [...all, 'active'] as const,
  /** The consent form's list: outside `all`, so a catalogue change does not refresh it. */
  forConsentForm: ['products', 'active'] as const,
};
