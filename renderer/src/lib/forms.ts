import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiFailure } from './api';

/**
 * Puts a failed call's field messages next to their fields and returns the message for the
 * form as a whole. What the user typed stays in the form.
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
): string {
  if (!(error instanceof ApiFailure)) return 'Something went wrong; nothing was saved';
  for (const [field, message] of Object.entries(error.error.fields ?? {})) {
    setError(field as Path<T>, { type: 'server', message });
  }
  return error.error.message;
}

/** Mantine's NumberInput reports '' for an empty field; the record stores null. */
export function numberOrNull(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const parsed = Number(trimmed.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : null;
}
