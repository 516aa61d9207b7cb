import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';

/** The fields showing a message of the form's own checks (not one the service sent back). */
function checkedFields(node: unknown, path: string[] = []): string[] {
  if (!node || typeof node !== 'object') return [];
  const entry = node as Record<string, unknown>;
  if (typeof entry.type === 'string' && typeof entry.message === 'string') {
    return entry.type === 'server' || path.length === 0 ? [] : [path.join('.')];
  }
  return Object.entries(entry).flatMap(([key, child]) =>
    key === 'ref' ? [] : checkedFields(child, key === 'root' ? path : [...path, key]),
  );
}

/**
 * Rewords a form's field messages as soon as the screens change language: the fields that show
 * a message of the form's own checks are checked again, which words their messages anew (see
 * lib/field-text.ts). Nothing typed changes, and a message the service sent back stays as it is
 * until the next save.
 */
export function useFieldMessagesFollowLanguage<T extends FieldValues, C, R>(
  form: UseFormReturn<T, C, R>,
): void {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const worded = useRef(language);
  useEffect(() => {
    if (worded.current === language) return;
    worded.current = language;
    const fields = checkedFields(form.formState.errors);
    if (fields.length > 0) void form.trigger(fields as Path<T>[]);
  }, [language, form]);
}
