import { z } from 'zod';
import { dayNumber } from './clinical-dates';
import type { DrugEntry } from './drug-types';
import type { FindingParams, FindingPhrase } from './finding-wording';
import { phrase } from './finding-wording';
import type { ScreeningSettings } from './screening-settings';
import type { ScreeningFinding } from './screening-types';
import type { Severity } from './severity';

/**
 * One blood-thinner line of the check, judged by who supplies it and when it was last taken.
 *
 * - Prescribed: always a caution worded so the prescriber decides. Mesochart never tells a
 *   patient to stop a prescribed medicine.
 * - Self-medicated (over-the-counter aspirin, NSAIDs, supplements) within the clinic's hold
 *   period: do-not-treat by default; a clinic may choose caution (the reference's wording).
 * - Not known who supplies it: the worse of the two answers, and the finding asks the question.
 * - Last dose not known: a caution that says what the answer would change.
 *
 * Days are counted in the clinic's calendar, as every other screening window is: a dose taken
 * yesterday evening is "1 day ago" at this morning's check.
 */

/** Mesochart never tells a patient to stop a prescribed medicine; the practitioner reads this. */
export const prescriberDecides = 'Do not advise stopping: the prescriber decides.';

export const medicineSupplies = ['prescribed', 'self-medicated'] as const;
export type MedicineSupply = (typeof medicineSupplies)[number];
/** The check's answer per medicine line; null when nobody asked. */
export const medicineSupplySchema = z.enum(medicineSupplies);

export const selfMedicatedSeverities = ['caution', 'do-not-treat'] as const;

/** The new clinic setting; it joins ScreeningSettings beside holdDays. */
export const thinnerSupplySettingsSchema = z.object({
  selfMedicatedThinnerWithinHold: z.enum(selfMedicatedSeverities),
});
export type ThinnerSupplySettings = z.infer<typeof thinnerSupplySettingsSchema>;
export const defaultThinnerSupplySettings: ThinnerSupplySettings = {
  selfMedicatedThinnerWithinHold: 'do-not-treat',
};

export type ThinnerRuleSettings = Pick<ScreeningSettings, 'holdDays' | 'cox2SelectiveSeverity'> &
  ThinnerSupplySettings;

export interface ThinnerLineInput {
  readonly line: { readonly id: string; readonly text: string };
  /** The drug reference's entry the line was read as (medicine-matcher). */
  readonly entry: DrugEntry;
  /** False when the line was read through a misspelling. */
  readonly exact?: boolean;
  /** As recorded at the check; null when nobody asked. */
  readonly supply: MedicineSupply | null;
  /** YYYY-MM-DD, or a clinic-local YYYY-MM-DDTHH:mm[:ss]; null when not known. */
  readonly lastDose: string | null;
  /** The check's clinic-local moment, same formats; its date is the check's day. */
  readonly checkedAt: string;
  readonly settings: ThinnerRuleSettings;
}

export type EffectiveSupply = MedicineSupply | 'unknown';

export interface ThinnerLineJudgement extends ScreeningFinding {
  readonly medicineLineId: string;
  readonly supply: EffectiveSupply;
  /** Null for classes with no hold period (prescribed anticoagulants, antidepressants). */
  readonly holdDays: number | null;
  /** Whole days from the last dose to the check; null when unknown or not valid. */
  readonly daysSinceLastDose: number | null;
}

const localMoment = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

interface Moment {
  readonly day: number;
  /** Minutes since midnight, when a time was given. */
  readonly minutes: number | null;
}

function moment(text: string): Moment | null {
  const m = localMoment.exec(text);
  if (!m || m[1] === undefined) return null;
  const day = dayNumber(m[1]);
  if (day === undefined) return null;
  if (m[2] === undefined || m[3] === undefined) return { day, minutes: null };
  const [h, min] = [Number(m[2]), Number(m[3])];
  if (h > 23 || min > 59) return null;
  return { day, minutes: h * 60 + min };
}

type Timing =
  { kind: 'unknown' } | { kind: 'invalid' } | { kind: 'known'; days: number; hours: number | null };

function timing(lastDose: string | null, checkedAt: string): Timing {
  if (lastDose === null || lastDose.trim() === '') return { kind: 'unknown' };
  const dose = moment(lastDose.trim());
  const check = moment(checkedAt.trim());
  if (dose === null || check === null) return { kind: 'invalid' };
  const days = check.day - dose.day;
  const hours =
    dose.minutes === null || check.minutes === null
      ? null
      : Math.floor((days * 1440 + check.minutes - dose.minutes) / 60);
  if (days < 0 || (hours !== null && hours < 0)) return { kind: 'invalid' };
  return { kind: 'known', days, hours };
}

function whenText(t: Timing): string {
  switch (t.kind) {
    case 'unknown':
      return 'Last dose: not known.';
    case 'invalid':
      return 'Last dose date is not valid (in the future?): check it.';
    case 'known':
      return t.hours !== null && t.hours < 48
        ? `Last dose ${t.hours} hour(s) before the check.`
        : `Last dose ${t.days} day(s) ago.`;
  }
}

