import type { ErrorText } from '../../../../shared/api/result';
import { AppError, englishText, type Refusal } from '../../core/errors';

/** A template that cannot be saved or used; the lists name exactly what to fix. */
export class TemplateValidationError extends AppError {
  readonly missingSections: readonly string[];
  readonly missingItems: readonly string[];
  readonly unknownPlaceholders: readonly string[];

  constructor(
    problem: 'notWellFormed' | 'unusable',
    details: {
      missingSections?: readonly string[];
      missingItems?: readonly string[];
      unknownPlaceholders?: readonly string[];
      fields: Record<string, string>;
      /** Each field message's catalogue key and values, where it has one. */
      texts?: Record<string, ErrorText>;
    },
  ) {
    const text: Refusal = {
      key:
        problem === 'notWellFormed'
          ? 'errors.documents.templateNotWellFormed'
          : 'errors.documents.templateUnusable',
    };
    // The field messages are the template checks' own words, which the editor also shows before
    // saving; their keys let the editor word a refusal from the service in its reader's language.
    super('VALIDATION', englishText(text), {
      text,
      fields: details.fields,
      fieldKeys: details.texts ?? {},
    });
    this.name = 'TemplateValidationError';
    this.missingSections = details.missingSections ?? [];
    this.missingItems = details.missingItems ?? [];
    this.unknownPlaceholders = details.unknownPlaceholders ?? [];
  }
}

export type DocumentFailureStage = 'input' | 'render' | 'write';

/**
 * A document that could not be produced. `reason` says why in words safe for a log: it never
 * carries patient data, only what went wrong (a bad image, a full disk).
 */
export class DocumentGenerationError extends AppError {
  readonly stage: DocumentFailureStage;
  readonly reason: string;

  constructor(
    stage: DocumentFailureStage,
    reason: string,
    options: { fields?: Record<string, string>; cause?: unknown } = {},
  ) {
    // The screens say which stage failed; `reason` (English, no patient data) is for the log.
    super(
      stage === 'input' ? 'VALIDATION' : 'INTERNAL',
      { key: `errors.documents.generation.${stage}` },
      options.fields
        ? {
            fields: Object.fromEntries(
              Object.keys(options.fields).map((f) => [
                f,
                { key: 'errors.documents.generation.badValue' } as const,
              ]),
            ),
          }
        : {},
    );
    this.name = 'DocumentGenerationError';
    this.stage = stage;
    this.reason = reason;
    if (options.cause !== undefined) this.cause = options.cause;
  }
}
