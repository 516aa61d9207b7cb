/** Screening severities, mildest first; the order is what "worst" means. */
export const severities = ['clear', 'caution', 'do-not-treat'] as const;

export type Severity = (typeof severities)[number];

export function severityRank(severity: Severity): number {
  return severities.indexOf(severity);
}

export function worstSeverity(list: Iterable<Severity>): Severity {
  let worst: Severity = 'clear';
  for (const s of list) if (severityRank(s) > severityRank(worst)) worst = s;
  return worst;
}
