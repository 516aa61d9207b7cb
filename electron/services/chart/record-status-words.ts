import type { TreatmentSession } from '../../../shared/api/sessions';

/** How the exported record marks a session that was never signed (the PDF and FHIR alike). */
export const draftWords = 'Draft — not signed';

/** "Abandoned: <reason>, by <name>, <day>"; drafts abandoned before reasons were asked lack some. */
export function abandonedWords(s: TreatmentSession): string {
  const by = [s.abandonedByName && `by ${s.abandonedByName}`, s.abandonedAt?.slice(0, 10)];
  return [`Abandoned: ${s.abandonReason || 'no reason recorded'}`, ...by]
    .filter(Boolean)
    .join(', ');
}

export function sessionStatusWords(s: TreatmentSession): string {
  if (s.status === 'draft') return draftWords;
  if (s.status === 'abandoned') return abandonedWords(s);
  return s.status;
}
