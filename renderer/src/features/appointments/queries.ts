/** Query keys of the diary; a booking change invalidates the whole prefix (diary and Today). */
export const appointmentsKeys = {
  all: ['appointments'] as const,
  settings: ['appointments', 'settings'] as const,
  practitioners: ['appointments', 'practitioners'] as const,
  range: (from: string, to: string) => ['appointments', 'range', from, to] as const,
  today: ['appointments', 'today'] as const,
};
