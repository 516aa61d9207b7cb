// The screen and the exports read the same catalogue, so a CSV or an inspection PDF says what
// the audit page says. It lives with the renderer's i18n catalogues because it is UI text.
import catalogue from '../../../renderer/src/i18n/en-audit.json' with { type: 'json' };
import type { AuditEvent } from '../../../shared/api/audit';

type Words = Record<string, Record<string, string> | undefined>;
const operations: Words = catalogue.auditOperations;

/** "Opened a chart" for `chart.open`; the operation name itself for one the catalogue lacks. */
export function operationWords(operation: string): string {
  const dot = operation.indexOf('.');
  const words = dot > 0 ? operations[operation.slice(0, dot)]?.[operation.slice(dot + 1)] : null;
  return words ?? operation;
}

export function outcomeWords(outcome: AuditEvent['outcome']): string {
  return catalogue.audit.outcomes[outcome];
}

/** Everything the catalogue names, as `domain.verb`; the tests compare it with the contract. */
export function cataloguedOperations(): string[] {
  return Object.entries(operations).flatMap(([domain, verbs]) =>
    Object.keys(verbs ?? {}).map((verb) => `${domain}.${verb}`),
  );
}
