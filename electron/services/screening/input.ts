import {
  notAskedQuestions,
  type AllergyTick,
  type ConditionKey,
  type HistoryAnswers,
} from '../../../shared/api/history';
import type { AllergenTag, HistoryFacts, TreatmentArea } from '../../../shared/screening';

/**
 * Reads the intake's answers in the terms of the pre-procedure rules. The intake asks some
 * questions more coarsely than the rules distinguish ("epilepsy or neurological", "diabetes",
 * "high blood pressure", surgery without its place). Where it does, the reading takes the safer
 * side and says so, so the rules flag rather than stay quiet.
 */

export const allergenTagOfTick: Record<AllergyTick, AllergenTag> = {
  localAnaesthetics: 'local-anaesthetic',
  soy: 'soy',
  hyaluronicAcid: 'hyaluronic-acid',
  beeWaspVenom: 'bee-wasp-venom',
  latex: 'latex',
  eggs: 'egg',
};

/** Id of the n-th medicine line of the history, stable for one history version. */
export function historyLineId(index: number): string {
  return `history-${index}`;
}

export interface HistoryReading {
  readonly facts: HistoryFacts;
  /** Plain-language notes on what was assumed, shown with the check. */
  readonly assumptions: readonly string[];
  /**
   * Text appended to the explanation of the finding with this rule id, with its catalogue phrase
   * (findingPhrases.assumption.*) so the screens word it in their language too.
   */
  readonly notes: Readonly<Record<string, { readonly text: string; readonly phrase: string }>>;
}

const mentions = (notes: string, pattern: RegExp) => pattern.test(notes.toLowerCase());

/** Splits "lidocaine, penicillin; nuts" into one allergy per entry, as the rules expect. */
function allergyEntries(other: string): string[] {
  return other
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => s.slice(0, 200));
}

export function readHistory(
  answers: HistoryAnswers,
  plannedAreas: readonly TreatmentArea[],
): HistoryReading {
  // Only a "yes" is a condition; "not asked" is listed in `notAsked`, which the check flags.
  const c = Object.fromEntries(
    Object.entries(answers.conditions).map(([k, v]) => [k, v === 'yes']),
  ) as Record<ConditionKey, boolean>;
  const notesText = answers.conditionNotes;
  const assumptions: string[] = [];
  const notes: Record<string, { text: string; phrase: string }> = {};

  if (c.epilepsyOrNeurological && !mentions(notesText, /epilep|seizure|convuls/)) {
    const why =
      'The intake asks about "epilepsy or another neurological disease" together and does not say which: read as epilepsy until you confirm.';
    assumptions.push(why);
    notes['condition.epilepsy'] = { text: why, phrase: 'assumption.epilepsy' };
  }
  if (c.diabetes && !mentions(notesText, /insulin/)) {
    const why =
      'The intake does not say whether the diabetes is treated with insulin: read as insulin-dependent until you confirm.';
    assumptions.push(why);
    notes['condition.insulin-dependent-diabetes'] = { text: why, phrase: 'assumption.insulin' };
  }
  const hypertensionControlled =
    mentions(notesText, /\bcontrolled\b/) && !mentions(notesText, /uncontrolled|not controlled/);
  if (c.hypertension && !hypertensionControlled) {
    const why =
      'The intake does not say whether the blood pressure is controlled: read as uncontrolled until you confirm.';
    assumptions.push(why);
    notes['condition.uncontrolled-hypertension'] = {
      text: why,
      phrase: 'assumption.hypertension',
    };
  }

  const recentSurgeries: HistoryFacts['recentSurgeries'] = [];
  if (answers.surgery.recent === 'yes') {
    // Where the surgery was is not asked at intake; the in-area window is the stricter one.
    recentSurgeries.push({
      date: answers.surgery.date === '' ? null : answers.surgery.date,
      areas: [...plannedAreas],
      description: answers.surgery.details.slice(0, 300),
    });
    if (plannedAreas.length > 0) {
      const why =
        'The intake does not say where the recent surgery was: read as in the treatment area until you confirm.';
      assumptions.push(why);
      notes['surgery.in-area'] = { text: why, phrase: 'assumption.surgery-area' };
    }
  }

  const facts: HistoryFacts = {
    conditions: {
      pregnancy: c.pregnancy,
      breastfeeding: c.breastfeeding,
      coagulationDisorder: c.coagulationDisorder,
      neurological: c.epilepsyOrNeurological ? 'epilepsy' : 'none',
      autoimmune: c.autoimmune,
      diabetes: c.diabetes
        ? mentions(notesText, /non[- ]?insulin|no insulin|without insulin/)
          ? 'non-insulin'
          : 'insulin-dependent'
        : 'none',
      activeCancer: c.activeCancer,
      immunosuppression: c.immunosuppression,
      keloid: c.keloid,
      herpes: c.herpes,
      chronicSkinDisease: c.chronicSkin,
      heartDisease: c.heartDisease,
      hypertension: c.hypertension
        ? hypertensionControlled
          ? 'controlled'
          : 'uncontrolled'
        : 'none',
    },
    recentSurgeries,
    isotretinoin:
      answers.isotretinoin.taken === 'yes'
        ? {
            answer: 'yes',
            date: answers.isotretinoin.lastDate === '' ? null : answers.isotretinoin.lastDate,
          }
        : answers.isotretinoin.taken === 'no'
          ? { answer: 'no' }
          : null,
    allergies: {
      ticked: (Object.keys(allergenTagOfTick) as AllergyTick[])
        .filter((tick) => answers.allergies.ticks[tick] === 'yes')
        .map((tick) => allergenTagOfTick[tick]),
      freeText: allergyEntries(answers.allergies.other),
    },
    // Kept exactly as typed, recognised or not: the rules flag what they cannot read.
    medicines: answers.medicines.map((m, i) => ({
      id: historyLineId(i),
      text: m.text,
      lastDose: m.lastDose === '' ? null : m.lastDose,
      prescribed: null,
    })),
    notAsked: notAskedQuestions(answers),
  };
  return { facts, assumptions, notes };
}

/** With no history taken, the rules still run on the day's answers over an empty history. */
export function emptyHistoryFacts(): HistoryFacts {
  return {
    conditions: {
      pregnancy: false,
      breastfeeding: false,
      coagulationDisorder: false,
      neurological: 'none',
      autoimmune: false,
      diabetes: 'none',
      activeCancer: false,
      immunosuppression: false,
      keloid: false,
      herpes: false,
      chronicSkinDisease: false,
      heartDisease: false,
      hypertension: 'none',
    },
    recentSurgeries: [],
    isotretinoin: null,
    allergies: { ticked: [], freeText: [] },
    medicines: [],
  };
}
