import i18n from 'i18next';
import {
  patientTemplates,
  wordFinding,
  wordPatientMessage,
  type CatalogueLookup,
  type PatientTemplate,
  type WordableFinding,
} from '../../../../shared/screening/finding-wording';

/** The catalogue of one language as loaded (no fallback: a gap shows the stored English). */
const lookupIn =
  (language: string): CatalogueLookup =>
  (key) => {
    const text: unknown = i18n.getResource(language, 'translation', key);
    return typeof text === 'string' ? text : undefined;
  };

/**
 * A finding as the practitioner reads it: worded from the catalogue in the screens' language with
 * the finding's values; the stored English explanation where the catalogue cannot word it as it
 * was recorded (shared/screening/finding-wording.ts says when).
 */
export function findingText(f: WordableFinding): string {
  return wordFinding(f, lookupIn(i18n.resolvedLanguage ?? i18n.language), lookupIn('en'));
}

/** True when the reader sees Mesochart's translation of the finding, not its English reference. */
export function isTranslatedFinding(f: WordableFinding): boolean {
  return findingText(f) !== f.explanation;
}

let templates: { from: unknown; list: PatientTemplate[] } | null = null;

/** What to tell the patient, in the screens' language where the catalogue has the message. */
export function patientMessageText(message: string): string {
  const english: unknown = i18n.getResource('en', 'translation', 'findingPatient');
  // Read once per catalogue: the patterns only change when the English catalogue does.
  const current =
    templates !== null && templates.from === english
      ? templates
      : { from: english, list: patientTemplates(english) };
  templates = current;
  return wordPatientMessage(
    message,
    current.list,
    lookupIn(i18n.resolvedLanguage ?? i18n.language),
  );
}

/**
 * The direction to lay a finding out in: a translation runs as its language does (an Arabic
 * finding that opens on a medicine's Latin name is still right to left); the English reference
 * shown on Arabic screens finds its own (`auto`), as before.
 */
export function findingDir(f: WordableFinding): 'ltr' | 'rtl' | 'auto' {
  return isTranslatedFinding(f) ? i18n.dir(i18n.resolvedLanguage ?? i18n.language) : 'auto';
}
