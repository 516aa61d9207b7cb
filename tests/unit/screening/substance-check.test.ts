import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultSubstanceSettings,
  substanceSettingsSchema,
  type SubstanceSettings,
} from '../../../shared/screening/anaesthetic-reference';
import { defaultScreeningSettings } from '../../../shared/screening/screening-settings';
import type { AllergenTag } from '../../../shared/screening/screening-types';
import {
  checkSubstances,
  substanceKey,
  type SubstanceLine,
  type SubstanceSource,
} from '../../../shared/screening/substance-check';

function allergies(freeText: string[] = [], ticked: AllergenTag[] = []) {
  return { ticked, freeText };
}

function line(
  source: SubstanceSource,
  name: string,
  extra: Partial<Omit<SubstanceLine, 'source' | 'name'>> = {},
): SubstanceLine {
  return {
    key: substanceKey({ source, name, preparationId: extra.preparationId ?? null }),
    source,
    name,
    ingredients: [],
    ...extra,
  };
}

function check(
  patient: { ticked: AllergenTag[]; freeText: string[] },
  lines: SubstanceLine[],
  substances: SubstanceSettings = defaultSubstanceSettings,
) {
  return checkSubstances(patient, lines, { screening: defaultScreeningSettings, substances });
}

function one(patient: { ticked: AllergenTag[]; freeText: string[] }, l: SubstanceLine) {
  const [result] = check(patient, [l]);
  if (!result) throw new Error('no result');
  return result;
}

const lidocaineAllergic = allergies(['Lidocaine (swelling at the dentist)']);

describe('the issue: a lidocaine-allergic patient given lidocaine and a numbing cream', () => {
  it('makes typed "Lidocaine" anaesthesia and EMLA do-not-treat, naming the allergen and the substance', () => {
    const [typed, cream] = check(lidocaineAllergic, [
      line('anaesthesia', 'Lidocaine'),
      line('anaesthesia', 'EMLA 5% cream', { preparationId: 'emla' }),
    ]);
    for (const result of [typed, cream]) {
      expect(result?.severity).toBe('do-not-treat');
      expect(result?.findings[0]?.ruleId).toBe('allergy.substance-agent');
      expect(result?.findings[0]?.explanation).toContain('"Lidocaine (swelling at the dentist)"');
      expect(result?.findings[0]?.productId).toBe(result?.key);
    }
    expect(typed?.findings[0]?.explanation).toContain('Lidocaine contains lidocaine');
    expect(cream?.findings[0]?.explanation).toContain('EMLA 5% cream');
    expect(cream?.agents).toEqual(['lidocaine', 'prilocaine']);
  });

  it('catches lidocaine inside a catalogue product and a substance added during the session', () => {
    const [product, added] = check(lidocaineAllergic, [
      {
        key: 'product:p1',
        source: 'product',
        name: 'Dermaheal SB',
        ingredients: ['sodium hyaluronate', 'lidocaine hydrochloride 0.3%'],
        allergenFlags: ['hyaluronic-acid', 'local-anaesthetic'],
      },
      line('addition', 'Top-up', { ingredients: ['Xylocaine 1%'] }),
    ]);
    expect(product?.severity).toBe('do-not-treat');
    expect(added?.severity).toBe('do-not-treat');
    expect(added?.findings[0]?.explanation).toContain('lidocaine');
  });

  it('tolerates a slip in what the patient wrote and in what the practitioner typed', () => {
    expect(one(allergies(['lignocain']), line('anaesthesia', 'Lidocaine 2%')).severity).toBe(
      'do-not-treat',
    );
    expect(one(lidocaineAllergic, line('anaesthesia', 'lidocain 2%')).severity).toBe(
      'do-not-treat',
    );
  });
});

describe('numbing creams are read through their ingredients', () => {
  it.each([
    ['emla', ['lidocaine', 'prilocaine']],
    ['lmx4', ['lidocaine']],
    ['blt', ['benzocaine', 'lidocaine', 'tetracaine']],
    ['pliaglis', ['lidocaine', 'tetracaine']],
  ])('%s contains %j', (preparationId, agents) => {
    const prep = defaultSubstanceSettings.preparations.find((p) => p.id === preparationId);
    const result = one(allergies(), line('anaesthesia', prep?.name ?? '', { preparationId }));
    expect([...result.agents].sort()).toEqual([...agents].sort());
    expect(result.severity).toBe('clear');
  });

  it.each([
    ['LMX 4 cream', 'lmx4'],
    ['Topicaine', 'lmx4'],
    ['BLT', 'blt'],
    ['pliaglis', 'pliaglis'],
    ['Lidocaine 2% with adrenaline', 'lidocaine-adrenaline'],
    ['Lidocaine 2%', 'lidocaine-2'],
  ])('typed "%s" is read as %s', (typed, id) => {
    expect(one(allergies(), line('anaesthesia', typed)).preparation?.id).toBe(id);
  });
});

