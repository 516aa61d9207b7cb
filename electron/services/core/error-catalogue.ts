// The English catalogue of refusals, read by the services so the English `message` of every
// AppError is the catalogue's own text: the reference wording and the screens' text can't drift.
import catalogue from '../../../renderer/src/i18n/en-errors.json' with { type: 'json' };
import type { ErrorText } from '../../../shared/api/result';

/** `{ a: { b: 'x' } }` as 'a.b'. */
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

/** A plural key as the code names it: `errors.rateLimited_one` is asked for as `errors.rateLimited`. */
type PluralBase<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

/** Every key of the refusal catalogue: a key the catalogue lacks does not compile. */
export type ErrorKey = PluralBase<Leaves<typeof catalogue>>;

/** A refusal's catalogue key and the values its text names (counts, names, dates). */
export interface Refusal extends ErrorText {
  key: ErrorKey;
}

const englishPlural = new Intl.PluralRules('en');

function lookup(key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The English text of a refusal, as i18next would give it in English: the plural form chosen by
 * `count`, each `{{name}}` replaced by its value (`{{name, number}}` formatted), then each nested
 * `$t(key)` by that key's text.
 */
export function englishText(text: ErrorText): string {
  const count = text.params?.['count'];
  const wording =
    (typeof count === 'number'
      ? lookup(`${text.key}_${englishPlural.select(count)}`)
      : undefined) ?? lookup(text.key);
  if (wording === undefined) return text.key;
  const filled = wording.replace(
    /\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g,
    (whole, name: string, format: string | undefined) => {
      const value = text.params?.[name];
      if (value === undefined) return whole;
      // `{{max, number}}`: grouped as English writes numbers (20,000).
      return format === 'number' && typeof value === 'number'
        ? value.toLocaleString('en')
        : String(value);
    },
  );
  // `$t(errors.sessions.area.cheeks)`: a word the catalogue keeps once, nested as i18next does.
  return filled.replace(/\$t\(([\w.-]+)\)/g, (whole, key: string) => lookup(key) ?? whole);
}
