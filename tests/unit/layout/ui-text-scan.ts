import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Reads the screens' source the way a translator's checklist would: which catalogue keys the
 * code can reach, and which words a user would see that do not come from a catalogue.
 */

export type Catalogue = Record<string, string>;

export function sourceFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file, pattern);
    return pattern.test(name) && !name.endsWith('.d.ts') ? [file] : [];
  });
}

/** A nested catalogue as dotted keys: `{ a: { b: 'x' } }` is `a.b`. */
export function flatten(tree: unknown, prefix = ''): Catalogue {
  const out: Catalogue = {};
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[dotted] = value;
    else Object.assign(out, flatten(value, dotted));
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The key as the code asks for it: `items_one` and `items_other` are both `items`. */
export function baseKey(key: string): string {
  return key.replace(PLURAL, '');
}

export function isPluralForm(key: string): boolean {
  return PLURAL.test(key);
}

/** `{{name}}` placeholders of a text, `count` apart: a plural form may spell the number out. */
export function placeholders(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!);
  return [...new Set(names)].filter((n) => n !== 'count').sort();
}

/**
 * Every way the code names a key: a string literal that is a whole key, and a template literal
 * (`techniques.${t}`) read as a pattern whose holes stand for any key segments.
 */
export interface KeyReferences {
  literals: Set<string>;
  patterns: RegExp[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function keyReferences(files: string[]): KeyReferences {
  const literals = new Set<string>();
  const patterns: RegExp[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        literals.add(node.text);
      } else if (ts.isTemplateExpression(node)) {
        const parts = [escape(node.head.text)];
        for (const span of node.templateSpans) parts.push('.+', escape(span.literal.text));
        const pattern = parts.join('');
        // A template of holes alone (`${a}${b}`) says nothing about which keys it names.
        if (/[A-Za-z]/.test(pattern)) patterns.push(new RegExp(`^${pattern}$`));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, patterns };
}

export function isReferenced(key: string, refs: KeyReferences): boolean {
  const base = baseKey(key);
  if (refs.literals.has(base) || refs.literals.has(key)) return true;
  return refs.patterns.some((p) => p.test(base) || p.test(key));
}

/** Attributes whose value a user reads or hears; they must come from t() like visible text. */
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'title',
  'placeholder',
  'label',
  'description',
  'alt',
  'error',
  'confirmLabel',
  'cancelLabel',
]);

export interface Literal {
  file: string;
  line: number;
  text: string;
}

// Words, not punctuation or symbols: "·", "—", "×" and "%" are the same in every language.
const hasWords = (s: string) => /\p{L}{2,}/u.test(s);

/** The string literals an expression can evaluate to as it stands (not arguments of calls). */
function shownLiterals(
  expr: ts.Expression,
): (ts.StringLiteral | ts.NoSubstitutionTemplateLiteral)[] {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
    return hasWords(expr.text) ? [expr] : [];
  }
  if (ts.isParenthesizedExpression(expr)) return shownLiterals(expr.expression);
  if (ts.isConditionalExpression(expr)) {
    return [...shownLiterals(expr.whenTrue), ...shownLiterals(expr.whenFalse)];
  }
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return shownLiterals(expr.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      return [...shownLiterals(expr.left), ...shownLiterals(expr.right)];
    }
  }
  return [];
}

/** Literal text in JSX and in spoken attributes, which would stay English in every language. */
export function literalUiText(files: string[], root: string): Literal[] {
  const found: Literal[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    const report = (node: ts.Node, text: string) => {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push({ file: path.relative(root, file), line: line + 1, text: text.trim() });
    };
    const visit = (node: ts.Node) => {
      if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
      // {ready ? 'Ready' : label} among an element's children is shown as it is.
      if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
        for (const l of shownLiterals(node.expression)) report(l, l.text);
      }
      if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText(source))) {
        const init = node.initializer;
        const value =
          init && ts.isStringLiteral(init)
            ? shownLiterals(init)
            : init && ts.isJsxExpression(init) && init.expression
              ? shownLiterals(init.expression)
              : [];
        for (const l of value) report(node, `${node.name.getText(source)}="${l.text}"`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
