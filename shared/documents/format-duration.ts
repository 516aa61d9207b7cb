import type { ItemDuration } from './template-schema';
import { countOf, fillWords, unitAfter, wordingFor } from './wording';

/**
 * "8–12 hours", "12 hours", "1 week" in the template's language ("8–12 saat", "من 8 إلى 12
 * ساعة"), each language with its own plural rules.
 */
export function formatDuration(duration: ItemDuration, language = 'en'): string {
  const w = wordingFor(language);
  const forms = w.units[duration.unit];
  if (duration.max === null) return countOf(forms, duration.min, language);
  return fillWords(w.range, {
    min: duration.min,
    max: duration.max,
    unit: unitAfter(forms, duration.max, language),
  });
}
