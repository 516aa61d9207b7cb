import { z } from 'zod';
import { facialAreas, treatmentAreas } from '../sessions/treatment-terms';
import { defaultSubstanceSettings, substanceSettingsSchema } from './anaesthetic-reference';
import { keyed } from '../api/field-text';
import { fieldLabelKey, type FieldLabel } from '../api/field-labels';

/**
 * Every period, window and judgment-call severity the pre-procedure check uses. Clinics disagree
 * on the numbers, so they are settings with the clinical reference's defaults, never constants in
 * the rules.
 */

function days(label: FieldLabel, max: number) {
  const named = { label: fieldLabelKey(label) };
  return z
    .number()
    .int(keyed('validation.screening.wholeDays', '{{label}}: whole days only', named))
    .min(0, keyed('validation.screening.negative', '{{label}} cannot be negative', named))
    .max(
      max,
      keyed('validation.screening.atMostDays', '{{label}}: at most {{max}} days', {
        ...named,
        max,
      }),
    );
}

/** Conditions the reference rates as caution may be raised to do-not-treat, never hidden. */
const judgment = z.enum(['caution', 'do-not-treat']);

export const screeningSettingsSchema = z.object({
  holdDays: z.object({
    /** Self-medicated aspirin and aspirin-containing OTC products (2-14 seen; default 7). */
    aspirin: days('Aspirin hold period', 60),
    /** NSAIDs and salicylates (2-14 seen; default 7). */
    nsaid: days('NSAID hold period', 60),
    /** Supplements (7-14 seen; default 7). */
    supplement: days('Supplement hold period', 60),
  }),
  /** No alcohol this many hours before the session (24-72 seen; default 48). */
  alcoholHoursBefore: z
    .number()
    .int(keyed('validation.numbers.wholeHours', 'Whole hours only'))
    .min(0, keyed('validation.screening.alcoholNegative', 'Alcohol window cannot be negative'))
    .max(336, keyed('validation.screening.alcoholAtMost', 'Alcohol window: at most 336 hours')),
  /** Any surgery this recently is "immediately after surgery": do not treat. */
  surgeryWindowDays: days('Surgery window', 365),
  /** Surgery in a treatment area this recently: do not treat (3 months for facial surgery). */
  surgeryInAreaWindowDays: days('Surgery-in-area window', 730),
  /** Laser, peel or other procedure in the area this recently: caution. */
  areaProcedureWindowDays: days('Laser or peel window', 365),
  isotretinoinWindowDays: days('Isotretinoin window', 730),
  vaccinationWindowDays: days('Vaccination window', 90),
  antibioticsWindowDays: days('Antibiotics window', 90),
  /** Areas where a herpes or cold-sore history matters (the face by default). */
  herpesAreas: z.array(z.enum(treatmentAreas)),
  /**
   * COX-2 selective NSAIDs barely affect platelets; within the hold period they are "clear" (with
   * a note) unless the clinic prefers caution.
   */
  cox2SelectiveSeverity: z.enum(['clear', 'caution']),
  /**
   * A blood thinner the patient took on her own (not prescribed) within its hold period. The
   * default follows issue 14 (do-not-treat); the clinical reference rates over-the-counter
   * aspirin and NSAIDs as caution, which a clinic may choose here. A prescribed thinner is never
   * affected: it stays caution and the patient is never told to stop it.
   */
  selfMedicatedThinnerWithinHold: z.enum(['caution', 'do-not-treat']),
  /** The anaesthetics and numbing preparations the clinic uses, for the allergy cross-check. */
  substances: substanceSettingsSchema,
  severities: z.object({
    breastfeeding: judgment,
    pregnancyUnsure: judgment,
    otherNeurological: judgment,
    autoimmune: judgment,
    insulinDependentDiabetes: judgment,
    activeCancer: judgment,
    immunosuppression: judgment,
    keloid: judgment,
    herpesHistory: judgment,
    chronicSkinDisease: judgment,
    heartDisease: judgment,
    uncontrolledHypertension: judgment,
    feverOrIllness: judgment,
    vaccination: judgment,
    antibiotics: judgment,
    isotretinoin: judgment,
    areaProcedure: judgment,
    venomHyaluronidase: judgment,
  }),
});

export type ScreeningSettings = z.infer<typeof screeningSettingsSchema>;
export type JudgmentSeverityKey = keyof ScreeningSettings['severities'];

export const defaultScreeningSettings: ScreeningSettings = {
  holdDays: { aspirin: 7, nsaid: 7, supplement: 7 },
  alcoholHoursBefore: 48,
  // The reference says "immediately after surgery" without a number; four weeks is a common
  // clinic rule for surgery elsewhere on the body.
  surgeryWindowDays: 28,
  surgeryInAreaWindowDays: 90,
  // The aftercare sheet keeps peels and laser off a treated area for two weeks; the same gap is
  // asked the other way round.
  areaProcedureWindowDays: 14,
  isotretinoinWindowDays: 183,
  vaccinationWindowDays: 7,
  antibioticsWindowDays: 14,
  herpesAreas: [...facialAreas],
  cox2SelectiveSeverity: 'clear',
  selfMedicatedThinnerWithinHold: 'do-not-treat',
  substances: defaultSubstanceSettings,
  severities: {
    breastfeeding: 'caution',
    // A possible pregnancy is treated as one until it is ruled out.
    pregnancyUnsure: 'do-not-treat',
    otherNeurological: 'caution',
    autoimmune: 'caution',
    insulinDependentDiabetes: 'caution',
    activeCancer: 'caution',
    immunosuppression: 'caution',
    keloid: 'caution',
    herpesHistory: 'caution',
    chronicSkinDisease: 'caution',
    heartDisease: 'caution',
    uncontrolledHypertension: 'caution',
    feverOrIllness: 'caution',
    vaccination: 'caution',
    antibiotics: 'caution',
    isotretinoin: 'caution',
    areaProcedure: 'caution',
    // Debated cross-reaction: flagged for the practitioner, not an automatic refusal.
    venomHyaluronidase: 'caution',
  },
};
