import type { Severity } from '../screening/severity';

/**
 * What must hold before a session starts and before it is signed, decided in one pure function
 * so the service (which refuses with SAFETY_GATE) and the screen (which explains and routes) say
 * the same. Every missing item is listed at once, keyed as the error's `fields`:
 * `gate.check`, `gate.historyVersion`, `gate.coverage`, `gate.consent`, `gate.allergy.<n>`
 * (n = index in sessionSubstanceLines).
 */

export type GateMoment = 'start' | 'sign';

export interface GateCheck {
  readonly performedOn: string;
  readonly performerIsPractitioner: boolean;
  readonly status: 'passed' | 'overridden' | 'stopped';
  /** The medical-history version the check read; null when none had been taken. */
  readonly historyVersion: number | null;
  readonly productIds: readonly string[];
  readonly substanceKeys: readonly string[];
}

export interface GateSubstance {
  readonly key: string;
  readonly name: string;
  readonly severity: Severity;
  /** The do-not-treat finding's explanation. */
  readonly explanation: string;
}

export interface GateFacts {
  readonly moment: GateMoment;
  /** The session's day in the clinic calendar: today at start, the session's day at signing. */
  readonly day: string;
  /** The newest check of the patient (the gate compares its day). */
  readonly check: GateCheck | null;
  /** The newest medical-history version; null when no history was ever taken. */
  readonly currentHistoryVersion: number | null;
  /** What the session uses (or, at start, will use): products and named substances. */
  readonly planned: {
    readonly productIds: readonly string[];
    readonly substances: ReadonlyArray<{ readonly key: string; readonly name: string }>;
  };
  readonly consent: {
    readonly procedureKind: string;
    readonly state: 'valid' | 'needs-attention' | 'awaiting-practitioner' | 'none';
  };
  /** Every substance line in session order (sign only). */
  readonly substances?: readonly GateSubstance[];
  /** Keys with an override: recorded now, or already covered by the check's own override. */
  readonly overriddenKeys?: readonly string[];
}

export type GateFields = Record<string, string>;

function checkFields(facts: GateFacts, out: GateFields): void {
  const { check } = facts;
  if (check === null || check.performedOn !== facts.day) {
    out['gate.check'] =
      'There is no pre-procedure check for this patient today; run the check first.';
    return;
  }
  if (!check.performerIsPractitioner) {
    out['gate.check'] = 'The pre-procedure check must be completed by a practitioner.';
    return;
  }
  if (check.status === 'stopped') {
    out['gate.check'] =
      "Today's check found a reason not to treat and it was not overridden; run a new check.";
    return;
  }
  // A check is valid for the history it read: any other version than the newest is stale.
  if (check.historyVersion !== facts.currentHistoryVersion) {
    out['gate.historyVersion'] =
      `The medical history changed since the check (version ${check.historyVersion ?? 'none'} → ${facts.currentHistoryVersion ?? 'none'}); run a new check.`;
  }
  const products = new Set(check.productIds);
  const keys = new Set(check.substanceKeys);
  const uncoveredProducts = new Set(facts.planned.productIds.filter((p) => !products.has(p)));
  const uncovered = [
    ...new Set(facts.planned.substances.filter((s) => !keys.has(s.key)).map((s) => s.name)),
  ];
  if (uncoveredProducts.size > 0 || uncovered.length > 0) {
    const what = [
      uncoveredProducts.size > 0 ? `${uncoveredProducts.size} product(s)` : null,
      uncovered.length > 0 ? uncovered.join(', ') : null,
    ].filter((x) => x !== null);
    out['gate.coverage'] =
      `The check did not cover ${what.join(' and ')}; run the check again with what is now planned.`;
  }
}

export function safetyGate(facts: GateFacts): GateFields {
  const out: GateFields = {};
  checkFields(facts, out);
  if (facts.consent.state === 'none') {
    out['gate.consent'] =
      `There is no valid signed consent for ${facts.consent.procedureKind}; have the consent signed (or confirm the paper one).`;
  } else if (facts.consent.state === 'awaiting-practitioner') {
    out['gate.consent'] =
      `The consent for ${facts.consent.procedureKind} is signed by the patient only; it counts once its practitioner signs their part.`;
  } else if (facts.consent.state === 'needs-attention') {
    out['gate.consent'] =
      `The consent for ${facts.consent.procedureKind} needs attention (its archived file changed); have it signed again.`;
  }
  if (facts.moment === 'sign') {
    const overridden = new Set(facts.overriddenKeys ?? []);
    (facts.substances ?? []).forEach((s, n) => {
      if (s.severity === 'do-not-treat' && !overridden.has(s.key)) {
        out[`gate.allergy.${n}`] =
          `${s.name}: ${s.explanation} Record an override with a reason to use it.`;
      }
    });
  }
  return out;
}

/** The refusal's message: one opening, then each item's sentence. */
export function safetyGateMessage(moment: GateMoment, fields: GateFields): string {
  const opening =
    moment === 'start' ? 'The session cannot start.' : 'The session cannot be signed yet.';
  return [opening, ...Object.values(fields)].join(' ');
}
