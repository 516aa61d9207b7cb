import type { TemplateKind } from './template-schema';

/**
 * What a template must contain. Consent sections mirror the consent elements of the clinical
 * reference; a form without one of them is not valid consent, so the template cannot be saved.
 * Signature, name and date are not a section: every consent PDF prints the signature blocks.
 */
export const requiredConsentSections = [
  { id: 'procedure', element: 'Procedure and its purpose' },
  { id: 'products', element: 'Products and ingredients to be used' },
  { id: 'sessions', element: 'Number and spacing of sessions' },
  { id: 'benefits', element: 'Expected benefits; results vary and are not guaranteed' },
  { id: 'common-side-effects', element: 'Common side effects' },
  { id: 'rare-side-effects', element: 'Rare side effects' },
  { id: 'alternatives', element: 'Alternatives, including no treatment' },
  { id: 'medical-history', element: 'Medical history is true and complete' },
  { id: 'pre-treatment', element: 'Pre-treatment instructions followed' },
  { id: 'photographs-record', element: 'Photographs for the medical record' },
  { id: 'photographs-other-use', element: 'Photographs for any other use (separate choice)' },
  { id: 'costs', element: 'Costs' },
  { id: 'patient-rights', element: 'Right to ask questions, take time and withdraw' },
  { id: 'declaration', element: 'Declaration above the signatures' },
] as const;

export const requiredAftercareSections = [
  { id: 'what-is-normal', element: 'What is normal after treatment' },
  { id: 'when-to-call', element: 'When to call the clinic' },
  { id: 'emergency', element: 'Emergency' },
] as const;

/** The aftercare instructions of the clinical reference; durations are the clinic's to change. */
export const requiredAftercareItems = [
  { id: 'no-washing', element: 'Do not wash the area' },
  { id: 'no-make-up', element: 'No make-up' },
  { id: 'no-exercise', element: 'No exercise or sweating' },
  { id: 'no-sun', element: 'No sun or UV, then sunscreen' },
  { id: 'no-heat', element: 'No sauna, hot bath, pool or massage' },
  { id: 'no-alcohol', element: 'No alcohol' },
  { id: 'no-other-treatments', element: 'No other treatments on the area' },
  { id: 'drink-water', element: 'Drink plenty of water' },
] as const;

export function requiredSectionIds(kind: TemplateKind): readonly string[] {
  return (kind === 'consent' ? requiredConsentSections : requiredAftercareSections).map(
    (s) => s.id,
  );
}

export function requiredItemIds(kind: TemplateKind): readonly string[] {
  return kind === 'aftercare' ? requiredAftercareItems.map((i) => i.id) : [];
}
