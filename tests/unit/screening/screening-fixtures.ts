import { defaultScreeningSettings } from '../../../shared/screening/screening-settings';
import type {
  MedicineLine,
  PlannedProduct,
  ScreeningInput,
} from '../../../shared/screening/screening-types';
import { addDays } from '../../../shared/screening/clinical-dates';

export const today = '2025-06-15';

export function daysAgo(days: number): string {
  return addDays(today, -days);
}

/** A patient with nothing to flag: every question answered, nothing positive. */
export function clearInput(): ScreeningInput {
  return {
    history: {
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
      isotretinoin: { answer: 'no' },
      allergies: { ticked: [], freeText: [] },
      medicines: [],
    },
    dayOf: {
      lastDoses: [],
      hoursSinceAlcohol: 'not-recently',
      pregnantNow: 'no',
      breastfeedingNow: false,
      skinAtSite: 'normal',
      feverOrIllness: false,
      newMedicines: [],
      vaccination: { answer: 'no' },
      antibiotics: { answer: 'no' },
      surgerySinceIntake: [],
      recentAreaProcedures: [],
    },
    products: [],
    areas: ['cheeks'],
    settings: structuredClone(defaultScreeningSettings),
    today,
  };
}

export function medicine(
  id: string,
  text: string,
  extra: Partial<MedicineLine> = {},
): MedicineLine {
  return { id, text, ...extra };
}

export const products = {
  hyaluronicWithLidocaine: {
    id: 'p-ha-lido',
    name: 'Skin booster HA 1% + lidocaine',
    ingredients: [
      'Sodium hyaluronate 10 mg/ml',
      'Lidocaine hydrochloride 0.3%',
      'Phosphate buffer',
    ],
    allergenFlags: ['hyaluronic-acid', 'local-anaesthetic'],
  },
  phosphatidylcholine: {
    id: 'p-ppc',
    name: 'Lipolytic PPC',
    ingredients: ['Phosphatidylcholine 5%', 'Sodium deoxycholate 2.5%', 'Benzyl alcohol'],
    allergenFlags: ['soy'],
  },
  hyaluronidase: {
    id: 'p-hyal',
    name: 'Hyaluronidase 1500 IU',
    ingredients: ['Hyaluronidase (ovine)'],
    allergenFlags: [],
  },
  vitaminCocktail: {
    id: 'p-vit',
    name: 'Revitalising cocktail',
    ingredients: ['Vitamin C (ascorbic acid)', 'Biotin', 'DMAE', 'Organic silicon', 'Glutathione'],
    allergenFlags: [],
  },
  procaine: {
    id: 'p-proc',
    name: 'Procaine 2%',
    ingredients: ['Procaine hydrochloride 2%'],
    allergenFlags: ['local-anaesthetic'],
  },
  lecithinBlend: {
    id: 'p-lec',
    name: 'Slimming blend',
    ingredients: ['Lecithin', 'L-carnitine', 'Caffeine'],
    allergenFlags: [],
  },
} satisfies Record<string, PlannedProduct>;
