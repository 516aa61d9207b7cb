import type {
  AftercareItem,
  AftercareTemplate,
} from '../../../../../shared/documents/template-schema';
import type { ShippedLanguage } from '../../../../../shared/documents/languages';
import { treatmentAreas, type TreatmentArea } from '../../../../../shared/sessions/treatment-terms';
import type { AftercareItemId, AftercareLanguage } from './aftercare-language';
import { aftercareAr } from './aftercare-ar';
import { aftercareEn } from './aftercare-en';
import { aftercareFr } from './aftercare-fr';
import { aftercareTr } from './aftercare-tr';

const allBut = (...skip: TreatmentArea[]) => treatmentAreas.filter((a) => !skip.includes(a));

const aftercareLanguages: Record<ShippedLanguage, AftercareLanguage> = {
  en: aftercareEn,
  fr: aftercareFr,
  tr: aftercareTr,
  ar: aftercareAr,
};

/**
 * What every language's sheet shares: the items, their default durations (those of the clinical
 * reference; clinics disagree, so they live in the template, where the clinic can change them),
 * the areas an item is for and the cautions printed only when the check raised them.
 */
const items: (Omit<AftercareItem, 'text'> & { id: AftercareItemId })[] = [
  { id: 'no-washing', duration: { min: 8, max: 12, unit: 'hours' }, areas: allBut('scalp') },
  { id: 'scalp-washing', duration: null, areas: ['scalp'] },
  {
    id: 'no-make-up',
    duration: { min: 12, max: null, unit: 'hours' },
    areas: ['forehead', 'periorbital', 'cheeks', 'perioral', 'jawline', 'neck', 'decollete'],
  },
  { id: 'no-exercise', duration: { min: 24, max: 48, unit: 'hours' } },
  { id: 'no-sun', duration: { min: 48, max: null, unit: 'hours' } },
  { id: 'no-heat', duration: { min: 48, max: 72, unit: 'hours' } },
  { id: 'no-alcohol', duration: { min: 24, max: 48, unit: 'hours' } },
  { id: 'no-other-treatments', duration: { min: 2, max: null, unit: 'weeks' } },
  { id: 'drink-water', duration: null },
  // The patient's own cautions, printed only when the check raised them.
  { id: 'caution-bruising', duration: null, when: 'bleeding-risk' },
  {
    id: 'caution-alcohol',
    duration: { min: 48, max: null, unit: 'hours' },
    when: 'recent-alcohol',
  },
  { id: 'caution-cold-sore', duration: null, when: 'cold-sore-history' },
  { id: 'caution-keloid', duration: null, when: 'keloid' },
  { id: 'caution-infection', duration: null, when: 'infection-risk' },
  { id: 'caution-isotretinoin', duration: null, when: 'isotretinoin' },
];

/** The default aftercare sheet in one of the shipped languages. */
export function defaultAftercareTemplate(language: ShippedLanguage = 'en'): AftercareTemplate {
  const wording = aftercareLanguages[language];
  return {
    kind: 'aftercare',
    language,
    version: 1,
    title: wording.title,
    sections: wording.sections.map((s) => ({ ...s })),
    items: items.map((item) => ({ ...item, text: wording.items[item.id] })),
  };
}
