/** Query keys for the documents area, so every screen invalidates the same entries. */
export const documentKeys = {
  list: (patientId: string) => ['documents', patientId, 'list'] as const,
  validity: (patientId: string) => ['documents', patientId, 'validity'] as const,
  patient: (patientId: string) => ['documents', patientId] as const,
  templates: ['templates'] as const,
  settings: ['documentSettings'] as const,
};

export function formatDocumentDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
