/**
 * The one shape every operation returns across the process boundary. Errors are data, not
 * exceptions, so the renderer can show `message` and mark `fields` without try/catch plumbing.
 */
export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_OPERATION',
  'TOO_LARGE',
  'BAD_SENDER',
  'UNAUTHENTICATED',
  'LOCKED',
  /** The tablet is in a patient's hands: only their questionnaire and consent signing run. */
  'PATIENT_MODE',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'NOT_FOUND',
  'CONFLICT',
  /** A session's safety gate (check, history version, coverage, consent, allergy); see `fields`. */
  'SAFETY_GATE',
  /** Signed in with a temporary code after a reset: only choosing a new password is allowed. */
  'PASSWORD_CHANGE_REQUIRED',
  /** A reset's temporary code is past its expiry; an admin must reset again. */
  'CODE_EXPIRED',
  /** A signature given for someone else: only that person, proven, may sign as themselves. */
  'NOT_THE_SIGNER',
  /** The clinic server cannot be reached: nothing was saved; the call can be made again later. */
  'SERVER_UNREACHABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field path (dot-joined) to a message, for forms to show next to the field. */
  fields?: Record<string, string>;
  /**
   * The catalogue key of `message` ("errors.badCredentials") and its values, so the screens show
   * it in their reader's language; `message` stays the English reference (logs, tools, tests).
   */
  key?: string;
  params?: Record<string, string | number>;
  /** The catalogue keys of field messages, by field, where they have one. */
  fieldKeys?: Record<string, ErrorText>;
}

export interface ErrorText {
  key: string;
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
