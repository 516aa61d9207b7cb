import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damerauLevenshtein } from '../../../shared/screening/edit-distance';
import { runScreening } from '../../../shared/screening/screening';
import type { ScreeningInput } from '../../../shared/screening/screening-types';
import { allergenTags } from '../../../shared/screening/screening-types';
import { severityRank } from '../../../shared/screening/severity';
import { treatmentAreas } from '../../../shared/sessions/treatment-terms';
import { clearInput, daysAgo, products } from './screening-fixtures';

const medicineTexts = [
  'Eliquis 5mg BID',
  'warfarin',
  'Xarelto 20mg',
  'clopidogrel 75mg',
  'aspirin 75mg',
  'ibuprofen 400mg',
  'Celebrex',
  'fish oil',
  'ginkgo',
  'sertraline 50mg',
  'Tylenol',
  'metformin',
  'Zorblax',
  'vitamin D',
];
const anticoagulantTexts = [
  'Eliquis 5mg BID',
  'warfarin 3mg',
  'Xarelto',
  'Clexane 40mg',
  'Pradaxa',
  'Plavix',
  'Brilinta',
  'Effient',
];

const optionalDate = fc.option(
  fc.integer({ min: 0, max: 400 }).map((d) => daysAgo(d)),
  { nil: null },
);
const datedAnswer = fc.option(
  fc.oneof(
    fc.constant({ answer: 'no' as const }),
    optionalDate.map((date) => ({ answer: 'yes' as const, date })),
  ),
  { nil: null },
);
const medicineLines = fc
  .array(
    fc.record({
      text: fc.constantFrom(...medicineTexts),
      lastDose: optionalDate,
      prescribed: fc.option(fc.boolean(), { nil: undefined }),
    }),
    { maxLength: 4 },
  )
  .map((lines) => lines.map((l, i) => ({ id: `m${i}`, ...l })));
const allProducts = Object.values(products);

/** Random but valid screening inputs, from entirely clear to heavily flagged. */
const screeningInput: fc.Arbitrary<ScreeningInput> = fc
  .record({
    conditions: fc.record({
      pregnancy: fc.boolean(),
      breastfeeding: fc.boolean(),
      coagulationDisorder: fc.boolean(),
      neurological: fc.constantFrom('none', 'epilepsy', 'other'),
      autoimmune: fc.boolean(),
      diabetes: fc.constantFrom('none', 'non-insulin', 'insulin-dependent'),
      activeCancer: fc.boolean(),
      immunosuppression: fc.boolean(),
      keloid: fc.boolean(),
      herpes: fc.boolean(),
      chronicSkinDisease: fc.boolean(),
      heartDisease: fc.boolean(),
      hypertension: fc.constantFrom('none', 'controlled', 'uncontrolled'),
    }),
    surgeries: fc.array(
      fc.record({ date: optionalDate, areas: fc.subarray([...treatmentAreas], { maxLength: 2 }) }),
      { maxLength: 2 },
    ),
    isotretinoin: datedAnswer,
    ticked: fc.subarray([...allergenTags]),
    freeText: fc.subarray(['lignocaine', 'penicillin', 'soya', 'DMAE', 'nickel', 'eggs']),
    medicines: medicineLines,
    hoursSinceAlcohol: fc.option(
      fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constant('not-recently' as const)),
      { nil: null },
    ),
    pregnantNow: fc.option(fc.constantFrom('no', 'yes', 'unsure'), { nil: null }),
    breastfeedingNow: fc.option(fc.boolean(), { nil: null }),
    skinAtSite: fc.option(
      fc.constantFrom('normal', 'acute-disorder', 'infection', 'cold-sore-active'),
      { nil: null },
    ),
    feverOrIllness: fc.option(fc.boolean(), { nil: null }),
    vaccination: datedAnswer,
    antibiotics: datedAnswer,
    products: fc.subarray(allProducts),
    areas: fc.subarray([...treatmentAreas], { minLength: 1, maxLength: 3 }),
  })
  .map((r) => {
    const input = clearInput();
    input.history = {
      conditions: r.conditions,
      recentSurgeries: r.surgeries,
      isotretinoin: r.isotretinoin,
      allergies: { ticked: r.ticked, freeText: r.freeText },
      medicines: r.medicines,
    };
    input.dayOf = {
      ...input.dayOf,
      hoursSinceAlcohol: r.hoursSinceAlcohol,
      pregnantNow: r.pregnantNow,
      breastfeedingNow: r.breastfeedingNow,
      skinAtSite: r.skinAtSite,
      feverOrIllness: r.feverOrIllness,
      vaccination: r.vaccination,
      antibiotics: r.antibiotics,
    };
    input.products = r.products;
    input.areas = r.areas;
    return input;
  });

