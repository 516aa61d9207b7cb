import { describe, expect, it } from 'vitest';
import { runScreening } from '../../../shared/screening/screening';
import type { ScreeningInput } from '../../../shared/screening/screening-types';
import { clearInput, daysAgo, medicine, products } from './screening-fixtures';

function screen(change: (input: ScreeningInput) => void): ReturnType<typeof runScreening> {
  const input = clearInput();
  change(input);
  return runScreening(input);
}

function ruleIds(result: ReturnType<typeof runScreening>): string[] {
  return result.findings.map((f) => f.ruleId);
}

describe('runScreening: outcome', () => {
  it('is clear for a patient with nothing to flag', () => {
    const result = runScreening(clearInput());
    expect(result.outcome).toBe('clear');
    expect(result.findings).toEqual([]);
  });

  it('is the worst severity among the findings, worst listed first', () => {
    const result = screen((i) => {
      i.dayOf.hoursSinceAlcohol = 3;
      i.dayOf.skinAtSite = 'infection';
    });
    expect(result.outcome).toBe('do-not-treat');
    expect(result.findings[0]?.severity).toBe('do-not-treat');
    expect(ruleIds(result)).toEqual(['day-of.skin-at-site', 'day-of.alcohol']);
  });

  it('flags unanswered day-of questions once, listing them', () => {
    const result = screen((i) => {
      i.dayOf.pregnantNow = null;
      i.dayOf.hoursSinceAlcohol = null;
    });
    expect(result.outcome).toBe('caution');
    const [finding] = result.findings;
    expect(finding?.ruleId).toBe('day-of.unanswered');
    expect(finding?.explanation).toContain('pregnancy');
    expect(finding?.explanation).toContain('alcohol');
  });
});

describe('runScreening: do-not-treat conditions', () => {
  const cases: Array<[string, (i: ScreeningInput) => void, string]> = [
    [
      'pregnancy in the history, not asked today',
      (i) => {
        i.history.conditions.pregnancy = true;
        i.dayOf.pregnantNow = null;
      },
      'condition.pregnancy',
    ],
    ['pregnant today', (i) => (i.dayOf.pregnantNow = 'yes'), 'condition.pregnancy'],
    [
      'possibly pregnant (default setting)',
      (i) => (i.dayOf.pregnantNow = 'unsure'),
      'condition.pregnancy-unsure',
    ],
    [
      'coagulation disorder',
      (i) => (i.history.conditions.coagulationDisorder = true),
      'condition.coagulation-disorder',
    ],
    ['epilepsy', (i) => (i.history.conditions.neurological = 'epilepsy'), 'condition.epilepsy'],
    [
      'acute skin disorder at the site',
      (i) => (i.dayOf.skinAtSite = 'acute-disorder'),
      'day-of.skin-at-site',
    ],
    ['active cold sore', (i) => (i.dayOf.skinAtSite = 'cold-sore-active'), 'day-of.skin-at-site'],
    [
      'surgery 10 days ago elsewhere',
      (i) => i.history.recentSurgeries.push({ date: daysAgo(10), areas: [] }),
      'surgery.recent',
    ],
    [
      'facial surgery 60 days ago in the area',
      (i) => i.history.recentSurgeries.push({ date: daysAgo(60), areas: ['cheeks'] }),
      'surgery.in-area',
    ],
    [
      'surgery since intake',
      (i) => i.dayOf.surgerySinceIntake.push({ date: daysAgo(2), areas: ['abdomen'] }),
      'surgery.recent',
    ],
  ];
  it.each(cases)('%s', (_label, change, ruleId) => {
    const result = screen(change);
    expect(result.outcome).toBe('do-not-treat');
    expect(ruleIds(result)).toContain(ruleId);
    const finding = result.findings.find((f) => f.ruleId === ruleId);
    expect(finding?.explanation.length).toBeGreaterThan(10);
    expect(finding?.patientMessage.length).toBeGreaterThan(10);
  });

  it('treats a recorded pregnancy the patient now denies as a caution to confirm', () => {
    const result = screen((i) => (i.history.conditions.pregnancy = true));
    expect(ruleIds(result)).toEqual(['condition.pregnancy-record']);
    expect(result.outcome).toBe('caution');
  });

  it('uses the clinic surgery windows from settings', () => {
    const surgery = (i: ScreeningInput): void => {
      i.history.recentSurgeries.push({ date: daysAgo(40), areas: [] });
    };
    expect(screen(surgery).outcome).toBe('clear');
    const stricter = screen((i) => {
      surgery(i);
      i.settings.surgeryWindowDays = 60;
    });
    expect(stricter.outcome).toBe('do-not-treat');
  });

  it('flags a surgery with no date', () => {
    const result = screen((i) => i.history.recentSurgeries.push({ date: null, areas: [] }));
    expect(ruleIds(result)).toEqual(['surgery.date-unknown']);
    expect(result.outcome).toBe('caution');
  });
});

