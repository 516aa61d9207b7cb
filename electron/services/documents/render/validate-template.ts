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
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.') || 'template';
      fields[path] ??= issue.message;
    }
    throw new TemplateValidationError('notWellFormed', { fields });
  }

  const problems = findTemplateProblems(parsed.data);
  if (Object.keys(problems.fields).length > 0) {
    throw new TemplateValidationError('unusable', problems);
  }
  return parsed.data;
}
