import type { z } from 'zod';
import { DocumentGenerationError } from './document-errors';

/**
 * Checks the caller's data against its schema before any drawing, so a bad value is reported
 * with its field path instead of surfacing as a layout failure.
 */
export function parseDocumentData<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    fields[issue.path.join('.') || 'data'] ??= issue.message;
  }
  throw new DocumentGenerationError('input', `invalid ${Object.keys(fields).join(', ')}`, {
    fields,
  });
}
