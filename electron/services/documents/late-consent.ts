import { localDate } from '../core/local-date';

/** The treatment day a consent was made for, from its stored render data; null before it existed. */
export function treatmentDateOf(row: { kind: string; render_data: string }): string | null {
  if (row.kind !== 'consent') return null;
  const stored = JSON.parse(row.render_data) as { data?: { treatmentDate?: string } };
  return stored.data?.treatmentDate ?? null;
}

/**
 * Consent is given before treatment. One signed on a later clinic day than the treatment it was
 * made for still counts from then on, but is flagged wherever it is shown or printed.
 */
export function isSignedLate(treatmentDate: string | null, signedAt: string | null): boolean {
  return (
    treatmentDate !== null && signedAt !== null && localDate(new Date(signedAt)) > treatmentDate
  );
}
