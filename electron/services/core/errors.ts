import type { ApiError, ErrorCode } from '../../../shared/api/result';

/**
 * The typed error every service throws. The wrapper turns it into `{ ok: false, error }`;
 * anything else thrown is a bug and becomes INTERNAL without leaking its message.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  /**
   * When true the operation's writes are committed although it failed: a failed sign-in must
   * still count towards the growing delay.
   */
  readonly keepWrites: boolean;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: Record<string, string>; keepWrites?: boolean } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.keepWrites = options.keepWrites ?? false;
  }

  toApiError(): ApiError {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}
