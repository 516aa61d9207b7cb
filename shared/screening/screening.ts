import { checkAllergies } from './allergy-check';
import { checkConditions } from './condition-rules';
import { checkDayOf } from './day-of-rules';
import { checkMedicines } from './medicine-rules';
import { checkNotAsked } from './not-asked-rules';
import type { ScreeningFinding, ScreeningInput, ScreeningResult } from './screening-types';
import type { Severity } from './severity';
import { severityRank, worstSeverity } from './severity';

/**
 * The pre-procedure check: every rule over the history, the day-of answers and the planned
 * products, then the worst severity as the outcome. Pure and synchronous, so the renderer can run
 * it as the practitioner answers and the main process can re-run it before saving.
 */
export function runScreening(input: ScreeningInput): ScreeningResult {
  const findings: ScreeningFinding[] = [
    ...checkConditions(input),
    ...checkNotAsked(input),
    ...checkDayOf(input),
    ...checkMedicines(input),
    ...checkAllergies(input.history.allergies, input.products, input.settings),
  ].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));

  const productOutcomes: Record<string, Severity> = {};
  for (const product of input.products) {
    productOutcomes[product.id] = worstSeverity(
      findings.filter((f) => f.productId === product.id).map((f) => f.severity),
    );
  }
  return { findings, outcome: worstSeverity(findings.map((f) => f.severity)), productOutcomes };
}
