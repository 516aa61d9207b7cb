const all = ['screening'] as const;
const lists = (patientId: string) => [...all, 'list', patientId] as const;

/** Query keys of pre-procedure checks, the check page's reads and the screening settings. */
export const screeningKeys = {
  lists,
  // The limit is part of the key: the chart lists the last few checks, a session looks among more.
  list: (patientId: string, limit: number) => [...lists(patientId), limit] as const,
  one: (patientId: string, id: string) => [...all, 'one', patientId, id] as const,
  preview: (patientId: string, answers: string) => [...all, 'preview', patientId, answers] as const,
  patient: (patientId: string) => [...all, 'patient', patientId] as const,
  prefill: (patientId: string) => [...all, 'prefill', patientId] as const,
  products: [...all, 'products'] as const,
  courses: (patientId: string) => [...all, 'courses', patientId] as const,
  /** The draft a check is run again for (read fresh: its plan is what the check must cover). */
  forSession: (sessionId: string) => [...all, 'session', sessionId] as const,
  settings: [...all, 'settings'] as const,
};
