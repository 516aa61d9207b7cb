/** The pre-procedure check's shared API: reference data, the medicine matcher and the rules. */
export type { DrugClass, DrugEntry } from './drug-types';
export { drugClasses, isRiskClass } from './drug-types';
export { bloodThinnerReference } from './drug-reference';
export { everydayReference } from './everyday-medicines';
export type { MedicineLineMatch, MedicineLineStatus, MedicineMatch } from './medicine-matcher';
export { findReferenceEntry, matchMedicineLine, medicineReference } from './medicine-matcher';
export type { Severity } from './severity';
export { severities, severityRank, worstSeverity } from './severity';
export type { TreatmentArea } from '../sessions/treatment-terms';
export { facialAreas, treatmentAreas } from '../sessions/treatment-terms';
export type { ScreeningSettings } from './screening-settings';
export { defaultScreeningSettings, screeningSettingsSchema } from './screening-settings';
export * from './screening-types';
export { checkAllergies, allergenGroupsIn } from './allergy-check';
export { runScreening } from './screening';
export type { ScreeningValidation } from './screening-validation';
export { checkedScreeningInputSchema, validateScreeningInput } from './screening-validation';
