import { describe, expect, it } from 'vitest';
import { findTemplateProblems } from '../../../shared/documents/check-template';
import { procedureKinds } from '../../../shared/documents/procedure-kinds';
import { shippedLanguages } from '../../../shared/documents/languages';
import {
  requiredAftercareItems,
  requiredConsentSections,
} from '../../../shared/documents/template-requirements';
import { documentTemplateSchema } from '../../../shared/documents/template-schema';
import {
  getDefaultAftercareTemplate,
  getDefaultConsentTemplate,
  getDefaultTemplates,
} from '../../../electron/services/documents/render/default-templates';
import { TemplateValidationError } from '../../../electron/services/documents/render/document-errors';
import { renderTemplateText } from '../../../electron/services/documents/render/render-template-text';
import { validateTemplate } from '../../../electron/services/documents/render/validate-template';

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('Expected an error');
}

describe('default templates', () => {
  it('has one consent per procedure kind and one aftercare in each language, all valid', () => {
    const templates = getDefaultTemplates();
    expect(templates).toHaveLength(shippedLanguages.length * (procedureKinds.length + 1));
    for (const template of templates) {
      expect(validateTemplate(template)).toEqual(template);
      expect(documentTemplateSchema.safeParse(template).success).toBe(true);
    }
  });

  it('gives the aftercare items their default durations', () => {
    const items = getDefaultAftercareTemplate().items;
    // Every required instruction, then the ones that fit a treatment: scalp washing, cautions.
    expect(items.map((i) => i.id)).toEqual(
      expect.arrayContaining(requiredAftercareItems.map((i) => i.id)),
    );
    expect(items.find((i) => i.id === 'scalp-washing')?.areas).toEqual(['scalp']);
    expect(items.filter((i) => i.when).map((i) => i.when)).toContain('bleeding-risk');
    expect(items.find((i) => i.id === 'no-washing')?.duration).toEqual({
      min: 8,
      max: 12,
      unit: 'hours',
    });
    expect(items.find((i) => i.id === 'no-other-treatments')?.duration).toEqual({
      min: 2,
      max: null,
      unit: 'weeks',
    });
  });
});

