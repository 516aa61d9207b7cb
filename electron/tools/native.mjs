// Makes better-sqlite3 loadable by the runtime about to use it.
//   node native.mjs node      - the in-place build (tests, seed, admin tools) loads in Node
//   node native.mjs electron  - a second build for Electron's ABI, kept in
//                               node_modules/.mesochart-native/electron-<version>-<arch>/
// Keeping both builds side by side is what lets `npm test` and `npm start` run in either order.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  copyFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(path.join(root, 'package.json'));
const moduleDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
const target = process.argv[2];

function loadsInNode() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch (error) {
    console.log(
      `better-sqlite3 does not load in Node ${process.version}: ${error.message.split('\n')[0]}`,
    );
    return false;
  }
}

function gyp(cwd, extra, env) {
  execFileSync(process.execPath, [nodeGyp, 'rebuild', '--release', ...extra], {
    cwd,
    stdio: 'inherit',
    env,
  });
}

// A nodedir pointing at Node's headers (set for offline Node builds) would build for the wrong ABI.
function withoutNodeDir() {
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
  return env;
}

if (target === 'node') {
  if (!loadsInNode()) {
    console.log('Rebuilding better-sqlite3 for Node (about a minute)...');
    // Through npm, so the machine's npm settings (nodedir for offline headers) apply.
    execFileSync('npm', ['rebuild', 'better-sqlite3'], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (!loadsInNode()) process.exit(1);
  }
} else if (target === 'electron') {
  const electronVersion = JSON.parse(
    readFileSync(require.resolve('electron/package.json'), 'utf8'),
  ).version;
  const outDir = path.join(
    root,
    'node_modules',
    '.mesochart-native',
    `electron-${electronVersion}-${process.arch}`,
  );
  const out = path.join(outDir, 'better_sqlite3.node');
  if (!existsSync(out)) {
    console.log(`Building better-sqlite3 for Electron ${electronVersion} (about a minute)...`);
    // Build in a copy so the Node build in node_modules stays as it is.
    const work = mkdtempSync(path.join(os.tmpdir(), 'mesochart-native-'));
    try {
      cpSync(moduleDir, work, {
        recursive: true,
        filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
      });
      gyp(
        work,
        [
          '--runtime=electron',
          `--target=${electronVersion}`,
          `--arch=${process.arch}`,
          '--dist-url=https://electronjs.org/headers',
        ],
        withoutNodeDir(),
      );
      mkdirSync(outDir, { recursive: true });
      copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), out);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
} else {
  console.error('usage: node electron/tools/native.mjs node|electron');
  process.exit(2);
}
