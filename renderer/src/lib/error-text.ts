import i18n from 'i18next';
import type { ApiError, ErrorText } from '../../../shared/api/result';
import { fieldText } from './field-text';

function inLanguage(text: ErrorText | undefined, english: string): string {
  // With its values, so a plural key (errors.rateLimited_one, _other) is found by its count.
  if (!text || !i18n.exists(text.key, text.params ?? {})) return english;
  return i18n.t(text.key, text.params ?? {});
}

/**
 * What a refusal says, in the screens' language: the catalogue's text for the error's key, with
 * its values; the English message where the service gave no key (still the reference wording).
 */
export function errorText(error: ApiError): string {
  return inLanguage(
    error.key ? { key: error.key, ...(error.params ? { params: error.params } : {}) } : undefined,
    error.message,
  );
}

/** A text the shared code names by its catalogue key (what a session lacks before signing). */
export function catalogueText(text: ErrorText): string {
  return i18n.t(text.key, text.params ?? {});
}

/** A field's message, likewise (the field's name, where the message gives it, worded too). */
export function fieldErrorText(error: ApiError, field: string, english: string): string {
  const text = error.fieldKeys?.[field];
  return text ? fieldText(text, english) : english;
}

/**
 * A background job's failure (a backup, a restore, a move to a server) in the screens' language;
 * the English it was given where it has no catalogue text (a failure stored before they had one).
 */
export function failureText(text: ErrorText | null | undefined, english: string): string {
  return inLanguage(text ?? undefined, english);
}