describe('cross-reactivity with the reference defaults', () => {
  it.each([
    // [allergy, anaesthesia, severity, rule]
    ['prilocaine', 'LMX4 4% cream', 'do-not-treat', 'allergy.substance-same-family'],
    ['Articaine at the dentist', 'Lidocaine 1%', 'do-not-treat', 'allergy.substance-same-family'],
    ['bupivacaine', 'EMLA 5% cream', 'do-not-treat', 'allergy.substance-same-family'],
    ['benzocaine', 'Pliaglis cream', 'do-not-treat', 'allergy.substance-same-family'],
    ['Novocaine', 'Ametop 4% gel', 'do-not-treat', 'allergy.substance-same-family'],
    ['PABA', 'Ametop 4% gel', 'do-not-treat', 'allergy.substance-same-family'],
    ['para-aminobenzoic acid', 'BLT', 'do-not-treat', 'allergy.substance-same-family'],
    ['lidocaine', 'Ametop 4% gel', 'caution', 'allergy.substance-other-family'],
    ['procaine', 'Lidocaine 2%', 'caution', 'allergy.substance-other-family'],
    ['PABA', 'Lidocaine 2%', 'caution', 'allergy.substance-other-family'],
    ['all the caines', 'Lidocaine 2%', 'do-not-treat', 'allergy.substance-any-anaesthetic'],
    ['local anaesthetic', 'Ametop 4% gel', 'do-not-treat', 'allergy.substance-any-anaesthetic'],
    ['numbing creams', 'EMLA 5% cream', 'do-not-treat', 'allergy.substance-any-anaesthetic'],
    ['ester local anaesthetics', 'Ametop 4% gel', 'do-not-treat', 'allergy.substance-same-family'],
    ['ester local anaesthetics', 'Lidocaine 2%', 'caution', 'allergy.substance-other-family'],
    ['EMLA', 'Lidocaine 1%', 'do-not-treat', 'allergy.substance-agent'],
  ])('"%s" and %s -> %s', (allergy, anaesthetic, severity, ruleId) => {
    const result = one(allergies([allergy]), line('anaesthesia', anaesthetic));
    expect(result.severity).toBe(severity);
    expect(result.findings[0]?.ruleId).toBe(ruleId);
    expect(result.findings[0]?.explanation).toContain(`"${allergy}"`);
    expect(result.findings[0]?.explanation).toContain(anaesthetic);
  });

  it('reads the ticked "local anaesthetic" box as every anaesthetic', () => {
    const result = one(allergies([], ['local-anaesthetic']), line('anaesthesia', 'Ametop 4% gel'));
    expect(result.severity).toBe('do-not-treat');
  });

  it('refuses a product flagged as containing an anaesthetic nobody named', () => {
    const result = one(lidocaineAllergic, {
      key: 'product:p2',
      source: 'product',
      name: 'Booster X',
      ingredients: ['peptides', 'sodium hyaluronate'],
      allergenFlags: ['local-anaesthetic'],
    });
    expect(result.severity).toBe('do-not-treat');
    expect(result.findings[0]?.ruleId).toBe('allergy.substance-unnamed-anaesthetic');
  });

  it('flags nothing for a patient without anaesthetic allergies, nor for non-anaesthetic lines', () => {
    const lines = defaultSubstanceSettings.preparations.map((p) =>
      line('anaesthesia', p.name, { preparationId: p.id }),
    );
    for (const result of check(allergies(['penicillin', 'nuts', 'plasters']), lines)) {
      expect(result.findings).toEqual([]);
    }
    const vitamins = line('addition', 'Vitamin cocktail', {
      ingredients: ['ascorbic acid', 'biotin', 'DMAE'],
    });
    expect(one(lidocaineAllergic, vitamins).findings).toEqual([]);
  });
});

describe('what is not an anaesthetic goes through the check’s own allergy rules', () => {
  it('refuses adrenaline in a preparation, and soy in an added substance', () => {
    const adrenaline = one(
      allergies(['adrenaline']),
      line('anaesthesia', 'Lidocaine 1% with adrenaline'),
    );
    expect(adrenaline.severity).toBe('do-not-treat');
    expect(adrenaline.findings[0]?.ruleId).toBe('allergy.component');
    const soy = one(
      allergies(['soya']),
      line('addition', 'Lipolytic', { ingredients: ['Phosphatidylcholine 5%'] }),
    );
    expect(soy.severity).toBe('do-not-treat');
  });

  it('keeps the clinic’s venom-hyaluronidase severity for an added enzyme', () => {
    const result = one(
      allergies(['wasp stings']),
      line('addition', 'Hyaluronidase 1500 IU', { ingredients: ['hyaluronidase'] }),
    );
    expect(result.findings.map((f) => f.ruleId)).toEqual(['allergy.venom-hyaluronidase']);
    expect(result.severity).toBe(defaultScreeningSettings.severities.venomHyaluronidase);
  });
});

