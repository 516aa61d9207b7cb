import type { SessionDraftFields } from '../api/sessions';
import { areaNames, techniqueUsesNeedle } from './treatment-terms';
import { cocktailMissing } from './cocktail';

export interface MissingItem {
  /** Field path in the session form, so the form can mark it. */
  field: string;
  message: string;
}

/**
 * What a session note must carry before it can be signed. The same list is shown in the form
 * before signing and returned by the service when signing is refused.
 */
export function missingForSigning(s: SessionDraftFields): MissingItem[] {
  const missing: MissingItem[] = [];
  if (s.areas.length === 0) missing.push({ field: 'areas', message: 'At least one treated area' });
  s.areas.forEach((a, i) => {
    if (a.depthMm === null)
      missing.push({ field: `areas.${i}.depthMm`, message: `Depth for the ${areaNames[a.area]}` });
  });
  if (s.technique === null) missing.push({ field: 'technique', message: 'Technique' });
  if (s.technique === null || techniqueUsesNeedle(s.technique)) {
    if (s.needleGauge === null) missing.push({ field: 'needleGauge', message: 'Needle gauge' });
    if (s.needleLengthMm === null)
      missing.push({ field: 'needleLengthMm', message: 'Needle length' });
  }
  if (s.anaesthesia === null)
    missing.push({ field: 'anaesthesia', message: 'Anaesthesia (or none)' });
  if (s.passes === null && s.points === null)
    missing.push({ field: 'passes', message: 'Number of passes or points' });
  const cocktails = s.cocktails ?? [];
  if (s.products.length === 0 && cocktails.length === 0)
    missing.push({ field: 'products', message: 'At least one product with its lot' });
  const chosen = new Set(s.areas.map((a) => a.area));
  missing.push(...cocktailMissing(cocktails, chosen));
  s.products.forEach((p, i) => {
    if (p.volumeMl === null)
      missing.push({ field: `products.${i}.volumeMl`, message: `Volume of product line ${i + 1}` });
    if (!chosen.has(p.area))
      missing.push({
        field: `products.${i}.area`,
        message: `Product line ${i + 1} is for the ${areaNames[p.area]}, which is not among the treated areas`,
      });
  });
  for (const area of chosen) {
    const inSyringe = cocktails.some((c) => c.areas.some((a) => a.area === area));
    if (!inSyringe && !s.products.some((p) => p.area === area))
      missing.push({ field: 'products', message: `A product for the ${areaNames[area]}` });
  }
  if (s.immediateReactions.trim() === '')
    missing.push({
      field: 'immediateReactions',
      message: 'Immediate reactions (write "none" if there were none)',
    });
  return missing;
}
