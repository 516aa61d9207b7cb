import {
  extractPlaceholders,
  hasStrayBraces,
  knownPlaceholders,
  type PlaceholderScope,
} from './placeholders';
import { fieldMessage, textOfMessage } from '../api/field-text';
import type { ErrorText } from '../api/result';
import { requiredItemIds, requiredSectionIds } from './template-requirements';
import type { DocumentTemplate } from './template-schema';

export interface TemplateProblems {
  missingSections: string[];
  missingItems: string[];
  /** Each unknown name once, in order of first use. */
  unknownPlaceholders: string[];
  /** Field path to message, for the editor to show next to the field. */
  fields: Record<string, string>;
  /** Each field message's catalogue key and values, for the screens' language. */
  texts: Record<string, ErrorText>;
}

/** Puts a field message (made by fieldMessage, which remembers its key and values) at its path. */
type Mark = (path: string, message: string) => void;

/**
 * The checks beyond the schema: required elements present, placeholders known, ids unique.
 * Pure, so the template editor shows the same problems before the main process refuses them.
 */
export function findTemplateProblems(template: DocumentTemplate): TemplateProblems {
  const fields: Record<string, string> = {};
  const texts: Record<string, ErrorText> = {};
  // English where the services check, the screens' language where the editor checks (the
  // wording the screens install), with the catalogue key and values beside it either way.
  // Each message names its key in full where it is made, so the catalogue test can read it.
  const mark: Mark = (path, message) => {
    fields[path] = message;
    const text = textOfMessage(message);
    if (text) texts[path] = text;
  };
  const unknown = new Set<string>();

  const sectionIds = template.sections.map((s) => s.id);
  const missingSections = requiredSectionIds(template.kind).filter(
    (id) => !sectionIds.includes(id),
  );
  if (missingSections.length > 0) {
    mark(
      'sections',
      fieldMessage(
        'errors.documents.templateField.missingSections',
        'Missing required sections: {{sections}}',
        { sections: missingSections.join(', ') },
      ),
    );
  }
  markDuplicates(sectionIds, 'sections', mark);

  const checkText = (text: string, scope: PlaceholderScope, path: string) => {
    const known = knownPlaceholders(template.kind, scope);
    const bad = extractPlaceholders(text).filter((name) => !known.includes(name));
    bad.forEach((name) => unknown.add(name));
    if (bad.length > 0) {
      mark(
        path,
        fieldMessage(
          'errors.documents.templateField.unknownPlaceholder',
          'Unknown placeholder: {{placeholders}}',
          { placeholders: bad.map((n) => `{{${n}}}`).join(', ') },
        ),
      );
    } else if (hasStrayBraces(text)) {
      // The braces are a value, not part of the wording: the catalogue would read them as one.
      mark(
        path,
        fieldMessage(
          'errors.documents.templateField.notClosed',
          'A placeholder is not closed: write it as {{example}}',
          { example: '{{name}}' },
        ),
      );
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
      mark(
        'items',
        fieldMessage(
          'errors.documents.templateField.missingItems',
          'Missing required items: {{items}}',
          { items: missingItems.join(', ') },
        ),
      );
    }
    markDuplicates(itemIds, 'items', mark);
    template.items.forEach((item, i) => {
      checkText(item.text, 'item', `items.${i}.text`);
      const usesDuration = extractPlaceholders(item.text).includes('duration');
      if (usesDuration && item.duration === null) {
        mark(
          `items.${i}.duration`,
          fieldMessage(
            'errors.documents.templateField.needsDuration',
            'The text uses {{placeholder}}: give a duration',
            { placeholder: '{{duration}}' },
          ),
        );
      }
    });
  }

  return { missingSections, missingItems, unknownPlaceholders: [...unknown], fields, texts };
}

export function hasProblems(problems: TemplateProblems): boolean {
  return Object.keys(problems.fields).length > 0;
}

function markDuplicates(ids: string[], path: string, mark: Mark): void {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) {
      mark(
        `${path}.${i}.id`,
        fieldMessage('errors.documents.templateField.usedTwice', 'The id "{{id}}" is used twice', {
          id,
        }),
      );
    }
  });
}
