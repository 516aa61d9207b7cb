import { yesNoQuestionPaths } from '../../../shared/api/history';
import { defaultSubstanceSettings } from '../../../shared/screening/anaesthetic-reference';
import { findReferenceEntry } from '../../../shared/screening/medicine-matcher';
import { runScreening } from '../../../shared/screening/screening';
import { defaultScreeningSettings } from '../../../shared/screening/screening-settings';
import type { ScreeningFinding, ScreeningInput } from '../../../shared/screening/screening-types';
import { checkSubstances, substanceKey } from '../../../shared/screening/substance-check';
import type { SubstanceLine, SubstanceSource } from '../../../shared/screening/substance-check';
import {
  defaultThinnerSupplySettings,
  judgeThinnerLine,
} from '../../../shared/screening/thinner-supply-rule';
import { treatmentAreas } from '../../../shared/sessions/treatment-terms';
import { noHistory } from '../../../electron/services/screening/screening';
import { clearInput, daysAgo, medicine, products, today } from './screening-fixtures';

/**
 * Patients and plans that, between them, make every rule of the check speak in each of its
 * wordings: the findings the wording tests read in every language.
 */

function run(patch: (input: ScreeningInput) => void): ScreeningFinding[] {
  const input = clearInput();
  patch(input);
  return [...runScreening(input).findings];
}

const futureDay = '2025-07-01';

function dayOf(): ScreeningFinding[] {
  return [
    ...run((i) => {
      i.dayOf.hoursSinceAlcohol = 3;
      i.dayOf.skinAtSite = 'acute-disorder';
      i.dayOf.feverOrIllness = true;
      i.dayOf.vaccination = { answer: 'yes', date: daysAgo(2) };
      i.dayOf.antibiotics = { answer: 'yes', date: null };
      i.dayOf.recentAreaProcedures = [
        { kind: 'laser', date: daysAgo(3) },
        { kind: 'peel', date: null },
        { kind: 'other', date: futureDay },
      ];
    }),
    ...run((i) => {
      i.dayOf.hoursSinceAlcohol = -1;
      i.dayOf.skinAtSite = 'infection';
      i.dayOf.vaccination = { answer: 'yes', date: futureDay };
      i.dayOf.antibiotics = { answer: 'yes', date: futureDay };
    }),
    ...run((i) => {
      i.dayOf.skinAtSite = 'cold-sore-active';
    }),
    ...run((i) => {
      // Nothing answered today, and isotretinoin never asked.
      Object.assign(i.dayOf, {
        hoursSinceAlcohol: null,
        pregnantNow: null,
        breastfeedingNow: null,
        skinAtSite: null,
        feverOrIllness: null,
        vaccination: null,
        antibiotics: null,
      });
      i.history.isotretinoin = null;
    }),
  ];
}

function conditions(): ScreeningFinding[] {
  const all = run((i) => {
    i.history.conditions = {
      pregnancy: false,
      breastfeeding: true,
      coagulationDisorder: true,
      neurological: 'epilepsy',
      autoimmune: true,
      diabetes: 'insulin-dependent',
      activeCancer: true,
      immunosuppression: true,
      keloid: true,
      herpes: true,
      chronicSkinDisease: true,
      heartDisease: true,
      hypertension: 'uncontrolled',
    };
    // Every area, so that each area's name is worded.
    i.areas = [...treatmentAreas];
    i.settings.herpesAreas = [...treatmentAreas];
    i.dayOf.pregnantNow = 'yes';
    i.history.isotretinoin = { answer: 'yes', date: daysAgo(20) };
  });
  return [
    ...all,
    ...run((i) => {
      i.dayOf.pregnantNow = 'unsure';
      i.history.conditions.neurological = 'other';
      i.history.conditions.diabetes = 'non-insulin';
      i.history.isotretinoin = { answer: 'yes', date: null };
    }),
    ...run((i) => {
      i.history.conditions.pregnancy = true;
      i.dayOf.pregnantNow = 'no';
      i.history.isotretinoin = { answer: 'yes', date: futureDay };
    }),
    ...run((i) => {
      i.history.recentSurgeries = [
        { date: null, areas: ['cheeks'] },
        { date: futureDay, areas: [] },
        { date: daysAgo(10), areas: ['cheeks'] },
        { date: daysAgo(5), areas: [] },
        { date: daysAgo(400), areas: ['cheeks'] },
        { date: daysAgo(400), areas: [] },
      ];
    }),
  ];
}

function notAsked(): ScreeningFinding[] {
  return run((i) => {
    i.history.notAsked = [...yesNoQuestionPaths, 'conditions.askedByAnotherVersion'];
    i.dayOf.pregnantNow = null;
    i.dayOf.breastfeedingNow = null;
  });
}

