import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { operationNames } from '../../../shared/api/contract';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const services = path.join(root, 'electron', 'services');
const features = path.join(root, 'renderer', 'src', 'features');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [file] : [];
  });
}

/** Every relative import of a file (type-only ones included), resolved to the file it names. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => {
      const base = path.resolve(path.dirname(file), spec.split('?')[0]!);
      const hit = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
        .map((ext) => base + ext)
        .find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
      return hit ?? base;
    })
    .filter((target) => /\.(ts|tsx)$/.test(target));
}

const files = ['electron', 'shared', 'renderer/src'].flatMap((d) =>
  sourceFiles(path.join(root, d)),
);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => path.relative(root, f);
/** `adverseEvents` is written `adverse-events` as a file or folder name. */
const kebab = (prefix: string) => prefix.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const prefixes = [...new Set(operationNames.map((n) => n.split('.')[0]!))];

function cycles(): string[][] {
  // Tarjan's strongly connected components: any component of more than one file is a circle.
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(rel(w));
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component);
    }
  };
  for (const f of graph.keys()) if (!order.has(f)) visit(f);
  return found;
}

describe('code layout', () => {
  it('has no import circles, type-only imports included', () => {
    expect(cycles()).toEqual([]);
  });

  it('keeps only start-up, the wrapper and the handler table at the services root', () => {
    const loose = readdirSync(services).filter((n) => statSync(path.join(services, n)).isFile());
    expect(loose.sort()).toEqual(['app.ts', 'dispatch.ts', 'handlers.ts']);
  });

  it('gives every operation prefix its api file, services folder and renderer feature', () => {
    const missing = prefixes.flatMap((prefix) =>
      [
        path.join(root, 'shared', 'api', `${kebab(prefix)}.ts`),
        path.join(services, kebab(prefix), 'handlers.ts'),
        path.join(features, kebab(prefix), 'index.ts'),
        path.join(root, 'tests', 'unit', kebab(prefix)),
      ]
        .filter((p) => !existsSync(p))
        .map(rel),
    );
    expect(missing).toEqual([]);
  });

  it('keeps engines (folders that never touch the store) away from the store and other domains', () => {
    const engines = ['photos/files', 'documents/render', 'backup/archive'];
    const wrong = engines.flatMap((engine) => {
      const dir = path.join(services, engine);
      return sourceFiles(dir).flatMap((file) =>
        (graph.get(file) ?? [])
          .filter((target) => target.startsWith(services) && !target.startsWith(dir))
          .filter((target) => !target.startsWith(path.join(services, 'core', 'errors')))
          .map((target) => `${rel(file)} -> ${rel(target)}`),
      );
    });
    expect(wrong).toEqual([]);
  });

  it('lets a feature reach another feature only through its index', () => {
    const wrong = files
      .filter((f) => f.startsWith(features))
      .flatMap((file) => {
        const own = path.relative(features, file).split(path.sep)[0]!;
        return (graph.get(file) ?? [])
          .filter((target) => target.startsWith(features))
          .filter((target) => {
            const [feature, ...restParts] = path.relative(features, target).split(path.sep);
            return feature !== own && !/^index\.tsx?$/.test(restParts.join('/'));
          })
          .map((target) => `${rel(file)} -> ${rel(target)}`);
      });
    expect(wrong).toEqual([]);
  });
});
