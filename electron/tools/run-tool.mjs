// Runs electron/tools/<name>.ts in Node: bundled with esbuild (no TypeScript runner is installed),
// with the native modules left external so the Node builds in node_modules are the ones loaded.
//   node electron/tools/run-tool.mjs seed --dir /tmp/demo
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..', '..');
const name = process.argv[2] ?? '';
if (!/^[a-z][a-z-]*$/.test(name)) {
  console.error('usage: node electron/tools/run-tool.mjs <tool name> [args]');
  process.exit(2);
}
execFileSync(process.execPath, [path.join(root, 'electron', 'tools', 'native.mjs'), 'node'], {
  stdio: 'inherit',
});
const outfile = path.join(root, 'dist', 'tools', `${name}.mjs`);
await build({
  entryPoints: [path.join(root, 'electron', 'tools', `${name}.ts`)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  external: [
    'better-sqlite3',
    'better-sqlite3-multiple-ciphers',
    'sharp',
    'electron',
    'esbuild',
    'fast-check',
    'pdfkit',
    'exifr',
    // CommonJS packages that require Node's built-ins dynamically, which an ESM bundle cannot.
    'pg',
    'nodemailer',
  ],
});
process.argv.splice(2, 1);
await import(pathToFileURL(outfile).href);