describe('runScreening: caution conditions', () => {
  const cases: Array<[string, (i: ScreeningInput) => void, string]> = [
    ['breastfeeding', (i) => (i.dayOf.breastfeedingNow = true), 'condition.breastfeeding'],
    ['autoimmune disease', (i) => (i.history.conditions.autoimmune = true), 'condition.autoimmune'],
    [
      'immunosuppression',
      (i) => (i.history.conditions.immunosuppression = true),
      'condition.immunosuppression',
    ],
    ['active cancer', (i) => (i.history.conditions.activeCancer = true), 'condition.active-cancer'],
    ['keloid tendency', (i) => (i.history.conditions.keloid = true), 'condition.keloid'],
    [
      'herpes history, face treated',
      (i) => (i.history.conditions.herpes = true),
      'condition.herpes-history',
    ],
    [
      'chronic skin disease',
      (i) => (i.history.conditions.chronicSkinDisease = true),
      'condition.chronic-skin-disease',
    ],
    ['heart disease', (i) => (i.history.conditions.heartDisease = true), 'condition.heart-disease'],
    [
      'uncontrolled hypertension',
      (i) => (i.history.conditions.hypertension = 'uncontrolled'),
      'condition.uncontrolled-hypertension',
    ],
    [
      'insulin-dependent diabetes',
      (i) => (i.history.conditions.diabetes = 'insulin-dependent'),
      'condition.insulin-dependent-diabetes',
    ],
    [
      'other neurological disease',
      (i) => (i.history.conditions.neurological = 'other'),
      'condition.neurological',
    ],
    ['fever today', (i) => (i.dayOf.feverOrIllness = true), 'day-of.fever-or-illness'],
    [
      'vaccination 3 days ago',
      (i) => (i.dayOf.vaccination = { answer: 'yes', date: daysAgo(3) }),
      'day-of.vaccination',
    ],
    [
      'vaccination, date unknown',
      (i) => (i.dayOf.vaccination = { answer: 'yes', date: null }),
      'day-of.vaccination',
    ],
    [
      'antibiotics 10 days ago',
      (i) => (i.dayOf.antibiotics = { answer: 'yes', date: daysAgo(10) }),
      'day-of.antibiotics',
    ],
    [
      'isotretinoin 2 months ago',
      (i) => (i.history.isotretinoin = { answer: 'yes', date: daysAgo(60) }),
      'history.isotretinoin',
    ],
    ['alcohol 12 hours ago', (i) => (i.dayOf.hoursSinceAlcohol = 12), 'day-of.alcohol'],
    [
      'peel in the area 5 days ago',
      (i) => i.dayOf.recentAreaProcedures.push({ kind: 'peel', date: daysAgo(5) }),
      'day-of.area-procedure',
    ],
  ];
  it.each(cases)('%s', (_label, change, ruleId) => {
    const result = screen(change);
    expect(result.outcome).toBe('caution');
    expect(ruleIds(result)).toEqual([ruleId]);
  });

  it('ignores a herpes history when only the body is treated', () => {
    const result = screen((i) => {
      i.history.conditions.herpes = true;
      i.areas = ['abdomen', 'thighs'];
    });
    expect(result.outcome).toBe('clear');
  });

  it('leaves answers outside the clinic windows clear', () => {
    const result = screen((i) => {
      i.dayOf.hoursSinceAlcohol = 72;
      i.dayOf.vaccination = { answer: 'yes', date: daysAgo(30) };
      i.dayOf.antibiotics = { answer: 'yes', date: daysAgo(30) };
      i.history.isotretinoin = { answer: 'yes', date: daysAgo(400) };
      i.dayOf.recentAreaProcedures.push({ kind: 'laser', date: daysAgo(60) });
    });
    expect(result.outcome).toBe('clear');
  });

  it('takes every window and judgment from the settings', () => {
    const result = screen((i) => {
      i.dayOf.hoursSinceAlcohol = 30;
      i.settings.alcoholHoursBefore = 24;
      i.history.conditions.keloid = true;
      i.settings.severities.keloid = 'do-not-treat';
    });
    expect(ruleIds(result)).toEqual(['condition.keloid']);
    expect(result.outcome).toBe('do-not-treat');
  });
});

