import { describe, expect, it } from 'vitest';
import { languageName } from '../../../shared/documents/languages';

describe('language names', () => {
  it('names each language in its own language, capitalised as a list entry', () => {
    expect(['en', 'fr', 'tr', 'ar'].map((code) => languageName(code))).toEqual([
      'English',
      'Français',
      'Türkçe',
      'العربية',
    ]);
  });

  it('capitalises by the rules of the language it is written in', () => {
    // Turkish writes "ingilizce" mid-sentence; its capital i keeps the dot.
    expect(languageName('en', 'tr')).toBe('İngilizce');
    expect(languageName('de', 'fr')).toBe('Allemand');
    expect(languageName('tr', 'en')).toBe('Turkish');
  });
});
