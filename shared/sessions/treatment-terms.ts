import { z } from 'zod';
import { keyed } from '../api/field-text';
import { fieldLabelKey, type FieldLabel } from '../api/field-labels';

/** The areas a mesotherapy note names (clinical reference, section 2), in head-to-foot order. */
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
export const treatmentAreaSchema = z.enum(
  treatmentAreas,
  keyed('validation.choose.area', 'Choose an area'),
);
export type TreatmentArea = z.infer<typeof treatmentAreaSchema>;

/** Areas of the face, where a cold sore can be set off (the screening's default herpes areas). */
export const facialAreas: readonly TreatmentArea[] = [
  'forehead',
  'periorbital',
  'cheeks',
  'perioral',
  'jawline',
];

export const techniques = [
  'epidermal',
  'nappage',
  'point-by-point',
  'micropapules',
  'injector-gun',
  'microneedling',
] as const;
export const techniqueSchema = z.enum(
  techniques,
  keyed('validation.sessions.chooseTechnique', 'Choose a technique'),
);
export type Technique = z.infer<typeof techniqueSchema>;

/** Device techniques do not use a hand-held needle, so needle size is not asked of them. */
export function techniqueUsesNeedle(technique: Technique): boolean {
  return technique !== 'microneedling';
}

export const indications = [
  'skin-ageing',
  'dehydration',
  'pigmentation',
  'acne-scars',
  'hair-loss',
  'cellulite',
  'localised-fat',
  'stretch-marks',
  'other',
] as const;
export const indicationSchema = z.enum(
  indications,
  keyed('validation.sessions.chooseIndication', 'Choose an indication'),
);
export type Indication = z.infer<typeof indicationSchema>;

export const anaesthesiaOptions = ['none', 'numbing-cream', 'lidocaine'] as const;
export const anaesthesiaSchema = z.enum(
  anaesthesiaOptions,
  keyed('validation.sessions.chooseAnaesthesia', 'Choose the anaesthesia'),
);
export type Anaesthesia = z.infer<typeof anaesthesiaSchema>;

/** Plausible ranges: anything outside is a typing slip (4 cm instead of 4 mm), not a choice. */
export const RANGES = {
  depthMm: { min: 0.5, max: 4 },
  volumeMl: { min: 0.01, max: 20 },
  needleGauge: { min: 18, max: 34 },
  needleLengthMm: { min: 1, max: 50 },
  passes: { min: 1, max: 10 },
  points: { min: 1, max: 1000 },
  defaultVolumeMl: { min: 0.01, max: 100 },
} as const;

function ranged(key: keyof typeof RANGES, label: FieldLabel, unit: string, integer = false) {
  const { min, max } = RANGES[key];
  const named = { label: fieldLabelKey(label) };
  const message = keyed(
    'validation.ranges.between',
    '{{label}} must be between {{min}} and {{max}}{{unit}}',
    { ...named, min, max, unit },
  );
  const base = z.number(keyed('validation.ranges.number', '{{label}} must be a number', named));
  return (
    integer
      ? base.int(keyed('validation.ranges.whole', '{{label}} must be a whole number', named))
      : base
  )
    .min(min, message)
    .max(max, message);
}

export const depthMmSchema = ranged('depthMm', 'Depth', ' mm');
export const volumeMlSchema = ranged('volumeMl', 'Volume', ' ml');
export const needleGaugeSchema = ranged('needleGauge', 'Needle gauge', ' G', true);
export const needleLengthMmSchema = ranged('needleLengthMm', 'Needle length', ' mm');
export const passesSchema = ranged('passes', 'Passes', '', true);
export const pointsSchema = ranged('points', 'Points', '', true);
export const defaultVolumeMlSchema = ranged('defaultVolumeMl', 'Default volume', ' ml');

/** English names for the service's own messages; the renderer uses its catalogue. */
export const areaNames: Record<TreatmentArea, string> = {
  scalp: 'scalp',
  forehead: 'forehead',
  periorbital: 'periorbital area',
  cheeks: 'cheeks',
  perioral: 'perioral area',
  jawline: 'jawline',
  neck: 'neck',
  decollete: 'décolleté',
  hands: 'hands',
  arms: 'arms',
  abdomen: 'abdomen',
  flanks: 'flanks',
  buttocks: 'buttocks',
  thighs: 'thighs',
  knees: 'knees',
};
