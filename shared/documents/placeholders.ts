import type { TemplateKind } from './template-schema';

/**
 * The placeholders a template may use. A misspelt placeholder would otherwise print as an empty
 * gap on a signed form, so anything outside this list is refused by name.
 */
const commonPlaceholders = [
  'patient.fullName',
  'patient.dateOfBirth',
  'patient.clinicNumber',
  'practitioner.fullName',
  'clinic.name',
  'clinic.address',
  'clinic.phone',
  'clinic.email',
  'procedure.name',
  'products',
  'ingredients',
  'sessions.planned',
  'sessions.intervalDays',
  'document.date',
] as const;

const aftercarePlaceholders = [
  'session.date',
  'session.areas',
  'session.technique',
  'nextAppointment',
] as const;

/** Only an aftercare item has a duration of its own. */
export const itemOnlyPlaceholders = ['duration'] as const;

export type PlaceholderName =
  (typeof commonPlaceholders)[number] | (typeof aftercarePlaceholders)[number];

export type PlaceholderScope = 'section' | 'item';

export function knownPlaceholders(kind: TemplateKind, scope: PlaceholderScope): readonly string[] {
  const forKind: readonly string[] =
    kind === 'aftercare' ? [...commonPlaceholders, ...aftercarePlaceholders] : commonPlaceholders;
  return scope === 'item' ? [...forKind, ...itemOnlyPlaceholders] : forKind;
}

/** `{{ name }}`, spaces inside the braces allowed. */
const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function extractPlaceholders(text: string): string[] {
  return [...text.matchAll(placeholderPattern)].map((m) => m[1] ?? '');
}

/** Replaces every placeholder through `lookup`; the caller has already refused unknown names. */
export function replacePlaceholders(text: string, lookup: (name: string) => string): string {
  return text.replace(placeholderPattern, (_match, name: string) => lookup(name));
}

/** Braces left after replacement mean a malformed placeholder such as `{{patient.fullName}`. */
export function hasStrayBraces(text: string): boolean {
  return /\{\{|\}\}/.test(text.replace(placeholderPattern, ''));
}
