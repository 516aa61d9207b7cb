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

/**
 * Each item's sentence as the catalogue words it (`gateReasons.*`, renderer findings area), with
 * its values, so the screen shows it in the reader's language; the English stays the reference.
 */
export type GateTexts = Record<string, { key: string; params?: Record<string, string | number> }>;

interface GateOut {
  fields: GateFields;
  texts: GateTexts;
}

function put(
  out: GateOut,
  field: string,
  english: string,
  key: string,
  params?: Record<string, string | number>,
): void {
  out.fields[field] = english;
  out.texts[field] = params ? { key: `gateReasons.${key}`, params } : { key: `gateReasons.${key}` };
}

function historyVersionItem(out: GateOut, checked: number | null, current: number | null) {
  const english = `The medical history changed since the check (version ${checked ?? 'none'} → ${current ?? 'none'}); run a new check.`;
  if (checked === null)
    put(out, 'gate.historyVersion', english, 'historyVersionFromNone', { current: current ?? 0 });
  else if (current === null)
    put(out, 'gate.historyVersion', english, 'historyVersionToNone', { checked });
  else put(out, 'gate.historyVersion', english, 'historyVersion', { checked, current });
}

function checkFields(facts: GateFacts, out: GateOut): void {
  const { check } = facts;
  if (check === null || check.performedOn !== facts.day) {
    put(
      out,
      'gate.check',
      'There is no pre-procedure check for this patient today; run the check first.',
      'checkNone',
    );
    return;
  }
  if (!check.performerIsPractitioner) {
    put(
      out,
      'gate.check',
      'The pre-procedure check must be completed by a practitioner.',
      'checkNotPractitioner',
    );
    return;
  }
  if (check.status === 'stopped') {
    put(
      out,
      'gate.check',
      "Today's check found a reason not to treat and it was not overridden; run a new check.",
      'checkStopped',
    );
    return;
  }
  // A check is valid for the history it read: any other version than the newest is stale.
  if (check.historyVersion !== facts.currentHistoryVersion) {
    historyVersionItem(out, check.historyVersion, facts.currentHistoryVersion);
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
    const english = `The check did not cover ${what.join(' and ')}; run the check again with what is now planned.`;
    const products = uncoveredProducts.size;
    const names = uncovered.join(', ');
    if (products > 0 && names !== '')
      put(out, 'gate.coverage', english, 'coverageBoth', { products, names });
    else if (products > 0) put(out, 'gate.coverage', english, 'coverageProducts', { products });
    else put(out, 'gate.coverage', english, 'coverageNames', { names });
  }
}

/** Every missing item, in English and as the catalogue words it. */
export function safetyGateItems(facts: GateFacts): GateOut {
  const out: GateOut = { fields: {}, texts: {} };
  checkFields(facts, out);
  const kind = facts.consent.procedureKind;
  if (facts.consent.state === 'none') {
    put(
      out,
      'gate.consent',
      `There is no valid signed consent for ${kind}; have the consent signed (or confirm the paper one).`,
      'consentNone',
      { kind },
    );
  } else if (facts.consent.state === 'awaiting-practitioner') {
    put(
      out,
      'gate.consent',
      `The consent for ${kind} is signed by the patient only; it counts once its practitioner signs their part.`,
      'consentAwaiting',
      { kind },
    );
  } else if (facts.consent.state === 'needs-attention') {
    put(
      out,
      'gate.consent',
      `The consent for ${kind} needs attention (its archived file changed); have it signed again.`,
      'consentNeedsAttention',
      { kind },
    );
  }
  if (facts.moment === 'sign') {
    const overridden = new Set(facts.overriddenKeys ?? []);
    (facts.substances ?? []).forEach((s, n) => {
      if (s.severity === 'do-not-treat' && !overridden.has(s.key)) {
        // The finding is worded by the screen from its own verdict for the line (GatePanel).
        put(
          out,
          `gate.allergy.${n}`,
          `${s.name}: ${s.explanation} Record an override with a reason to use it.`,
          'allergy',
          { name: s.name, finding: s.explanation },
        );
      }
    });
  }
  return out;
}

export function safetyGate(facts: GateFacts): GateFields {
  return safetyGateItems(facts).fields;
}

/** The refusal's message: one opening, then each item's sentence. */
export function safetyGateMessage(moment: GateMoment, fields: GateFields): string {
  const opening =
    moment === 'start' ? 'The session cannot start.' : 'The session cannot be signed yet.';
  return [opening, ...Object.values(fields)].join(' ');
}
