import type { ApiError, ErrorCode, ErrorText } from '../../../shared/api/result';

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
  /** The message's catalogue key and values, for the screens' language (see ApiError). */
  readonly text: ErrorText | undefined;
  readonly fieldKeys: Record<string, ErrorText> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      fields?: Record<string, string>;
      keepWrites?: boolean;
      text?: ErrorText;
      fieldKeys?: Record<string, ErrorText>;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.keepWrites = options.keepWrites ?? false;
    this.text = options.text;
    this.fieldKeys = options.fieldKeys;
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.text ? { key: this.text.key } : {}),
      ...(this.text?.params ? { params: this.text.params } : {}),
      ...(this.fieldKeys ? { fieldKeys: this.fieldKeys } : {}),
    };
  }
}
