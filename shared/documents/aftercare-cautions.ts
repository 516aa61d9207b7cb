/**
 * The patient's own cautions on the aftercare sheet. Each is raised by findings of the check the
 * session was given after; the wording lives in the template (items with `when`), so the clinic
 * can reword it like any other instruction.
 */
export const aftercareCautions = [
  'bleeding-risk',
  'recent-alcohol',
  'cold-sore-history',
  'keloid',
  'infection-risk',
  'isotretinoin',
] as const;
export type AftercareCaution = (typeof aftercareCautions)[number];

/** Check rules (screening ruleIds) that raise each caution when they were not clear. */
const raisedBy: Record<AftercareCaution, readonly string[]> = {
  // Anticoagulants, antiplatelets, SSRIs/SNRIs, thinners within the hold or with an unknown last
  // dose, and coagulation disorders: the clinical reference's bruising risks.
  'bleeding-risk': [
    'medicine.anticoagulant',
    'medicine.antiplatelet',
    'medicine.ssri-snri',
    'medicine.within-hold',
    'medicine.last-dose-unknown',
    'medicine.supply-unknown',
    'condition.coagulation-disorder',
  ],
  'recent-alcohol': ['day-of.alcohol'],
  'cold-sore-history': ['condition.herpes-history'],
  keloid: ['condition.keloid'],
  'infection-risk': ['condition.immunosuppression', 'condition.insulin-dependent-diabetes'],
  isotretinoin: ['history.isotretinoin'],
};

/** The cautions a check's findings raise, in the order above; clear findings raise none. */
export function cautionsFromFindings(
  findings: readonly { ruleId: string; severity: string }[],
): AftercareCaution[] {
  const raised = new Set(findings.filter((f) => f.severity !== 'clear').map((f) => f.ruleId));
  return aftercareCautions.filter((c) => raisedBy[c].some((rule) => raised.has(rule)));
}