/** Ways of adding one risk factor to an input. Each returns a modified copy. */
const riskFactors: Array<[string, (input: ScreeningInput) => void]> = [
  ['pregnant today', (i) => (i.dayOf.pregnantNow = 'yes')],
  [
    'possibly pregnant',
    (i) => (i.dayOf.pregnantNow = i.dayOf.pregnantNow === 'yes' ? 'yes' : 'unsure'),
  ],
  ['breastfeeding', (i) => (i.dayOf.breastfeedingNow = true)],
  ['coagulation disorder', (i) => (i.history.conditions.coagulationDisorder = true)],
  ['epilepsy', (i) => (i.history.conditions.neurological = 'epilepsy')],
  ['autoimmune', (i) => (i.history.conditions.autoimmune = true)],
  ['insulin', (i) => (i.history.conditions.diabetes = 'insulin-dependent')],
  ['cancer', (i) => (i.history.conditions.activeCancer = true)],
  ['immunosuppression', (i) => (i.history.conditions.immunosuppression = true)],
  ['keloid', (i) => (i.history.conditions.keloid = true)],
  ['herpes', (i) => (i.history.conditions.herpes = true)],
  ['skin disease', (i) => (i.history.conditions.chronicSkinDisease = true)],
  ['heart', (i) => (i.history.conditions.heartDisease = true)],
  ['hypertension', (i) => (i.history.conditions.hypertension = 'uncontrolled')],
  ['surgery', (i) => i.history.recentSurgeries.push({ date: daysAgo(3), areas: [] })],
  ['isotretinoin', (i) => (i.history.isotretinoin = { answer: 'yes', date: daysAgo(10) })],
  ['alcohol', (i) => (i.dayOf.hoursSinceAlcohol = 1)],
  ['skin infection', (i) => (i.dayOf.skinAtSite = 'infection')],
  ['fever', (i) => (i.dayOf.feverOrIllness = true)],
  ['vaccination', (i) => (i.dayOf.vaccination = { answer: 'yes', date: daysAgo(1) })],
  ['antibiotics', (i) => (i.dayOf.antibiotics = { answer: 'yes', date: daysAgo(1) })],
  ['laser', (i) => i.dayOf.recentAreaProcedures.push({ kind: 'laser', date: daysAgo(1) })],
  ['facial area', (i) => i.areas.push('perioral')],
  ['allergy ticked', (i) => i.history.allergies.ticked.push('soy')],
  ['allergy written', (i) => i.history.allergies.freeText.push('lidocaine')],
  ['product', (i) => i.products.push(products.hyaluronidase)],
  ['blood thinner', (i) => i.history.medicines.push({ id: 'extra', text: 'Eliquis 5mg' })],
  [
    'new medicine',
    (i) => i.dayOf.newMedicines.push({ id: 'new', text: 'ibuprofen', lastDose: daysAgo(1) }),
  ],
];

describe('screening properties', () => {
  it('adding a risk factor never lowers the outcome', () => {
    fc.assert(
      fc.property(
        screeningInput,
        fc.integer({ min: 0, max: riskFactors.length - 1 }),
        (input, k) => {
          const [, addRisk] = riskFactors[k] ?? riskFactors[0]!;
          const before = runScreening(input).outcome;
          const changed = structuredClone(input);
          addRisk(changed);
          const after = runScreening(changed).outcome;
          expect(severityRank(after)).toBeGreaterThanOrEqual(severityRank(before));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a product containing an ingredient the patient is allergic to is do-not-treat', () => {
    const ingredients = [
      'Lidocaine hydrochloride',
      'Sodium hyaluronate',
      'Phosphatidylcholine',
      'Sodium deoxycholate',
      'DMAE',
      'Organic silicon',
      'Glutathione',
      'L-carnitine',
      'Procaine',
      'Hyaluronidase',
      'Artichoke extract',
      'Benzyl alcohol',
      'Vitamin C',
      'Biotin',
      'Collagenase',
      'Tranexamic acid',
      'Polydeoxyribonucleotide',
      'Melilotus officinalis',
    ];
    const wrappers = [
      (s: string) => s,
      (s: string) => s.toLowerCase(),
      (s: string) => s.toUpperCase(),
      (s: string) => `allergic to ${s}`,
      (s: string) => `${s} (rash)`,
      (s: string) => `intolerance: ${s}, severe swelling`,
    ];
    fc.assert(
      fc.property(
        screeningInput,
        fc.constantFrom(...ingredients),
        fc.constantFrom(...wrappers),
        fc.array(fc.constantFrom(...ingredients), { maxLength: 3 }),
        (input, ingredient, wrap, others) => {
          input.history.allergies.freeText.push(wrap(ingredient));
          input.products.push({
            id: 'target',
            name: 'Planned product',
            ingredients: [...others, `${ingredient} 2%`],
            allergenFlags: [],
          });
          const result = runScreening(input);
          expect(result.productOutcomes.target).toBe('do-not-treat');
          expect(result.outcome).toBe('do-not-treat');
          expect(
            result.findings.some((f) => f.productId === 'target' && f.severity === 'do-not-treat'),
          ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a ticked allergy always refuses a product flagged with it', () => {
    fc.assert(
      fc.property(screeningInput, fc.constantFrom(...allergenTags), (input, tag) => {
        input.history.allergies.ticked.push(tag);
        input.products.push({
          id: 'flagged',
          name: 'Flagged',
          ingredients: [],
          allergenFlags: [tag],
        });
        expect(runScreening(input).productOutcomes.flagged).toBe('do-not-treat');
      }),
    );
  });

  it('findings about prescribed anticoagulants and antiplatelets never advise stopping', () => {
    fc.assert(
      fc.property(
        screeningInput,
        fc.constantFrom(...anticoagulantTexts),
        optionalDate,
        fc.option(fc.boolean(), { nil: undefined }),
        (input, text, lastDose, prescribed) => {
          input.history.medicines.push({ id: 'rx', text, lastDose, prescribed });
          const findings = runScreening(input).findings.filter((f) => f.medicineLineId === 'rx');
          expect(findings.length).toBeGreaterThan(0);
          for (const f of findings) {
            expect(f.severity).toBe('caution');
            expect(f.patientMessage).not.toMatch(
              /\b(stop|stopping|pause|skip|avoid|hold|discontinue|withhold)\b/i,
            );
            expect(f.explanation).toContain('Do not advise stopping: the prescriber decides.');
            expect(f.explanation).not.toMatch(/hold period/i);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the banded edit distance equals the full one whenever it is within the limit', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const full = damerauLevenshtein(a, b);
        const limited = damerauLevenshtein(a, b, max);
        expect(limited).toBe(full <= max ? full : max + 1);
      }),
      { numRuns: 2000 },
    );
  });
});
