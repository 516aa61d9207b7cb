import type { ErrorCode } from '../../../../shared/api/result';
import { AppError, type Refusal } from '../../core/errors';

/** Why one file was not imported. The UI words its message from this, never from `cause`. */
export type PhotoRefusalReason =
  | 'invalid-path'
  | 'not-a-file'
  | 'unreadable'
  | 'empty-file'
  | 'file-too-large'
  | 'too-many-pixels'
  | 'unsupported-format'
  | 'heif-unsupported'
  | 'corrupt'
  | 'storage-failed'
  | 'internal';

function codeFor(reason: PhotoRefusalReason): ErrorCode {
  switch (reason) {
    case 'file-too-large':
    case 'too-many-pixels':
      return 'TOO_LARGE';
    case 'storage-failed':
    case 'internal':
      return 'INTERNAL';
    case 'invalid-path':
    case 'not-a-file':
    case 'unreadable':
    case 'empty-file':
    case 'unsupported-format':
    case 'heif-unsupported':
    case 'corrupt':
      return 'VALIDATION';
  }
}

/**
 * A refusal of one photo. It is an AppError so a single-file import maps straight to the API's
 * error shape; the batch importer turns it into data in its summary instead.
 */
export class PhotoError extends AppError {
  readonly reason: PhotoRefusalReason;

  constructor(reason: PhotoRefusalReason, text: Refusal, options: { cause?: unknown } = {}) {
    super(codeFor(reason), text);
    this.name = 'PhotoError';
    this.reason = reason;
    // Kept for debugging only; library messages may quote paths, so they are never shown or logged.
    if (options.cause !== undefined) this.cause = options.cause;
  }
}
