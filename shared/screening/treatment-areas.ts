/** Treatment areas of a mesotherapy note (clinical reference, section 2). */
export const treatmentAreas = [
  'scalp',
  'forehead',
  'periorbital',
  'cheeks',
  'perioral',
  'jawline',
  'neck',
  'decollete',
  'hands',
  'arms',
  'abdomen',
  'flanks',
  'buttocks',
  'thighs',
  'knees',
] as const;

export type TreatmentArea = (typeof treatmentAreas)[number];

export const facialAreas: readonly TreatmentArea[] = [
  'forehead',
  'periorbital',
  'cheeks',
  'perioral',
  'jawline',
];

export function isFacialArea(area: TreatmentArea): boolean {
  return facialAreas.includes(area);
}
