import type { SessionDraftFields } from '../api/sessions';
import { techniqueUsesNeedle } from './treatment-terms';
import { missingItem, type MissingItem } from './missing-item';
import { cocktailMissing } from './cocktail';

export type { MissingItem } from './missing-item';

/**
 * What a session note must carry before it can be signed. The same list is shown in the form
 * before signing and returned by the service when signing is refused.
 */
export function missingForSigning(s: SessionDraftFields): MissingItem[] {
  const missing: MissingItem[] = [];
  if (s.areas.length === 0) missing.push(missingItem('areas', 'areas'));
  s.areas.forEach((a, i) => {
    if (a.depthMm === null)
      missing.push(missingItem(`areas.${i}.depthMm`, 'depth', { area: a.area }));
  });
  if (s.technique === null) missing.push(missingItem('technique', 'technique'));
  if (s.technique === null || techniqueUsesNeedle(s.technique)) {
    if (s.needleGauge === null) missing.push(missingItem('needleGauge', 'needleGauge'));
    if (s.needleLengthMm === null) missing.push(missingItem('needleLengthMm', 'needleLength'));
  }
  if (s.anaesthesia === null) missing.push(missingItem('anaesthesia', 'anaesthesia'));
  if (s.passes === null && s.points === null) {
    missing.push(missingItem('passes', 'passesOrPoints'));
  }
  const cocktails = s.cocktails ?? [];
  if (s.products.length === 0 && cocktails.length === 0) {
    missing.push(missingItem('products', 'products'));
  }
  const chosen = new Set(s.areas.map((a) => a.area));
  missing.push(...cocktailMissing(cocktails, chosen));
  s.products.forEach((p, i) => {
    const line = i + 1;
    if (p.volumeMl === null) {
      missing.push(missingItem(`products.${i}.volumeMl`, 'lineVolume', { line }));
    }
    if (!chosen.has(p.area)) {
      missing.push(missingItem(`products.${i}.area`, 'lineArea', { line, area: p.area }));
    }
  });
  for (const area of chosen) {
    const inSyringe = cocktails.some((c) => c.areas.some((a) => a.area === area));
    if (!inSyringe && !s.products.some((p) => p.area === area)) {
      missing.push(missingItem('products', 'productForArea', { area }));
    }
  }
  if (s.immediateReactions.trim() === '') {
    missing.push(missingItem('immediateReactions', 'immediateReactions'));
  }
  return missing;
}
