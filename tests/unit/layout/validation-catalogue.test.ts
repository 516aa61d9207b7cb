import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fieldLabels } from '../../../shared/api/field-labels';
import { flatten, placeholders, sourceFiles } from './ui-text-scan';

/**
 * The schemas' field messages against the validation catalogue: each message names its key and
 * gives its English (`keyed`, `fieldMessage`), the English catalogue reads exactly as that English,
 * and no check of a shared schema is left with an English-only message. (The other languages are
 * held to the English catalogue by ui-languages.test.ts, like every area.)
 */

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const englishOf = (file: string) =>
  flatten(JSON.parse(readFileSync(path.join(root, 'renderer', 'src', 'i18n', file), 'utf8')));
// Field messages mostly live in the validation catalogue; a few name a refusal's own text in the
// errors catalogue (a template's problems, errors.documents.templateField.*), held the same way.
const english = { ...englishOf('en-validation.json'), ...englishOf('en-errors.json') };
const code = [
  ...sourceFiles(path.join(root, 'shared'), /\.ts$/),
  ...sourceFiles(path.join(root, 'renderer', 'src'), /\.tsx?$/),
  ...sourceFiles(path.join(root, 'electron', 'services'), /\.ts$/),
];

interface Site {
  where: string;
  node: ts.CallExpression;
  source: ts.SourceFile;
}

/** The names a file takes from shared/api/field-text.ts (its own, in that file). */
function fieldTextNames(file: string, source: ts.SourceFile): Set<string> {
  if (file.endsWith(path.join('shared', 'api', 'field-text.ts'))) {
    return new Set(['keyed', 'fieldMessage']);
  }
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text.endsWith('/field-text') &&
      statement.importClause?.namedBindings &&
      ts.isNamedImports(statement.importClause.namedBindings)
    ) {
      for (const element of statement.importClause.namedBindings.elements) {
        names.add(element.name.text);
      }
    }
  }
  return names;
}

function calls(
  files: string[],
  accept: (call: ts.CallExpression, fromFieldText: Set<string>) => boolean,
): Site[] {
  const found: Site[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const imported = fieldTextNames(file, source);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && accept(node, imported)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push({ where: `${path.relative(root, file)}:${line + 1}`, node, source });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const literal = (node: ts.Node | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    ? node.text
    : undefined;

const nameOf = (name: ts.PropertyName): string =>
  ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : '';

describe('the schemas’ field messages and their catalogue', () => {
  const keyedSites = calls(
    code,
    (c, imported) =>
      ts.isIdentifier(c.expression) &&
      ['keyed', 'fieldMessage'].includes(c.expression.text) &&
      imported.has(c.expression.text),
  );

  it('each keyed message gives its key and English as written text, and the English catalogue reads the same', () => {
    expect(keyedSites.length).toBeGreaterThan(150);
    const problems: string[] = [];
    for (const { where, node } of keyedSites) {
      const [keyArg, englishArg] = node.arguments;
      const key = literal(keyArg);
      const text = literal(englishArg);
      if (key === undefined || text === undefined) {
        // The definitions themselves pass their parameters on.
        if (where.startsWith(path.join('shared', 'api', 'field-text.ts'))) continue;
        problems.push(`${where}: key and English must be written out`);
      } else if (!(key in english)) {
        problems.push(`${where}: ${key} is not in en-validation.json or en-errors.json`);
      } else if (english[key] !== text) {
        problems.push(`${where}: ${key} reads "${english[key]}" in the catalogue, "${text}" here`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the values a message gives are the placeholders of its English', () => {
    const problems: string[] = [];
    for (const { where, node } of keyedSites) {
      const key = literal(node.arguments[0]);
      const params = node.arguments[2];
      if (key === undefined || !(key in english)) continue;
      // Values given by a variable are checked by the unit tests of their messages.
      if (params && !ts.isObjectLiteralExpression(params)) continue;
      const given = (params?.properties ?? [])
        .flatMap((p) =>
          ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)
            ? [nameOf(p.name)]
            : ts.isSpreadAssignment(p)
              ? ['label']
              : [],
        )
        .sort();
      const wanted = placeholders(english[key]!);
      if (given.join() !== wanted.join()) {
        problems.push(`${where}: ${key} gets {${given.join()}}, its text uses {${wanted.join()}}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every field name a message can give is in the catalogue, in the same English', () => {
    const labelKeys = Object.keys(english).filter((k) => k.startsWith('validation.labels.'));
    expect(Object.keys(fieldLabels).sort()).toEqual(labelKeys.sort());
    for (const [key, name] of Object.entries(fieldLabels)) expect(english[key]).toBe(name);
  });

  it('no check of a shared schema keeps an English-only message', () => {
    const checks = new Set([
      'min',
      'max',
      'length',
      'regex',
      'refine',
      'int',
      'email',
      'date',
      'enum',
      'number',
      'string',
      'gte',
      'lte',
      'gt',
      'lt',
      'positive',
      'nonnegative',
      'nonempty',
      'addIssue',
    ]);
    const words = (s: string | undefined) => s !== undefined && /^[A-Z]\p{L}|\p{L} \p{L}/u.test(s);
    const english = (node: ts.Node): boolean => {
      if (words(literal(node))) return true;
      if (ts.isTemplateExpression(node)) return words(node.head.text);
      if (ts.isObjectLiteralExpression(node)) {
        return node.properties.some(
          (p) =>
            ts.isPropertyAssignment(p) &&
            ['message', 'error'].includes(nameOf(p.name)) &&
            english(p.initializer),
        );
      }
      return false;
    };
    const schemaCode = [
      ...sourceFiles(path.join(root, 'shared'), /\.ts$/),
      ...sourceFiles(path.join(root, 'renderer', 'src'), /\.tsx?$/),
    ];
    const untranslated = calls(
      schemaCode,
      (c) =>
        ts.isPropertyAccessExpression(c.expression) &&
        checks.has(c.expression.name.text) &&
        c.arguments.some(english),
    ).map((s) => `${s.where} ${s.node.getText(s.source).slice(0, 80)}`);
    expect(untranslated).toEqual([]);
  });
});