/** The same moment as the catalogue words it (findingPhrases.lastDose). */
function whenPhrase(t: Timing): FindingPhrase {
  switch (t.kind) {
    case 'unknown':
      return phrase('lastDose.unknown');
    case 'invalid':
      return phrase('lastDose.invalid');
    case 'known':
      return t.hours !== null && t.hours < 48
        ? phrase('lastDose.hours', { hours: t.hours })
        : phrase('lastDose.days', { days: t.days });
  }
}

const prescribedOnly = new Set<DrugEntry['drugClass']>([
  'vitamin-k-antagonist',
  'direct-oral-anticoagulant',
  'heparin',
  'ssri-snri',
]);

/** Today's rule ids for medicines taken every day, kept so stored checks and tests still read. */
type EveryDay = readonly [ruleId: string, effect: string, effectPhrase: string];
const anticoagulant: EveryDay = [
  'medicine.anticoagulant',
  'Anticoagulant: bleeding and bruising are more likely.',
  'effect.anticoagulant',
];
const everyDay: Partial<Record<DrugEntry['drugClass'], EveryDay>> & { antiplatelet: EveryDay } = {
  'vitamin-k-antagonist': anticoagulant,
  'direct-oral-anticoagulant': anticoagulant,
  heparin: anticoagulant,
  'ssri-snri': [
    'medicine.ssri-snri',
    'Serotonergic antidepressants increase bruising.',
    'effect.ssri-snri',
  ],
  antiplatelet: [
    'medicine.antiplatelet',
    'Antiplatelet: bruising and bleeding are more likely.',
    'effect.antiplatelet',
  ],
};

/** Who supplies it, and why the rule reads it so (in English and as the catalogue's phrase). */
function effectiveSupply(input: ThinnerLineInput): {
  supply: EffectiveSupply;
  why: string;
  whyPhrase: FindingPhrase;
} {
  const { entry } = input;
  const reason = (supply: EffectiveSupply, why: string, key: string) => ({
    supply,
    why,
    whyPhrase: phrase(`supplyWhy.${key}`),
  });
  if (!entry.overTheCounter || prescribedOnly.has(entry.drugClass)) {
    return reason('prescribed', 'only available on prescription', 'prescription-only');
  }
  if (input.supply === 'prescribed') {
    return reason('prescribed', 'recorded as prescribed', 'recorded-prescribed');
  }
  if (input.supply === 'self-medicated') {
    return reason('self-medicated', 'recorded as self-medicated', 'recorded-self');
  }
  if (entry.usuallyPrescribed) {
    return reason('unknown', 'may be prescribed or self-medicated; not recorded', 'not-recorded');
  }
  return reason(
    'self-medicated',
    'sold over the counter and not recorded as prescribed',
    'over-the-counter',
  );
}

function holdDaysFor(entry: DrugEntry, settings: ThinnerRuleSettings): number {
  if (entry.containsAspirin === true) return settings.holdDays.aspirin;
  return entry.drugClass === 'supplement' ? settings.holdDays.supplement : settings.holdDays.nsaid;
}

/**
 * The check's finding for one risk line. Everyday medicines (class "not-blood-thinner") are clear.
 */
