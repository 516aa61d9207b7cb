import { formatDuration } from '../../../../shared/documents/format-duration';
import { replacePlaceholders } from '../../../../shared/documents/placeholders';
import type { DocumentTemplate } from '../../../../shared/documents/template-schema';
import type { PlaceholderValues } from './placeholder-values';
import { validateTemplate } from './validate-template';

export interface RenderedSection {
  id: string;
  title: string;
  body: string;
  choice: boolean;
}

export interface RenderedTemplateText {
  title: string;
  sections: RenderedSection[];
  /** Empty for a consent template. */
  items: { id: string; text: string }[];
}

/** Printed where a known placeholder has no value, so the gap can be filled in by hand. */
const blank = '________';

/**
 * Fills a template's placeholders. The template is validated first, so an unknown placeholder
 * is refused by name rather than printed as an empty gap on a form someone signs.
 */
export function renderTemplateText(
  template: DocumentTemplate,
  values: PlaceholderValues,
): RenderedTemplateText {
  const valid = validateTemplate(template);
  const lookup = (extra: Record<string, string>) => (name: string) => {
    const value = extra[name] ?? values[name as keyof PlaceholderValues];
    return value === undefined || value === '' ? blank : value;
  };
  const fill = (text: string) => replacePlaceholders(text, lookup({}));

  return {
    title: fill(valid.title),
    sections: valid.sections.map((s) => ({
      id: s.id,
      title: fill(s.title),
      body: fill(s.body),
      choice: s.choice ?? false,
    })),
    items:
      valid.kind === 'aftercare'
        ? valid.items.map((item) => ({
            id: item.id,
            text: replacePlaceholders(
              item.text,
              lookup(
                item.duration ? { duration: formatDuration(item.duration, valid.language) } : {},
              ),
            ),
          }))
        : [],
  };
}
