import { describe, expect, it } from 'vitest';
import { findTemplateProblems, hasProblems } from '../../../shared/documents/check-template';
import { formatDuration } from '../../../shared/documents/format-duration';
import { shippedLanguages } from '../../../shared/documents/languages';
import { extractPlaceholders } from '../../../shared/documents/placeholders';
import { procedureKinds } from '../../../shared/documents/procedure-kinds';
import type { DocumentTemplate } from '../../../shared/documents/template-schema';
import {
  getDefaultAftercareTemplate,
  getDefaultConsentTemplate,
  getDefaultTemplates,
} from '../../../electron/services/documents/render/default-templates';
import { validateTemplate } from '../../../electron/services/documents/render/validate-template';

/** Every piece of text of a template, in order, for comparing languages part by part. */
function parts(t: DocumentTemplate): { id: string; text: string }[] {
  return [
    { id: 'title', text: t.title },
    ...t.sections.flatMap((s) => [
      { id: `${s.id}.title`, text: s.title },
      { id: `${s.id}.body`, text: s.body },
    ]),
    ...(t.kind === 'aftercare' ? t.items.map((i) => ({ id: i.id, text: i.text })) : []),
  ];
}

/** The digits a text states: "24–48 hours", "2. günden", "3 أيام" all keep their numbers. */
const numbers = (text: string) => (text.match(/\d+/g) ?? []).sort();

const translations = shippedLanguages.filter((l) => l !== 'en');

describe('built-in templates in every shipped language', () => {
  it('exist for each procedure kind and the aftercare sheet, and pass the template checks', () => {
    const templates = getDefaultTemplates();
    expect(templates).toHaveLength(shippedLanguages.length * (procedureKinds.length + 1));
    for (const language of shippedLanguages) {
      const own = templates.filter((t) => t.language === language);
      expect(
        own.filter((t) => t.kind === 'consent').map((t) => t.kind === 'consent' && t.procedureKind),
      ).toEqual([...procedureKinds]);
      expect(own.filter((t) => t.kind === 'aftercare')).toHaveLength(1);
      for (const template of own) {
        expect(validateTemplate(template)).toEqual(template);
        expect(hasProblems(findTemplateProblems(template))).toBe(false);
      }
    }
  });

  it.each(translations)(
    'say in %s what the English says: same sections, items, choices, placeholders and numbers',
    (language) => {
      const pairs: [DocumentTemplate, DocumentTemplate][] = [
        ...procedureKinds.map(
          (kind) =>
            [getDefaultConsentTemplate(kind), getDefaultConsentTemplate(kind, language)] as [
              DocumentTemplate,
              DocumentTemplate,
            ],
        ),
        [getDefaultAftercareTemplate(), getDefaultAftercareTemplate(language)],
      ];
      for (const [en, other] of pairs) {
        expect(other.language).toBe(language);
        expect(other.sections.map((s) => [s.id, s.choice ?? false])).toEqual(
          en.sections.map((s) => [s.id, s.choice ?? false]),
        );
        if (en.kind === 'aftercare' && other.kind === 'aftercare') {
          // Durations, areas and cautions are the clinic's defaults, the same in every language.
          expect(other.items.map(({ text: _t, ...rest }) => rest)).toEqual(
            en.items.map(({ text: _t, ...rest }) => rest),
          );
        }
        const enParts = parts(en);
        parts(other).forEach((part, i) => {
          const source = enParts[i];
          expect(part.id).toBe(source?.id);
          expect(extractPlaceholders(part.text).sort(), part.id).toEqual(
            extractPlaceholders(source?.text ?? '').sort(),
          );
          expect(numbers(part.text), `${language} ${part.id}`).toEqual(numbers(source?.text ?? ''));
          // Translated, not English left in place (a title may keep a product term such as PRP).
          if (part.id !== 'procedure.body') expect(part.text).not.toBe(source?.text);
        });
      }
    },
  );

  it('keeps the prescribed-medicine line in every language and never says to stop a medicine', () => {
    const keepTaking: Record<string, RegExp> = {
      en: /Keep taking prescribed medicines/,
      fr: /Continuez à prendre les médicaments prescrits/,
      tr: /Reçeteli ilaçlarınızı .* kullanmaya devam edin/,
      ar: /استمر في تناول الأدوية الموصوفة/,
    };
    const stopWords: Record<string, RegExp> = {
      en: /\bstop (taking|your|the|any)\b/i,
      fr: /arrêtez|cessez|interrompez/i,
      tr: /bırakın|kesin\b|ara verin/i,
      ar: /توقف عن|أوقف|امتنع عن تناول الأدوية/,
    };
    for (const language of shippedLanguages) {
      const aftercare = getDefaultAftercareTemplate(language);
      const bruising = aftercare.items.find((i) => i.id === 'caution-bruising');
      expect(bruising?.when).toBe('bleeding-risk');
      expect(bruising?.text).toMatch(keepTaking[language] ?? /$^/);
      const all = [aftercare, ...procedureKinds.map((k) => getDefaultConsentTemplate(k, language))]
        .flatMap(parts)
        .map((p) => p.text)
        .join('\n');
      expect(all).not.toMatch(stopWords[language] ?? /$^/);
    }
  });
});

describe('durations in the template language', () => {
  it.each([
    ['en', { min: 8, max: 12, unit: 'hours' }, '8–12 hours'],
    ['en', { min: 1, max: null, unit: 'weeks' }, '1 week'],
    ['fr', { min: 8, max: 12, unit: 'hours' }, '8 à 12 heures'],
    ['fr', { min: 2, max: null, unit: 'weeks' }, '2 semaines'],
    ['tr', { min: 24, max: 48, unit: 'hours' }, '24–48 saat'],
    ['tr', { min: 2, max: null, unit: 'weeks' }, '2 hafta'],
    ['ar', { min: 8, max: 12, unit: 'hours' }, 'من 8 إلى 12 ساعة'],
    ['ar', { min: 3, max: null, unit: 'days' }, '3 أيام'],
    ['ar', { min: 2, max: null, unit: 'weeks' }, 'أسبوعين'],
    ['ar', { min: 48, max: null, unit: 'hours' }, '48 ساعة'],
  ] as const)('%s %j reads "%s"', (language, duration, expected) => {
    expect(formatDuration(duration, language)).toBe(expected);
  });
});