function medicines(): ScreeningFinding[] {
  const lines = run((i) => {
    i.history.medicines = [
      medicine('m1', 'Eliquis 5 mg twice daily'),
      medicine('m2', 'sertraline 50mg', { lastDose: daysAgo(1) }),
      medicine('m3', 'clopidogrel 75 mg', { lastDose: futureDay }),
      medicine('m4', 'paracetamol 1 g'),
      medicine('m5', 'Zorblax forte'),
      medicine('m6', 'Ibuprofen 400 mg plinkrat'),
      medicine('m7', 'ibuprofne', { lastDose: daysAgo(2), prescribed: false }),
      medicine('m8', 'naproxen', { lastDose: daysAgo(30), prescribed: false }),
      medicine('m9', 'fish oil'),
      medicine('m10', 'diclofenac', { lastDose: futureDay, prescribed: false }),
      medicine('m11', 'ibuprofen', { lastDose: daysAgo(2), prescribed: true }),
      medicine('m12', 'naproxen', { lastDose: daysAgo(40), prescribed: true }),
      medicine('m13', 'celecoxib', { prescribed: true }),
      medicine('m14', 'aspirin 75 mg', { lastDose: daysAgo(1) }),
      medicine('m15', 'celecoxib', { lastDose: daysAgo(1), prescribed: false }),
    ];
  });
  // The clinic's lower rating of a self-medicated thinner within its hold period.
  const caution = run((i) => {
    i.settings.selfMedicatedThinnerWithinHold = 'caution';
    i.history.medicines = [
      medicine('m1', 'aspirin 300 mg'),
      medicine('m2', 'ibuprofen 200 mg', { lastDose: daysAgo(1), prescribed: false }),
    ];
  });
  // Moments with a time of day (the check's own time), and a medicine read as no thinner.
  const settings = { ...defaultScreeningSettings, ...defaultThinnerSupplySettings };
  const judged = (id: string, lastDose: string | null) => {
    const entry = findReferenceEntry(id);
    if (!entry) throw new Error(`no reference entry ${id}`);
    return judgeThinnerLine({
      line: { id: `j-${id}`, text: id },
      entry,
      supply: null,
      lastDose,
      checkedAt: `${today}T10:30`,
      settings,
    });
  };
  return [
    ...lines,
    ...caution,
    judged('apixaban', `${today}T07:00`),
    judged('ibuprofen', `${daysAgo(1)}T22:00`),
    judged('paracetamol', null),
  ];
}

function allergies(): ScreeningFinding[] {
  const latexGloves = {
    id: 'p-latex',
    name: 'Applicator kit',
    ingredients: ['Sterile water'],
    allergenFlags: ['latex' as const],
  };
  return [
    ...run((i) => {
      i.history.allergies = {
        ticked: ['local-anaesthetic', 'soy', 'hyaluronic-acid', 'bee-wasp-venom', 'latex', 'egg'],
        freeText: ['biotin', 'procaine (rash)'],
      };
      i.products = [
        products.hyaluronicWithLidocaine,
        products.phosphatidylcholine,
        products.hyaluronidase,
        products.vitaminCocktail,
        products.lecithinBlend,
        latexGloves,
      ];
    }),
    ...run((i) => {
      i.history.allergies = { ticked: [], freeText: ['procaine'] };
      i.products = [products.hyaluronicWithLidocaine];
    }),
  ];
}

function line(
  source: SubstanceSource,
  name: string,
  extra: Partial<Omit<SubstanceLine, 'source' | 'name' | 'key'>> = {},
): SubstanceLine {
  return {
    key: substanceKey({ source, name, preparationId: extra.preparationId ?? null }),
    source,
    name,
    ingredients: [],
    ...extra,
  };
}

function substances(): ScreeningFinding[] {
  const settings = { screening: defaultScreeningSettings, substances: defaultSubstanceSettings };
  // A clinic that rates the same anaesthetic family a caution rather than a refusal.
  const lenient = {
    screening: defaultScreeningSettings,
    substances: {
      ...defaultSubstanceSettings,
      severities: { ...defaultSubstanceSettings.severities, sameFamily: 'caution' as const },
    },
  };
  const check = (
    allergy: { ticked: 'local-anaesthetic'[]; freeText: string[] },
    lines: SubstanceLine[],
  ) => checkSubstances(allergy, lines, settings).flatMap((r) => r.findings);
  return [
    ...checkSubstances(
      { ticked: [], freeText: ['lidocaine'] },
      [line('anaesthesia', 'Mepivacaine 3%')],
      lenient,
    ).flatMap((r) => r.findings),
    ...check({ ticked: [], freeText: ['Lidocaine (swelling at the dentist)'] }, [
      line('anaesthesia', 'Lidocaine 2%'),
      line('addition', 'lidocaine'),
      line('product', 'Booster with lidocaine', { ingredients: ['lidocaine 0.3%'] }),
      line('anaesthesia', 'Numbing gel', { ingredients: ['local anaesthetic'] }),
      line('anaesthesia', 'Mepivacaine 3%'),
      line('anaesthesia', 'Procaine 1%'),
    ]),
    ...check({ ticked: ['local-anaesthetic'], freeText: ['benzocaine'] }, [
      line('anaesthesia', 'EMLA 5% cream', { preparationId: 'emla' }),
      line('anaesthesia', 'Numbing gel', { ingredients: ['local anaesthetic'] }),
      line('product', 'Dermal kit', { allergenFlags: ['local-anaesthetic'] }),
      line('anaesthesia', 'Tetracaine gel'),
    ]),
  ];
}

/** Every scenario's findings, each once. */
export function everyFinding(): ScreeningFinding[] {
  return [
    // The service's own finding where no history was taken.
    noHistory,
    ...dayOf(),
    ...conditions(),
    ...notAsked(),
    ...medicines(),
    ...allergies(),
    ...substances(),
  ];
}
