import {
  extractPlaceholders,
  hasStrayBraces,
  knownPlaceholders,
  type PlaceholderScope,
} from './placeholders';
import { requiredItemIds, requiredSectionIds } from './template-requirements';
import type { DocumentTemplate } from './template-schema';

export interface TemplateProblems {
  missingSections: string[];
  missingItems: string[];
  /** Each unknown name once, in order of first use. */
  unknownPlaceholders: string[];
  /** Field path to message, for the editor to show next to the field. */
  fields: Record<string, string>;
}

/**
 * The checks beyond the schema: required elements present, placeholders known, ids unique.
 * Pure, so the template editor shows the same problems before the main process refuses them.
 */
export function findTemplateProblems(template: DocumentTemplate): TemplateProblems {
  const fields: Record<string, string> = {};
  const unknown = new Set<string>();

  const sectionIds = template.sections.map((s) => s.id);
  const missingSections = requiredSectionIds(template.kind).filter(
    (id) => !sectionIds.includes(id),
  );
  if (missingSections.length > 0) {
    fields['sections'] = `Missing required sections: ${missingSections.join(', ')}`;
  }
  markDuplicates(sectionIds, 'sections', fields);

  const checkText = (text: string, scope: PlaceholderScope, path: string) => {
    const known = knownPlaceholders(template.kind, scope);
    const bad = extractPlaceholders(text).filter((name) => !known.includes(name));
    bad.forEach((name) => unknown.add(name));
    if (bad.length > 0) {
      fields[path] = `Unknown placeholder: ${bad.map((n) => `{{${n}}}`).join(', ')}`;
    } else if (hasStrayBraces(text)) {
      fields[path] = 'A placeholder is not closed: write it as {{name}}';
    }
  };

  checkText(template.title, 'section', 'title');
  template.sections.forEach((section, i) => {
    checkText(section.title, 'section', `sections.${i}.title`);
    checkText(section.body, 'section', `sections.${i}.body`);
  });

  let missingItems: string[] = [];
  if (template.kind === 'aftercare') {
    const itemIds = template.items.map((item) => item.id);
    missingItems = requiredItemIds(template.kind).filter((id) => !itemIds.includes(id));
    if (missingItems.length > 0) {
      fields['items'] = `Missing required items: ${missingItems.join(', ')}`;
    }
    markDuplicates(itemIds, 'items', fields);
    template.items.forEach((item, i) => {
      checkText(item.text, 'item', `items.${i}.text`);
      const usesDuration = extractPlaceholders(item.text).includes('duration');
      if (usesDuration && item.duration === null) {
        fields[`items.${i}.duration`] = 'The text uses {{duration}}: give a duration';
      }
    });
  }

  return { missingSections, missingItems, unknownPlaceholders: [...unknown], fields };
}

export function hasProblems(problems: TemplateProblems): boolean {
  return Object.keys(problems.fields).length > 0;
}

function markDuplicates(ids: string[], path: string, fields: Record<string, string>): void {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) fields[`${path}.${i}.id`] = `The id "${id}" is used twice`;
  });
}
