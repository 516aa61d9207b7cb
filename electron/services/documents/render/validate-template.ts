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
    throw new TemplateValidationError('The template is not well formed', { fields });
  }

  const problems = findTemplateProblems(parsed.data);
  const parts: string[] = [];
  if (problems.missingSections.length > 0) {
    parts.push(`missing required sections: ${problems.missingSections.join(', ')}`);
  }
  if (problems.missingItems.length > 0) {
    parts.push(`missing required items: ${problems.missingItems.join(', ')}`);
  }
  if (problems.unknownPlaceholders.length > 0) {
    parts.push(`unknown placeholders: ${problems.unknownPlaceholders.join(', ')}`);
  }
  if (parts.length === 0 && Object.keys(problems.fields).length > 0) {
    parts.push(Object.values(problems.fields).join('; '));
  }
  if (parts.length > 0) {
    throw new TemplateValidationError(`The template cannot be used: ${parts.join('; ')}`, problems);
  }
  return parsed.data;
}
