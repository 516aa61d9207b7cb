import type { MesochartApi } from '../../../shared/api/client';
import type { ApiError, Result } from '../../../shared/api/result';
import { errorText, fieldErrorText } from './error-text';
import { noteServerResult } from './server-status';

declare global {
  interface Window {
    mesochart: MesochartApi;
  }
}

/** The only way the renderer reaches the main process: the object the preload exposed. */
export const api: MesochartApi = window.mesochart;

/**
 * A refused call. Its `message` is the refusal in the screens' language (the catalogue's text for
 * the service's key), so every screen that shows `failure.message` reads in its user's language;
 * `error.message` stays the service's English.
 */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(errorText(error));
    this.name = 'ApiFailure';
  }

  /** A field's message in the screens' language, where the service marked that field. */
  field(name: string): string | undefined {
    const english = this.error.fields?.[name];
    return english === undefined ? undefined : fieldErrorText(this.error, name, english);
  }

  /** Every marked field's message, likewise. */
  fieldMessages(): Record<string, string> {
    return Object.fromEntries(
      Object.entries(this.error.fields ?? {}).map(([f, english]) => [
        f,
        fieldErrorText(this.error, f, english),
      ]),
    );
  }
}

/** Turns a Result into a value or a thrown ApiFailure, the shape TanStack Query expects. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  noteServerResult(result);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}
