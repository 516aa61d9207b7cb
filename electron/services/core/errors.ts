import type { ApiError, ErrorCode, ErrorText } from '../../../shared/api/result';
import { englishText, type Refusal } from './error-catalogue';

export { englishText, type ErrorKey, type Refusal } from './error-catalogue';

/** A refusal's field messages are catalogue texts too, by field. */
interface RefusalOptions {
  fields?: Record<string, Refusal>;
  /**
   * When true the operation's writes are committed although it failed: a failed sign-in must
   * still count towards the growing delay.
   */
  keepWrites?: boolean;
}

/**
 * The form for a text kept in another area of the catalogue (a screening finding): the English
 * message is given with its key, and each field message with its own.
 */
type WordedOptions = {
  text: ErrorText;
  keepWrites?: boolean;
} & (
  | { fields?: undefined; fieldKeys?: undefined }
  | { fields: Record<string, string>; fieldKeys: Record<string, ErrorText> }
);

/**
 * The typed error every service throws. The wrapper turns it into `{ ok: false, error }`;
 * anything else thrown is a bug and becomes INTERNAL without leaking its message.
 *
 * Every refusal names its catalogue text (the type requires it), so the screens show it in their
 * reader's language; `message` is the English catalogue's text with the values filled in, the
 * reference wording that logs, tools and tests read.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly keepWrites: boolean;
  /** The message's catalogue key and values, for the screens' language (see ApiError). */
  readonly text: ErrorText | undefined;
  readonly fieldKeys: Record<string, ErrorText> | undefined;

  constructor(code: ErrorCode, text: Refusal, options?: RefusalOptions);
  constructor(code: ErrorCode, message: string, options: WordedOptions);
  constructor(
    code: ErrorCode,
    what: Refusal | string,
    options: RefusalOptions | WordedOptions = {},
  ) {
    super(typeof what === 'string' ? what : englishText(what));
    this.name = 'AppError';
    this.code = code;
    this.keepWrites = options.keepWrites ?? false;
    if (typeof what === 'string') {
      this.text = 'text' in options ? options.text : undefined;
      this.fields = options.fields as Record<string, string> | undefined;
      this.fieldKeys = 'fieldKeys' in options ? options.fieldKeys : undefined;
    } else {
      this.text = what as Refusal;
      const fields = (options as RefusalOptions).fields;
      this.fields = fields
        ? Object.fromEntries(Object.entries(fields).map(([f, t]) => [f, englishText(t)]))
        : undefined;
      this.fieldKeys = fields;
    }
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
