/**
 * Turns a medicine line as people write it into tokens for matching, keeping each token's place in
 * the original text so the UI can show what was recognised. Only Latin-script folding is done:
 * accents are dropped (Aspégic -> aspegic) and a few letters without a decomposition are mapped.
 */

export interface Token {
  /** Lower-case, accent-free, singular form used for matching. */
  readonly norm: string;
  /** Offsets in the original line (end exclusive). */
  readonly start: number;
  readonly end: number;
}

const letterMap: Readonly<Record<string, string>> = {
  ß: 'ss',
  ı: 'i',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
};

const apostrophes = new Set(["'", '\u2019', '\u02bc', '`']);

function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  const mapped = letterMap[lower];
  if (mapped !== undefined) return mapped;
  return lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Plural and possessive "s" is dropped on both sides of the comparison (names are normalised the
 * same way), so "fish oils" meets "fish oil" exactly. Endings where the s belongs to the word stay.
 */
function singular(word: string): string {
  if (word.length < 4 || !word.endsWith('s')) return word;
  if (/(ss|us|is|ys)$/.test(word)) return word;
  return word.slice(0, -1);
}

interface RawToken {
  text: string;
  start: number;
  end: number;
}

/** Splits "5mg" and "omega3" but keeps short letter-number codes such as b12, d3, q10 whole. */
function splitLettersAndDigits(raw: RawToken): RawToken[] {
  const parts: RawToken[] = [];
  const re = /[a-z]+|[0-9]+/g;
  for (let m = re.exec(raw.text); m !== null; m = re.exec(raw.text)) {
    parts.push({ text: m[0], start: raw.start + m.index, end: raw.start + m.index + m[0].length });
  }
  const merged: RawToken[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (part === undefined) continue;
    if (next !== undefined && /^[a-z]{1,2}$/.test(part.text) && /^[0-9]+$/.test(next.text)) {
      merged.push({ text: part.text + next.text, start: part.start, end: next.end });
      i++;
    } else {
      merged.push(part);
    }
  }
  return merged;
}

/**
 * The raw text is folded one character at a time so that token offsets stay those of the
 * original line even when a character folds to two letters or to nothing.
 */
export function tokenise(line: string): Token[] {
  const raws: RawToken[] = [];
  let current = '';
  let start = -1;
  let end = -1;
  const flush = (): void => {
    if (current !== '') raws.push({ text: current, start, end });
    current = '';
    start = -1;
  };
  let index = 0;
  for (const ch of line) {
    const width = ch.length;
    const folded = foldChar(ch);
    if (folded !== '' && /^[a-z0-9]+$/.test(folded)) {
      if (current === '') start = index;
      current += folded;
      end = index + width;
    } else if (apostrophes.has(ch) && current !== '') {
      // "John's" is one word: the apostrophe joins rather than splits.
    } else if (folded === '' && current !== '') {
      // A lone combining mark continues the word it belongs to.
      end = index + width;
    } else {
      flush();
    }
    index += width;
  }
  flush();
  return raws.flatMap(splitLettersAndDigits).map((raw) => ({
    norm: singular(raw.text),
    start: raw.start,
    end: raw.end,
  }));
}

/** The normalised token sequence of a reference name. */
export function normaliseName(name: string): string[] {
  return tokenise(name).map((t) => t.norm);
}
