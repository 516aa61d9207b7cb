import { textOfMessage } from '../../../../shared/api/field-text';
import type { ErrorText } from '../../../../shared/api/result';
import { findTemplateProblems } from '../../../../shared/documents/check-template';
import {
  documentTemplateSchema,
  type DocumentTemplate,
} from '../../../../shared/documents/template-schema';
import { TemplateValidationError } from './document-errors';

/**
 * Parses and checks a template before it is saved or used to render. Throws a
 * TemplateValidationError naming the missing sections and items and the unknown placeholders.
 */
export function validateTemplate(template: unknown): DocumentTemplate {
  const parsed = documentTemplateSchema.safeParse(template);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    const texts: Record<string, ErrorText> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.') || 'template';
      if (path in fields) continue;
      fields[path] = issue.message;
      // The schemas' messages are keyed (shared/api/field-text), as the wrapper's refusals are.
      const text = textOfMessage(issue.message);
      if (text) texts[path] = text;
    }
    throw new TemplateValidationError('notWellFormed', { fields, texts });
  }

  const problems = findTemplateProblems(parsed.data);
  if (Object.keys(problems.fields).length > 0) {
    throw new TemplateValidationError('unusable', problems);
  }
  return parsed.data;
}
