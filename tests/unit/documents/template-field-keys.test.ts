import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../../renderer/src/i18n/index';
import { fieldErrorText } from '../../../renderer/src/lib/error-text';
import { wordFieldMessagesInScreensLanguage } from '../../../renderer/src/lib/field-text';
import { setFieldWording } from '../../../shared/api/field-text';
import { findTemplateProblems } from '../../../shared/documents/check-template';
import type { TemplateVersionInfo } from '../../../shared/api/documents';
import type { DocumentTemplate } from '../../../shared/documents/template-schema';
import type { ApiError } from '../../../shared/api/result';
import { getDefaultAftercareTemplate } from '../../../electron/services/documents/render/default-templates';
import { startClinic, type TestApp } from '../../support/helpers';

// The template editor's field messages: the services keep the English and name each by its
// catalogue key and values, so a refused template is explained next to its field in the
// reader's language; the editor's own check words them in that language before saving.

const key = { kind: 'consent', procedureKind: 'pigmentation', language: 'fr' } as const;

let app: TestApp;
beforeAll(async () => {
  // As in the main process: nothing words the messages but English.
  setFieldWording(null);
  app = await startClinic();
});
afterAll(async () => {
  await app.close();
  wordFieldMessagesInScreensLanguage();
  await i18n.changeLanguage('en');
});

async function refusalOf(
  change: (body: { sections: { id: string; title: string; body: string }[] }) => void,
): Promise<ApiError> {
  const { info, template } = await app.ok<{
    info: TemplateVersionInfo;
    template: DocumentTemplate;
  }>('documents.template', key);
  const { version: _version, ...rest } = template;
  const body = { ...rest, sections: [...template.sections], baseVersion: info.version };
  change(body);
  const result = await app.call('documents.saveTemplate', body);
  if (result.ok) throw new Error('the template was saved');
  return result.error;
}

describe('a refused template names each field problem by its key', () => {
  it('missing sections: the English for the log, the key and the sections for the screens', async () => {
    const error = await refusalOf((body) => {
      body.sections = body.sections.filter((s) => s.id !== 'alternatives' && s.id !== 'costs');
    });
    expect(error.fields?.['sections']).toBe('Missing required sections: alternatives, costs');
    expect(error.fieldKeys?.['sections']).toEqual({
      key: 'errors.documents.templateField.missingSections',
      params: { sections: 'alternatives, costs' },
    });
    await i18n.changeLanguage('fr');
    expect(fieldErrorText(error, 'sections', error.fields?.['sections'] ?? '')).toBe(
      'Sections obligatoires manquantes : alternatives, costs',
    );
    await i18n.changeLanguage('ar');
    expect(fieldErrorText(error, 'sections', '')).toBe('أقسام مطلوبة ناقصة: alternatives, costs');
  });

  it('an unknown placeholder: named in every language, braces and all', async () => {
    let index = -1;
    const error = await refusalOf((body) => {
      index = body.sections.findIndex((s) => s.id === 'costs');
      body.sections[index] = { ...body.sections[index]!, body: 'Vous payez {{patient.shoeSize}}.' };
    });
    const field = `sections.${index}.body`;
    expect(error.fields?.[field]).toBe('Unknown placeholder: {{patient.shoeSize}}');
    expect(error.fieldKeys?.[field]).toEqual({
      key: 'errors.documents.templateField.unknownPlaceholder',
      params: { placeholders: '{{patient.shoeSize}}' },
    });
    await i18n.changeLanguage('tr');
    expect(fieldErrorText(error, field, '')).toBe('Bilinmeyen yer tutucu: {{patient.shoeSize}}');
  });

  it('a badly shaped template keeps the schema keys of its fields', async () => {
    const error = await refusalOf((body) => {
      body.sections[0] = { ...body.sections[0]!, title: '' };
    });
    const text = error.fieldKeys?.['sections.0.title'];
    expect(text?.key).toMatch(/^validation\./);
    await i18n.changeLanguage('fr');
    expect(fieldErrorText(error, 'sections.0.title', 'Required')).not.toBe('Required');
  });
});

describe("the editor's own check", () => {
  it('words the problems in the screens language, with the same keys', async () => {
    wordFieldMessagesInScreensLanguage();
    await i18n.changeLanguage('fr');
    const template = getDefaultAftercareTemplate();
    template.items = template.items.filter((i) => i.id !== 'no-alcohol');
    const first = template.items[0]!;
    first.text = 'Évitez le soleil pendant {{duration}}';
    first.duration = null;
    template.title = 'Conseils {{patient.fullName}';
    const problems = findTemplateProblems(template);
    expect(problems.fields['items']).toBe('Consignes obligatoires manquantes : no-alcohol');
    expect(problems.fields['items.0.duration']).toBe(
      'Le texte utilise {{duration}} : indiquez une durée',
    );
    expect(problems.fields['title']).toBe(
      'Un champ de fusion n’est pas fermé : écrivez-le sous la forme {{name}}',
    );
    expect(problems.texts['items']).toEqual({
      key: 'errors.documents.templateField.missingItems',
      params: { items: 'no-alcohol' },
    });
    setFieldWording(null);
    expect(findTemplateProblems(template).fields['title']).toBe(
      'A placeholder is not closed: write it as {{name}}',
    );
  });
});
