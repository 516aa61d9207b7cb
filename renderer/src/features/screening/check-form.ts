import { z } from 'zod';
import {
  dayOfAnswersSchema,
  type DayOfAnswers,
  type TreatmentArea,
} from '../../../../shared/screening';
import { screeningPlanFields } from '../../../../shared/api/screening';

/** The check screen's form: the day's answers and the plan. The history is read by the server. */
export const checkFormSchema = z.object({
  dayOf: dayOfAnswersSchema,
  productIds: screeningPlanFields.productIds,
  areas: screeningPlanFields.areas,
});

export interface CheckFormValues {
  dayOf: DayOfAnswers;
  productIds: string[];
  areas: TreatmentArea[];
}

/** Every question starts unanswered: the rules flag what has not been asked yet. */
export function unansweredDay(): DayOfAnswers {
  return {
    lastDoses: [],
    hoursSinceAlcohol: null,
    pregnantNow: null,
    breastfeedingNow: null,
    skinAtSite: null,
    feverOrIllness: null,
    newMedicines: [],
    vaccination: null,
    antibiotics: null,
    surgerySinceIntake: [],
    recentAreaProcedures: [],
  };
}

/** Field errors keyed by dot path, from the server's answer or the form's own validation. */
export type FieldErrors = Readonly<Record<string, string>>;