export function judgeThinnerLine(input: ThinnerLineInput): ThinnerLineJudgement {
  const { entry, line, settings } = input;
  const name = entry.generic;
  const spelling = input.exact === false ? ` (read as ${name}; check the spelling)` : '';
  const what = `"${line.text.trim()}" is ${name}${spelling}.`;
  const t = timing(input.lastDose, input.checkedAt);
  const daysSinceLastDose = t.kind === 'known' ? t.days : null;
  const { supply, why, whyPhrase } = effectiveSupply(input);
  // The same sentences as values for the catalogue's wording (findingRules.medicine.*).
  const whatPhrase = phrase(input.exact === false ? 'medicine.what-misspelled' : 'medicine.what', {
    text: line.text.trim(),
    generic: name,
  });
  const when = whenPhrase(t);
  const judgement = (
    ruleId: string,
    severity: Severity,
    explanation: string,
    patientMessage: string,
    holdDays: number | null,
    wording: string,
    params: FindingParams,
  ): ThinnerLineJudgement => ({
    ruleId,
    severity,
    explanation,
    wording,
    params: { what: whatPhrase, ...params },
    patientMessage,
    medicineLineId: line.id,
    supply,
    holdDays,
    daysSinceLastDose,
  });
  const keepTaking = `Keep taking your ${name} exactly as your doctor prescribed. You may bruise more easily after the treatment; tell us if you do.`;

  if (entry.drugClass === 'not-blood-thinner') {
    return judgement(
      'medicine.not-blood-thinner',
      'clear',
      `${what} Not a blood thinner.`,
      'No change needed.',
      null,
      'medicine.not-blood-thinner-judged',
      {},
    );
  }
  // Anticoagulants, antidepressants and prescribed antiplatelets are taken every day: the last
  // dose does not change the advice, and the advice is never to stop.
  if (
    prescribedOnly.has(entry.drugClass) ||
    (entry.drugClass === 'antiplatelet' && supply === 'prescribed')
  ) {
    const [ruleId, effect, effectPhrase] = everyDay[entry.drugClass] ?? everyDay.antiplatelet;
    return judgement(
      ruleId,
      'caution',
      `${what} Prescribed (${why}). ${effect} ${whenText(t)} ${prescriberDecides}`,
      keepTaking,
      null,
      'medicine.every-day-prescribed',
      { why: whyPhrase, effect: phrase(effectPhrase), when },
    );
  }

  const hold = holdDaysFor(entry, settings);
  const within = t.kind === 'known' && t.days < hold;
  const cox2 = entry.cox2Selective === true;
  const selfSeverity: Severity = cox2
    ? settings.cox2SelectiveSeverity
    : settings.selfMedicatedThinnerWithinHold;
  const cox2Note = cox2 ? ' COX-2 selective: little effect on platelets.' : '';
  const holdText = `Clinic hold period: ${hold} day(s).`;
  const cox2Phrase = cox2 ? phrase('medicine.cox2') : '';
  const selfSeverityPhrase = phrase(`severity.${selfSeverity}`);

  if (t.kind === 'invalid') {
    return judgement(
      'medicine.last-dose-invalid',
      'caution',
      `${what} ${whenText(t)} ${holdText}`,
      'The practitioner will check a date with you.',
      hold,
      'medicine.last-dose-invalid',
      { when, hold },
    );
  }

  switch (supply) {
    case 'prescribed': {
      // A prescribed NSAID or supplement: within the hold it is a caution, never a refusal.
      if (t.kind === 'known' && !within) {
        return judgement(
          'medicine.outside-hold',
          'clear',
          `${what} Prescribed. ${whenText(t)} Outside the hold period.`,
          keepTaking,
          hold,
          'medicine.outside-hold-prescribed',
          { when },
        );
      }
      const rule = t.kind === 'unknown' ? 'medicine.last-dose-unknown' : 'medicine.within-hold';
      // COX-2 selective ones keep the clinic's lower rating; an unknown last dose is asked about.
      const severity: Severity =
        cox2 && t.kind === 'known' ? settings.cox2SelectiveSeverity : 'caution';
      return judgement(
        rule,
        severity,
        `${what} Prescribed (${why}). ${whenText(t)} ${holdText}${cox2Note} ${prescriberDecides}`,
        keepTaking,
        hold,
        'medicine.hold-prescribed',
        { why: whyPhrase, when, hold, cox2: cox2Phrase },
      );
    }
    case 'self-medicated': {
      if (t.kind === 'unknown') {
        return judgement(
          'medicine.last-dose-unknown',
          'caution',
          `${what} Self-medicated (${why}). ${whenText(t)} Ask: taken within the ${hold}-day hold period it is ${selfSeverity} (clinic setting).${cox2Note}`,
          `Please tell us when you last took ${name}.`,
          hold,
          'medicine.last-dose-unknown-self',
          { why: whyPhrase, when, hold, severity: selfSeverityPhrase, cox2: cox2Phrase },
        );
      }
      if (!within) {
        return judgement(
          'medicine.outside-hold',
          'clear',
          `${what} Self-medicated. ${whenText(t)} Outside the hold period.`,
          `Your last ${name} was long enough ago.`,
          hold,
          'medicine.outside-hold-self',
          { when },
        );
      }
      return judgement(
        'medicine.within-hold',
        selfSeverity,
        `${what} Self-medicated (${why}) and taken within the hold period: more bruising and bleeding is likely. ${whenText(t)} ${holdText}${cox2Note}`,
        `${name} taken in the ${hold} days before treatment makes bruising more likely${selfSeverity === 'do-not-treat' ? ', so we will not treat you today' : ''}. Next time, avoid it for ${hold} days before your appointment.`,
        hold,
        'medicine.within-hold-self',
        { why: whyPhrase, when, hold, cox2: cox2Phrase },
      );
    }
    case 'unknown': {
      // The worse of the two answers until the practitioner records which it is.
      const severity: Severity = within ? selfSeverity : 'caution';
      return judgement(
        'medicine.supply-unknown',
        severity,
        `${what} It may be prescribed (low dose, for the heart) or self-medicated (for pain): ask and record which. ${whenText(t)} If prescribed: caution; ${prescriberDecides} If self-medicated: ${holdText} Within it: ${selfSeverity}.${cox2Note}`,
        'Please tell us whether a doctor prescribed this medicine. Keep taking any medicine your doctor prescribed as they told you.',
        hold,
        'medicine.supply-unknown',
        { when, hold, severity: selfSeverityPhrase, cox2: cox2Phrase },
      );
    }
  }
}
