/**
 * The prefix every key of treatment data starts with, whichever feature owns it (courses,
 * sessions, products, open adverse events, the timeline): after a clinical change one
 * invalidation of this prefix refreshes every treatment screen.
 */
export const TREATMENTS_KEY = ['treatments'] as const;