describe('runScreening: medicines', () => {
  const prescribedAdvice = 'Do not advise stopping: the prescriber decides.';

  it('always cautions about a prescribed anticoagulant and never advises stopping', () => {
    const result = screen((i) => {
      i.history.medicines.push(medicine('m1', 'Eliquis 5mg BID', { lastDose: daysAgo(30) }));
    });
    expect(result.outcome).toBe('caution');
    const [finding] = result.findings;
    expect(finding).toMatchObject({ ruleId: 'medicine.anticoagulant', medicineLineId: 'm1' });
    expect(finding?.explanation).toContain(prescribedAdvice);
    expect(finding?.patientMessage).not.toMatch(/\b(stop|pause|skip|avoid)\b/i);
  });

  it('treats clopidogrel as prescribed even if the line says it is not', () => {
    const result = screen((i) => {
      i.history.medicines.push(medicine('m1', 'clopidogrel 75mg', { prescribed: false }));
    });
    expect(result.findings[0]?.ruleId).toBe('medicine.antiplatelet');
  });

  it('cautions about SSRIs without advising stopping', () => {
    const result = screen((i) => i.history.medicines.push(medicine('m1', 'Sertraline 50mg')));
    expect(result.findings[0]?.ruleId).toBe('medicine.ssri-snri');
    expect(result.findings[0]?.explanation).toContain(prescribedAdvice);
  });

  it('refuses self-medicated NSAIDs, supplements and OTC aspirin within the hold period (clinic default)', () => {
    const result = screen((i) => {
      i.history.medicines.push(medicine('m1', 'ibuprofen 400mg', { lastDose: daysAgo(2) }));
      i.history.medicines.push(medicine('m2', 'fish oil', { lastDose: daysAgo(20) }));
      i.history.medicines.push(medicine('m3', 'Anadin Extra', { lastDose: daysAgo(3) }));
    });
    const byLine = Object.fromEntries(result.findings.map((f) => [f.medicineLineId, f]));
    // Issue 14: self-medicated within the hold is do-not-treat unless the clinic chooses caution.
    expect(byLine.m1).toMatchObject({ ruleId: 'medicine.within-hold', severity: 'do-not-treat' });
    expect(byLine.m2).toMatchObject({ ruleId: 'medicine.outside-hold', severity: 'clear' });
    expect(byLine.m3).toMatchObject({ ruleId: 'medicine.within-hold', severity: 'do-not-treat' });
    expect(byLine.m1?.patientMessage).toMatch(/avoid it for 7 days/i);
  });

  it('uses the day-of last dose over the intake one, and the clinic hold period', () => {
    const result = screen((i) => {
      i.history.medicines.push(medicine('m1', 'naproxen', { lastDose: daysAgo(30) }));
      i.dayOf.lastDoses.push({ lineId: 'm1', lastDose: daysAgo(9) });
      i.settings.holdDays.nsaid = 10;
    });
    expect(result.findings[0]).toMatchObject({ ruleId: 'medicine.within-hold' });
  });

  it('flags a blood thinner whose last dose is unknown', () => {
    const result = screen((i) => i.history.medicines.push(medicine('m1', 'ginkgo biloba')));
    expect(result.findings[0]).toMatchObject({
      ruleId: 'medicine.last-dose-unknown',
      severity: 'caution',
    });
  });

  it('rates COX-2 selective NSAIDs lower unless the clinic says otherwise', () => {
    const line = medicine('m1', 'celecoxib 200mg', { lastDose: daysAgo(1), prescribed: true });
    const relaxed = screen((i) => i.history.medicines.push(line));
    expect(relaxed.findings[0]).toMatchObject({
      ruleId: 'medicine.within-hold',
      severity: 'clear',
    });
    expect(relaxed.findings[0]?.explanation).toContain(prescribedAdvice);
    const strict = screen((i) => {
      i.history.medicines.push(line);
      i.settings.cox2SelectiveSeverity = 'caution';
    });
    expect(strict.outcome).toBe('caution');
  });

  it('asks whether plain aspirin is prescribed when nobody said', () => {
    const result = screen((i) => {
      i.history.medicines.push(medicine('m1', 'aspirin 75mg', { lastDose: daysAgo(60) }));
    });
    expect(result.findings[0]).toMatchObject({
      ruleId: 'medicine.supply-unknown',
      severity: 'caution',
    });
    expect(result.findings[0]?.patientMessage).not.toMatch(/\b(stop|avoid)\b/i);
  });

  it('notes everyday medicines as clear and flags unrecognised lines', () => {
    const result = screen((i) => {
      i.history.medicines.push(medicine('m1', 'Tylenol'));
      i.dayOf.newMedicines.push(medicine('m2', 'Zorblax 10mg'));
      i.history.medicines.push(medicine('m3', 'Panadol and Quexilor'));
    });
    const byLine = result.findings.map((f) => [f.medicineLineId, f.ruleId, f.severity]);
    expect(byLine).toEqual(
      expect.arrayContaining([
        ['m1', 'medicine.not-blood-thinner', 'clear'],
        ['m2', 'medicine.not-recognised', 'caution'],
        ['m3', 'medicine.partly-recognised', 'caution'],
      ]),
    );
    expect(result.outcome).toBe('caution');
  });
});

