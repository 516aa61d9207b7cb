import { AppError } from '../../core/errors';

/** A template that cannot be saved or used; the lists name exactly what to fix. */
export class TemplateValidationError extends AppError {
  readonly missingSections: readonly string[];
  readonly missingItems: readonly string[];
  readonly unknownPlaceholders: readonly string[];

  constructor(
    message: string,
    details: {
      missingSections?: readonly string[];
      missingItems?: readonly string[];
      unknownPlaceholders?: readonly string[];
      fields: Record<string, string>;
    },
  ) {
    super('VALIDATION', message, { fields: details.fields });
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
    super(
      stage === 'input' ? 'VALIDATION' : 'INTERNAL',
      `The document could not be generated: ${reason}`,
      options.fields ? { fields: options.fields } : {},
    );
    this.name = 'DocumentGenerationError';
    this.stage = stage;
    this.reason = reason;
    if (options.cause !== undefined) this.cause = options.cause;
  }
}