describe('clinic settings', () => {
  it('accepts the defaults and refuses a preparation naming an unknown anaesthetic', () => {
    expect(substanceSettingsSchema.safeParse(defaultSubstanceSettings).success).toBe(true);
    const broken = structuredClone(defaultSubstanceSettings);
    broken.preparations[0]!.agents = ['unobtainium'];
    const parsed = substanceSettingsSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
  });

  it('lets a clinic add its own anaesthetic and cream, and soften the family rule', () => {
    const settings = substanceSettingsSchema.parse({
      ...structuredClone(defaultSubstanceSettings),
      agents: [
        ...defaultSubstanceSettings.agents,
        { id: 'oxybuprocaine', name: 'oxybuprocaine', family: 'ester', synonyms: ['benoxinate'] },
      ],
      preparations: [
        ...defaultSubstanceSettings.preparations,
        {
          id: 'house-cream',
          name: 'House numbing cream',
          kind: 'topical',
          synonyms: [],
          agents: ['lidocaine', 'oxybuprocaine'],
          otherIngredients: ['methylparaben'],
        },
      ],
      severities: { sameFamily: 'caution', otherFamily: 'clear' },
    });
    const house = line('anaesthesia', 'House numbing cream', { preparationId: 'house-cream' });
    const [byBrand] = checkSubstances(allergies(['benoxinate']), [house], {
      screening: defaultScreeningSettings,
      substances: settings,
    });
    expect(byBrand?.severity).toBe('do-not-treat');
    expect(byBrand?.findings[0]?.ruleId).toBe('allergy.substance-agent');
    // Same family, another agent: the clinic chose caution. The same agent stays do-not-treat.
    const [family] = checkSubstances(allergies(['prilocaine']), [house], {
      screening: defaultScreeningSettings,
      substances: settings,
    });
    expect(family?.severity).toBe('caution');
    // Other family: the clinic chose not to flag it.
    const [other] = checkSubstances(
      allergies(['tetracaine']),
      [line('anaesthesia', 'Lidocaine 2%')],
      {
        screening: defaultScreeningSettings,
        substances: settings,
      },
    );
    expect(other?.findings).toEqual([]);
    const [paraben] = checkSubstances(allergies(['methylparaben']), [house], {
      screening: defaultScreeningSettings,
      substances: settings,
    });
    expect(paraben?.severity).toBe('do-not-treat');
  });
});

describe('keys', () => {
  it('stay the same while the line means the same substance', () => {
    expect(substanceKey({ source: 'anaesthesia', name: 'EMLA', preparationId: 'emla' })).toBe(
      'anaesthesia:emla',
    );
    expect(substanceKey({ source: 'addition', name: '  Arnica  gel ' })).toBe(
      'addition:arnica-gel',
    );
    expect(substanceKey({ source: 'product', name: 'X', productId: 'p9' })).toBe('product:p9');
  });
});

describe('properties', () => {
  const agents = defaultSubstanceSettings.agents;
  const preparations = defaultSubstanceSettings.preparations;
  const familyOf = new Map(agents.map((a) => [a.id, a.family]));

  it('an allergy to any name of any agent makes every preparation of its family do-not-treat', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...agents)
          .chain((a) => fc.constantFrom(a.name, ...a.synonyms).map((n) => [a, n] as const)),
        fc.constantFrom(...preparations),
        fc.constantFrom('', ' (rash)', ' allergy', ' - swelling'),
        ([agent, name], prep, note) => {
          const result = one(
            allergies([`${name}${note}`]),
            line('anaesthesia', prep.name, { preparationId: prep.id }),
          );
          const families = new Set(prep.agents.map((id) => familyOf.get(id)));
          if (families.has(agent.family)) {
            expect(result.severity).toBe('do-not-treat');
          } else {
            expect(result.severity).toBe('caution');
          }
        },
      ),
    );
  });

  it('never flags an anaesthetic for allergies that are not to anaesthetics', () => {
    const others = ['penicillin', 'nuts', 'shellfish', 'ibuprofen', 'pollen', 'nickel', 'cats'];
    fc.assert(
      fc.property(fc.subarray(others), fc.constantFrom(...preparations), (freeText, prep) => {
        const result = one(
          allergies(freeText),
          line('anaesthesia', prep.name, { preparationId: prep.id }),
        );
        expect(result.findings).toEqual([]);
      }),
    );
  });

  it('every finding belongs to its line and quotes the allergy it comes from', () => {
    fc.assert(
      fc.property(
        fc.subarray(['lidocaine', 'PABA', 'soya', 'local anaesthetics', 'adrenaline', 'latex']),
        fc.subarray(preparations, { minLength: 1 }),
        (freeText, preps) => {
          const lines = preps.map((p) => line('anaesthesia', p.name, { preparationId: p.id }));
          for (const result of check(allergies(freeText), lines)) {
            for (const f of result.findings) {
              expect(f.productId).toBe(result.key);
              expect(freeText.some((a) => f.explanation.includes(`"${a}"`))).toBe(true);
            }
          }
        },
      ),
    );
  });
});