describe('validateTemplate', () => {
  it('refuses a consent template missing a required section and names it', () => {
    const template = getDefaultConsentTemplate('hair-loss');
    template.sections = template.sections.filter(
      (s) => s.id !== 'costs' && s.id !== 'alternatives',
    );
    const error = catchError(() => validateTemplate(template));
    expect(error).toBeInstanceOf(TemplateValidationError);
    const e = error as TemplateValidationError;
    expect(e.code).toBe('VALIDATION');
    expect(e.missingSections).toEqual(['alternatives', 'costs']);
    // The form's message is the catalogue's; the field's message names what is missing.
    expect(e.message).toBe('The template cannot be used; each problem is marked');
    expect(e.text).toEqual({ key: 'errors.documents.templateUnusable' });
    expect(e.fields?.['sections']).toContain('costs');
    expect(e.fields?.['sections']).toContain('alternatives');
  });

  it('requires every consent element of the clinical reference', () => {
    const template = getDefaultConsentTemplate('prp');
    template.sections = [];
    // An empty list fails the schema first; one unrelated section reaches the element check.
    template.sections.push({ id: 'intro', title: 'Intro', body: 'Hello' });
    const e = catchError(() => validateTemplate(template)) as TemplateValidationError;
    expect(e.missingSections).toEqual(requiredConsentSections.map((s) => s.id));
  });

  it('refuses an aftercare template missing a required item and names it', () => {
    const template = getDefaultAftercareTemplate();
    template.items = template.items.filter((i) => i.id !== 'no-alcohol');
    const e = catchError(() => validateTemplate(template)) as TemplateValidationError;
    expect(e).toBeInstanceOf(TemplateValidationError);
    expect(e.missingItems).toEqual(['no-alcohol']);
    expect(e.fields?.['items']).toContain('no-alcohol');
  });

  it('reports unknown placeholders by name, with the field that holds them', () => {
    const template = getDefaultConsentTemplate('pigmentation');
    const costs = template.sections.findIndex((s) => s.id === 'costs');
    template.sections[costs] = {
      id: 'costs',
      title: 'Costs',
      body: 'Each session costs {{price.perSession}}; the course {{ price.course }}. {{clinic.name}}',
    };
    const e = catchError(() => validateTemplate(template)) as TemplateValidationError;
    expect(e).toBeInstanceOf(TemplateValidationError);
    expect(e.unknownPlaceholders).toEqual(['price.perSession', 'price.course']);
    expect(e.missingSections).toEqual([]);
    expect(e.fields?.[`sections.${costs}.body`]).toContain('{{price.perSession}}');
  });

  it('knows which placeholders belong to which kind', () => {
    const consent = getDefaultConsentTemplate('prp');
    consent.title = 'Consent on {{session.date}} for {{duration}}';
    const e = catchError(() => validateTemplate(consent)) as TemplateValidationError;
    expect(e.unknownPlaceholders).toEqual(['session.date', 'duration']);

    const aftercare = getDefaultAftercareTemplate();
    aftercare.sections.push({ id: 'extra', title: 'Extra', body: 'Seen on {{session.date}}' });
    expect(() => validateTemplate(aftercare)).not.toThrow();
    aftercare.sections.push({ id: 'extra-2', title: 'More', body: 'For {{duration}}' });
    const e2 = catchError(() => validateTemplate(aftercare)) as TemplateValidationError;
    expect(e2.unknownPlaceholders).toEqual(['duration']);
  });

  it('refuses a malformed placeholder and an item using {{duration}} without one', () => {
    const consent = getDefaultConsentTemplate('prp');
    consent.title = 'Consent for {{patient.fullName}';
    const e = catchError(() => validateTemplate(consent)) as TemplateValidationError;
    expect(e.fields?.['title']).toMatch(/not closed/);

    const aftercare = getDefaultAftercareTemplate();
    const first = aftercare.items[0];
    if (!first) throw new Error('no items');
    first.duration = null;
    const e2 = catchError(() => validateTemplate(aftercare)) as TemplateValidationError;
    expect(e2.fields?.['items.0.duration']).toMatch(/duration/);
  });

  it('refuses a badly shaped template with field paths', () => {
    const e = catchError(() =>
      validateTemplate({ kind: 'consent', procedureKind: 'tattoo', version: 0 }),
    ) as TemplateValidationError;
    expect(e).toBeInstanceOf(TemplateValidationError);
    expect(Object.keys(e.fields ?? {})).toEqual(
      expect.arrayContaining(['procedureKind', 'version', 'sections']),
    );
  });

  it('reports duplicate ids', () => {
    const template = getDefaultConsentTemplate('prp');
    const first = template.sections[0];
    if (!first) throw new Error('no sections');
    template.sections.push({ ...first });
    const problems = findTemplateProblems(template);
    expect(Object.values(problems.fields).join()).toContain('"procedure" is used twice');
  });
});

describe('renderTemplateText', () => {
  it('fills placeholders and item durations', () => {
    const text = renderTemplateText(getDefaultAftercareTemplate(), {
      'clinic.phone': '+44 20 7946 0000',
    });
    expect(text.items.find((i) => i.id === 'no-washing')?.text).toBe(
      'Do not wash the treated area for 8–12 hours.',
    );
    expect(text.items.find((i) => i.id === 'caution-alcohol')?.text).toContain('48 hours');
    expect(text.items.find((i) => i.id === 'no-make-up')?.text).toContain('12 hours');
    expect(text.sections.find((s) => s.id === 'when-to-call')?.body).toContain(
      'Tel. +44 20 7946 0000',
    );
  });

  it('prints a blank line for a known placeholder without a value', () => {
    const text = renderTemplateText(getDefaultConsentTemplate('prp'), {
      'patient.fullName': 'Νίκος',
    });
    const declaration = text.sections.find((s) => s.id === 'declaration')?.body ?? '';
    expect(declaration).toContain('I, Νίκος, have read');
    expect(declaration).toContain('with ________ at ________');
  });

  it('refuses to render a template with an unknown placeholder', () => {
    const template = getDefaultConsentTemplate('prp');
    template.title = 'Consent {{patient.nickname}}';
    const e = catchError(() => renderTemplateText(template, {})) as TemplateValidationError;
    expect(e).toBeInstanceOf(TemplateValidationError);
    expect(e.fields?.['title']).toMatch(/patient\.nickname/);
  });
});
