import { describe, expect, it } from 'vitest';
import { allergenGroupsIn, checkAllergies } from '../../../shared/screening/allergy-check';
import { defaultScreeningSettings } from '../../../shared/screening/screening-settings';
import type { AllergenTag, PlannedProduct } from '../../../shared/screening/screening-types';
import { products } from './screening-fixtures';

function check(
  allergies: { ticked?: AllergenTag[]; freeText?: string[] },
  planned: PlannedProduct[],
) {
  return checkAllergies(
    { ticked: allergies.ticked ?? [], freeText: allergies.freeText ?? [] },
    planned,
    defaultScreeningSettings,
  );
}

describe('allergenGroupsIn', () => {
  it.each([
    ['Lignocaine', 'amide-anaesthetic'],
    ['lidocain', 'amide-anaesthetic'],
    ['Articaine 4%', 'amide-anaesthetic'],
    ['mepivacaine', 'amide-anaesthetic'],
    ['prilocaine', 'amide-anaesthetic'],
    ['bupivacaine', 'amide-anaesthetic'],
    ['procaine', 'ester-anaesthetic'],
    ['soya', 'soy'],
    ['Soy lecithin', 'soy'],
    ['Phosphatidylcholine', 'soy'],
    ['sodium hyaluronate', 'hyaluronic-acid'],
    ['Hyaluronan', 'hyaluronic-acid'],
    ['hyaluronidase', 'hyaluronidase'],
    ['wasp stings', 'bee-wasp-venom'],
    ['eggs', 'egg'],
    ['egg lecithin', 'egg'],
    ['ovalbumin', 'egg'],
    ['natural rubber', 'latex'],
    ['Latex gloves', 'latex'],
    ['lecithin', 'lecithin-unspecified'],
  ])('%s -> %s', (text, group) => {
    expect([...allergenGroupsIn(text, true)]).toContain(group);
  });

  it('reads "local anaesthetic" as both anaesthetic families', () => {
    expect([...allergenGroupsIn('local anesthetic at the dentist')].sort()).toEqual([
      'amide-anaesthetic',
      'ester-anaesthetic',
    ]);
  });

  it('does not see allergens in unrelated words', () => {
    for (const text of ['penicillin', 'nickel', 'hay fever', 'sulfa drugs', 'shellfish', 'cats']) {
      expect([...allergenGroupsIn(text)], text).toEqual([]);
    }
  });

  it('knows soy lecithin is not of unknown source', () => {
    expect([...allergenGroupsIn('soy lecithin')]).toEqual(['soy']);
  });
});

describe('checkAllergies', () => {
  it('refuses a product whose ingredient the patient named, for that product only', () => {
    const findings = check({ freeText: ['DMAE - rash'] }, [
      products.vitaminCocktail,
      products.hyaluronidase,
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'allergy.component',
      severity: 'do-not-treat',
      productId: 'p-vit',
    });
  });

  it('matches the ticked "local anaesthetic" against lidocaine and procaine', () => {
    const findings = check({ ticked: ['local-anaesthetic'] }, [
      products.hyaluronicWithLidocaine,
      products.procaine,
    ]);
    expect(findings.map((f) => [f.productId, f.severity])).toEqual([
      ['p-ha-lido', 'do-not-treat'],
      ['p-proc', 'do-not-treat'],
    ]);
  });

  it('cautions when the anaesthetic is of the other chemical family', () => {
    const product: PlannedProduct = { ...products.procaine, allergenFlags: [] };
    const findings = check({ freeText: ['lidocaine'] }, [product]);
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'allergy.anaesthetic-other-family', severity: 'caution' }),
    ]);
  });

  it('cautions about lecithin of unstated source for soy or egg allergy', () => {
    const findings = check({ ticked: ['egg'] }, [products.lecithinBlend]);
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'allergy.lecithin-source', severity: 'caution' }),
    ]);
  });

  it('refuses a product flagged as containing venom for a venom allergy', () => {
    const product: PlannedProduct = {
      id: 'p-bee',
      name: 'Bee venom serum',
      ingredients: ['Apitoxin'],
      allergenFlags: ['bee-wasp-venom'],
    };
    const findings = check({ freeText: ['allergic to bee stings'] }, [product]);
    expect(findings[0]).toMatchObject({ ruleId: 'allergy.component', severity: 'do-not-treat' });
  });

  it('uses the clinic severity for the venom and hyaluronidase cross-reaction', () => {
    const findings = checkAllergies(
      { ticked: ['bee-wasp-venom'], freeText: [] },
      [products.hyaluronidase],
      {
        ...defaultScreeningSettings,
        severities: { ...defaultScreeningSettings.severities, venomHyaluronidase: 'do-not-treat' },
      },
    );
    expect(findings[0]?.severity).toBe('do-not-treat');
  });

  it('ignores allergies unrelated to the products and vague words', () => {
    const findings = check({ freeText: ['penicillin', 'acid', 'cats', ''] }, [
      products.vitaminCocktail,
      products.phosphatidylcholine,
    ]);
    expect(findings).toEqual([]);
  });
});
