/** Query keys of the clinic's settings. */
export const clinicKeys = {
  settings: ['settings'] as const,
};
