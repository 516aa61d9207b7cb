import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedLanguages } from '../../../shared/documents/languages';
import {
  baseKey,
  flatten,
  isPluralForm,
  isReferenced,
  keyReferences,
  literalUiText,
  placeholders,
  sourceFiles,
  type Catalogue,
} from './ui-text-scan';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const i18nDir = path.join(root, 'renderer', 'src', 'i18n');
const translations = shippedLanguages.filter((l) => l !== 'en');

/** One file per language and area: `en.json` and `en-audit.json` are mirrored by `fr.json`... */
function areaFiles(language: string): string[] {
  return readdirSync(i18nDir)
    .filter(
      (f) => f === `${language}.json` || (f.startsWith(`${language}-`) && f.endsWith('.json')),
    )
    .map((f) => f.slice(language.length))
    .sort();
}

function catalogue(language: string, area: string): Catalogue {
  const file = path.join(i18nDir, `${language}${area}`);
  return flatten(JSON.parse(readFileSync(file, 'utf8')) as unknown);
}

/** The plural forms a language needs, as i18next asks for them (from the CLDR rules). */
const pluralForms = (language: string) =>
  new Intl.PluralRules(language).resolvedOptions().pluralCategories;

/** The keys a language must have for one English area: each plural key in all its forms. */
function expectedKeys(english: Catalogue, language: string): string[] {
  const keys = new Set<string>();
  for (const key of Object.keys(english)) {
    if (isPluralForm(key)) {
      for (const form of pluralForms(language)) keys.add(`${baseKey(key)}_${form}`);
    } else keys.add(key);
  }
  return [...keys].sort();
}

const areas = areaFiles('en');

describe('the screens in every language', () => {
  it('has the English areas of the catalogue', () => {
    expect(areas).toContain('.json');
    expect(areas.length).toBeGreaterThan(5);
  });

  it.each(translations)('%s has an area file for each English one, and no other', (language) => {
    expect(areaFiles(language)).toEqual(areas);
  });

  it.each(translations)(
    '%s has every key, in each of its plural forms, and no stray one',
    (language) => {
      const problems: string[] = [];
      for (const area of areas) {
        const english = catalogue('en', area);
        const own = catalogue(language, area);
        const expected = expectedKeys(english, language);
        for (const key of expected) if (!(key in own)) problems.push(`${area}: missing ${key}`);
        for (const key of Object.keys(own)) {
          if (!expected.includes(key)) problems.push(`${area}: not in English ${key}`);
          else if (own[key]!.trim() === '') problems.push(`${area}: empty ${key}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(translations)('%s keeps the placeholders of each English text', (language) => {
    const problems: string[] = [];
    for (const area of areas) {
      const english = catalogue('en', area);
      const own = catalogue(language, area);
      for (const [key, text] of Object.entries(own)) {
        const source = english[key] ?? english[`${baseKey(key)}_other`];
        if (source === undefined) continue;
        const want = placeholders(source).join(',');
        const got = placeholders(text).join(',');
        if (want !== got) problems.push(`${language}${area} ${key}: {${got}} for {${want}}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(translations)('%s is a translation, not the English text copied', (language) => {
    let same = 0;
    let total = 0;
    for (const area of areas) {
      const english = catalogue('en', area);
      for (const [key, text] of Object.entries(catalogue(language, area))) {
        total += 1;
        // Placeholders, units and shared words ("Patient", "Date", "Nappage" in French) may
        // rightly stay; a catalogue copied from English would be the same almost throughout.
        const words = text.replace(/\{\{[^}]*\}\}/g, '');
        if (english[key] === text && /\p{L}{4,}/u.test(words)) same += 1;
      }
    }
    expect(total).toBeGreaterThan(1000);
    expect(same / total).toBeLessThan(0.08);
  });
});

describe('the code and the catalogue', () => {
  const code = [
    ...sourceFiles(path.join(root, 'renderer', 'src'), /\.(ts|tsx)$/),
    ...sourceFiles(path.join(root, 'shared'), /\.ts$/),
    ...sourceFiles(path.join(root, 'electron', 'services'), /\.ts$/),
  ];
  const refs = keyReferences(code);
  // A text may nest another (`$t(diary.status.{{from}})`): the nested key is used too.
  for (const area of areas) {
    for (const text of Object.values(catalogue('en', area))) {
      for (const [, nested] of text.matchAll(/\$t\(([^)]+)\)/g)) {
        const pattern = nested!
          .split(/\{\{[^}]*\}\}/)
          .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.+');
        refs.patterns.push(new RegExp(`^${pattern}$`));
      }
    }
  }

  it('uses every key of the catalogue', () => {
    const unused = areas.flatMap((area) =>
      Object.keys(catalogue('en', area))
        .filter((key) => !isReferenced(key, refs))
        .map((key) => `en${area} ${key}`),
    );
    expect(unused).toEqual([]);
  });

  it('shows no literal text: JSX text and spoken attributes come from the catalogue', () => {
    const screens = sourceFiles(path.join(root, 'renderer', 'src'), /\.tsx$/);
    expect(screens.length).toBeGreaterThan(50);
    const literals = literalUiText(screens, root).map((l) => `${l.file}:${l.line} ${l.text}`);
    expect(literals).toEqual([]);
  });

  it('the literal check finds text, spoken attributes and shown string values', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ui-text-'));
    const file = path.join(dir, 'Sample.tsx');
    writeFileSync(
      file,
      `export const A = ({ t, ok }: any) => (
        <div aria-label="Patient card" title={t('x.y')}>
          Save now {ok ? 'Ready' : t('a.b')} {'·'} <img alt="" />
          <span placeholder={ok && 'Type here'}>{t('c.d', { n: 'Name' })}</span>
        </div>
      );`,
    );
    try {
      expect(literalUiText([file], dir).map((l) => l.text)).toEqual([
        'aria-label="Patient card"',
        'Save now',
        'Ready',
        'placeholder="Type here"',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