describe('runScreening: allergies', () => {
  it('blocks only the product containing the allergen', () => {
    const result = screen((i) => {
      i.history.allergies.freeText.push('lignocaine (dentist, swelling)');
      i.products.push(products.hyaluronicWithLidocaine, products.vitaminCocktail);
    });
    expect(result.outcome).toBe('do-not-treat');
    expect(result.productOutcomes).toEqual({ 'p-ha-lido': 'do-not-treat', 'p-vit': 'clear' });
    expect(result.findings[0]).toMatchObject({
      ruleId: 'allergy.component',
      productId: 'p-ha-lido',
    });
  });

  it('matches ticked allergies through synonyms and allergen flags', () => {
    const result = screen((i) => {
      i.history.allergies.ticked.push('soy', 'hyaluronic-acid');
      i.products.push(products.phosphatidylcholine, products.hyaluronicWithLidocaine);
    });
    expect(result.productOutcomes).toEqual({
      'p-ppc': 'do-not-treat',
      'p-ha-lido': 'do-not-treat',
    });
  });

  it('cautions about hyaluronidase with a venom allergy (debated cross-reaction)', () => {
    const result = screen((i) => {
      i.history.allergies.ticked.push('bee-wasp-venom');
      i.products.push(products.hyaluronidase);
    });
    expect(result.findings[0]).toMatchObject({
      ruleId: 'allergy.venom-hyaluronidase',
      severity: 'caution',
      productId: 'p-hyal',
    });
    expect(result.findings[0]?.explanation).toMatch(/debated/);
  });
});
