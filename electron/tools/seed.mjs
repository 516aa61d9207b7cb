// Runs electron/tools/seed.ts in Node: bundled with esbuild (no TypeScript runner is installed),
// with better-sqlite3 left external so the Node build in node_modules is the one loaded.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..', '..');
execFileSync(process.execPath, [path.join(root, 'electron', 'tools', 'native.mjs'), 'node'], {
  stdio: 'inherit',
});
const outfile = path.join(root, 'dist', 'tools', 'seed.mjs');
await build({
  entryPoints: [path.join(root, 'electron', 'tools', 'seed.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  external: ['better-sqlite3', 'electron'],
});
await import(pathToFileURL(outfile).href);
