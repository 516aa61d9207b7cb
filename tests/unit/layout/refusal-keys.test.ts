import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { flatten, keyReferences, sourceFiles } from './ui-text-scan';

/**
 * Every refusal the services give names its catalogue text, so the screens can show it in their
 * reader's language. The constructor's type requires a key; this reads the code for the ways a
 * key can still be left out (an English sentence handed over on its own), and holds every
 * `errors.*` key the code names to the catalogue.
 */
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const services = path.join(root, 'electron', 'services');
const english = flatten(
  JSON.parse(readFileSync(path.join(root, 'renderer', 'src', 'i18n', 'en-errors.json'), 'utf8')),
);
const englishKeys = new Set(Object.keys(english).map((k) => k.replace(/_(one|other)$/, '')));

/**
 * The subclasses of AppError whose constructor takes the refusal's text. (A
 * DocumentGenerationError is worded by its stage; its `reason` is English for the log only.)
 */
const refusalClasses = new Set([
  'PhotoError',
  'SealedFileError',
  'PhotoConsentError',
  'ServerUnreachableError',
  'TemplateValidationError',
]);

function isEnglish(expr: ts.Expression, source: ts.SourceFile): boolean {
  if (ts.isStringLiteralLike(expr) || ts.isTemplateExpression(expr)) return true;
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return true;
  }
  if (ts.isConditionalExpression(expr)) {
    return isEnglish(expr.whenTrue, source) || isEnglish(expr.whenFalse, source);
  }
  if (ts.isIdentifier(expr)) {
    // A `const message = '…'` or a `(message: string) =>` parameter in the same file.
    let found = false;
    const visit = (node: ts.Node) => {
      if (
        (ts.isVariableDeclaration(node) || ts.isParameter(node)) &&
        ts.isIdentifier(node.name) &&
        node.name.text === expr.text
      ) {
        if (node.type?.kind === ts.SyntaxKind.StringKeyword) found = true;
        if (ts.isVariableDeclaration(node) && node.initializer && !node.type) {
          if (isEnglish(node.initializer, source)) found = true;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  }
  return false;
}

const hasProperty = (expr: ts.Expression | undefined, name: string) =>
  !!expr &&
  ts.isObjectLiteralExpression(expr) &&
  expr.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === name);

/** Constructions of AppError (`new`, or `super` in a subclass) given English without its key. */
function unkeyedRefusals(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: string[] = [];
  const where = (node: ts.Node) =>
    `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const visit = (node: ts.Node, inRefusalClass: boolean) => {
    let inside = inRefusalClass;
    if (ts.isClassDeclaration(node)) {
      inside = !!node.heritageClauses?.some((h) =>
        h.types.some((t) => t.expression.getText(source) === 'AppError'),
      );
    }
    const isAppErrorCall =
      (ts.isNewExpression(node) && node.expression.getText(source) === 'AppError') ||
      (inside && ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword);
    if (isAppErrorCall) {
      const [, what, options] = (node as ts.NewExpression | ts.CallExpression).arguments ?? [];
      if (what && isEnglish(what, source) && !hasProperty(options, 'text')) found.push(where(node));
      if (hasProperty(options, 'text') && hasProperty(options, 'fields')) {
        if (!hasProperty(options, 'fieldKeys')) found.push(`${where(node)} (fields without keys)`);
      }
    }
    // A subclass given an English sentence where its constructor wants a catalogue text.
    if (ts.isNewExpression(node) && refusalClasses.has(node.expression.getText(source))) {
      const args = node.arguments ?? [];
      if (args.some((a, i) => i > 0 && ts.isStringLiteralLike(a) && /\s/.test(a.text))) {
        found.push(where(node));
      }
    }
    ts.forEachChild(node, (child) => visit(child, inside));
  };
  visit(source, false);
  return found;
}

describe('refusals and their catalogue keys', () => {
  const files = sourceFiles(services, /\.ts$/);

  it('finds the refusals it checks', () => {
    const constructions = files
      .map((f) => readFileSync(f, 'utf8').match(/new AppError\(/g)?.length ?? 0)
      .reduce((a, b) => a + b, 0);
    expect(constructions).toBeGreaterThan(100);
  });

  it('gives no refusal as an English sentence without its key', () => {
    expect(files.flatMap(unkeyedRefusals)).toEqual([]);
  });

  it('notices a refusal given without its key', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'refusals-'));
    const sample = path.join(dir, 'sample.ts');
    writeFileSync(
      sample,
      [
        'export function samples(flag: boolean, message: string) {',
        "  const sentence = 'Nothing here';",
        "  if (flag) throw new AppError('CONFLICT', 'This is English');",
        "  if (flag) throw new AppError('CONFLICT', `Version ${n} was saved`);",
        "  if (flag) throw new AppError('NOT_FOUND', { key: 'errors.noSuchPatient' });",
        "  if (flag) throw new AppError('CONFLICT', sentence);",
        "  if (flag) throw new AppError('CONFLICT', message, { text: { key: 'errors.locked' } });",
        "  if (flag) throw new AppError('CONFLICT', message);",
        "  if (flag) throw new AppError('CONFLICT', flag ? 'A' : 'B');",
        "  if (flag) throw new PhotoError('corrupt', 'The file is damaged.');",
        "  throw new AppError('CONFLICT', message, { text: { key: 'errors.locked' }, fields: {} });",
        '}',
      ].join('\n'),
    );
    try {
      expect(unkeyedRefusals(sample).map((l) => l.replace(/^.*:/, ''))).toEqual([
        '3',
        '4',
        '6',
        '8',
        '9',
        '10',
        '11 (fields without keys)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names only keys the catalogue has', () => {
    const code = [
      ...sourceFiles(services, /\.ts$/),
      ...sourceFiles(path.join(root, 'shared'), /\.ts$/),
      ...sourceFiles(path.join(root, 'renderer', 'src'), /\.(ts|tsx)$/),
    ];
    const refs = keyReferences(code);
    const unknown = [...refs.literals].filter(
      (k) => /^errors\.[\w.-]+$/.test(k) && !englishKeys.has(k),
    );
    const patterns = refs.patterns
      .filter((p) => p.source.startsWith('^errors\\.'))
      .filter((p) => ![...englishKeys].some((k) => p.test(k)))
      .map(String);
    expect([...unknown, ...patterns]).toEqual([]);
  });
});
