import i18n from 'i18next';
import type { ErrorText } from '../../../shared/api/result';
import { setFieldWording } from '../../../shared/api/field-text';
import { uiLocale } from './ui-language';

/**
 * A field message in the screens' language: the catalogue's text for its key with its values, the
 * field's name (a `label` value, itself a catalogue key) worded too and numbers written as the
 * language writes them ("0,01" in French; Latin digits in Arabic, as typed); the English
 * reference where the catalogue has no such key.
 */
export function fieldText(text: ErrorText, english: string): string {
  if (!i18n.exists(text.key)) return english;
  const numbers = new Intl.NumberFormat(uiLocale(), { useGrouping: false });
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) {
    if (typeof value === 'number') params[name] = numbers.format(value);
    else if (name === 'label' && i18n.exists(value)) params[name] = i18n.t(value);
    else params[name] = value;
  }
  return i18n.t(text.key, params);
}

/**
 * The forms' own checks (the shared zod schemas, through zodResolver or a direct parse) word their
 * messages when a check fails, so they read in the language the screens are in at that moment;
 * after a switch of language a field's message changes at its next check.
 */
export function wordFieldMessagesInScreensLanguage(): void {
  setFieldWording(fieldText);
}
