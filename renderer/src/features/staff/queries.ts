/** Query keys of staff accounts. */
export const staffKeys = {
  list: ['staff'] as const,
  ownProfile: ['staff', 'own-profile'] as const,
};
