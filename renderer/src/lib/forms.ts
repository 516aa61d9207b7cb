import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import i18n from 'i18next';
import { ApiFailure } from './api';
import { errorText, fieldErrorText } from './error-text';

/**
 * Puts a failed call's field messages next to their fields and returns the message for the
 * form as a whole, in the screens' language where the service named its text. What the user typed
 * stays in the form.
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
): string {
  if (!(error instanceof ApiFailure)) return i18n.t('errors.internal');
  for (const [field, message] of Object.entries(error.error.fields ?? {})) {
    setError(field as Path<T>, {
      type: 'server',
      message: fieldErrorText(error.error, field, message),
    });
  }
  return errorText(error.error);
}

/** Mantine's NumberInput reports '' for an empty field; the record stores null. */
export function numberOrNull(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const parsed = Number(trimmed.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : null;
}
