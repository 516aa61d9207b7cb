import type { KeysStatus } from '../../../../shared/api/keys';
import type { ApiError } from '../../../../shared/api/result';
import { errorText, fieldErrorText } from '../../lib/error-text';

/**
 * The keys screens come before anyone signs in, often in a language chosen on the spot: the
 * launcher's refusals carry their catalogue keys, worded here (English where one has none).
 */
export function keyFailureText(error: ApiError | null): string | null {
  return error ? errorText(error) : null;
}

/** Each field's message of a refusal, in the screen's language. */
export function keyFieldTexts(error: ApiError | null): Record<string, string> {
  if (!error?.fields) return {};
  return Object.fromEntries(
    Object.entries(error.fields).map(([field, english]) => [
      field,
      fieldErrorText(error, field, english),
    ]),
  );
}

/** Why the clinic is locked or refused, in the screen's language. */
export function keysStatusText(status: KeysStatus): string | null {
  if (!status.message) return null;
  const text = status.messageKey;
  if (!text) return status.message;
  return errorText({
    code: 'LOCKED',
    message: status.message,
    key: text.key,
    ...(text.params ? { params: text.params } : {}),
  });
}
