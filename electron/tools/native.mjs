// Makes better-sqlite3-multiple-ciphers (the store's SQLite, with encryption) loadable by the
// runtime about to use it.
//   node native.mjs node      - the in-place build (tests, seed, admin tools) loads in Node
//   node native.mjs electron  - a second build for Electron's ABI, kept in
//                               node_modules/.mesochart-native/electron-<version>-<arch>/
// Keeping both builds side by side is what lets `npm test` and `npm start` run in either order.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  copyFileSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(path.join(root, 'package.json'));
const moduleDir = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
const target = process.argv[2];

function loadsInNode() {
  try {
    const Database = require('better-sqlite3-multiple-ciphers');
    new Database(':memory:').close();
    return true;
  } catch (error) {
    console.log(
      `better-sqlite3 does not load in Node ${process.version}: ${error.message.split('\n')[0]}`,
    );
    return false;
  }
}

/**
 * Runs node-gyp with its output kept in a log file rather than on the screen: when it fails for
 * want of Electron's headers, its forty lines of stack traces hide the one thing to do.
 */
function gyp(cwd, extra, env, log) {
  const run = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--release', ...extra], {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  writeFileSync(log, `${run.stdout ?? ''}\n${run.stderr ?? ''}`);
  return run.status === 0;
}

/** One paragraph for the terminal, then a non-zero exit: no stack trace to scroll past. */
function giveUp(paragraph) {
  console.error(`\n${paragraph.replace(/\s+/g, ' ').trim()}\n`);
  process.exit(1);
}

/** Where Electron's launcher expects its binary, or null when the download never happened. */
function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** node-gyp keeps downloaded headers under its devdir, one folder per target version. */
function hasHeaders(version) {
  const devDir =
    process.env.npm_config_devdir ??
    (process.platform === 'win32'
      ? path.join(process.env.LOCALAPPDATA ?? os.homedir(), 'node-gyp', 'Cache')
      : path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'node-gyp'));
  return existsSync(path.join(devDir, version, 'include', 'node', 'node_version.h'));
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
    execFileSync('npm', ['rebuild', 'better-sqlite3-multiple-ciphers'], {
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
  // Named apart from the plain better-sqlite3 build an older checkout made in the same folder.
  const out = path.join(outDir, 'better_sqlite3_multiple_ciphers.node');
  if (!electronBinary()) {
    giveUp(`Mesochart cannot start: the Electron ${electronVersion} program is not installed
      (node_modules/electron has no downloaded binary, which happens when npm install ran without
      network access or with ELECTRON_SKIP_BINARY_DOWNLOAD set). To fix it, on a machine that can
      reach github.com run: rm -rf node_modules/electron && npm install. ELECTRON_SKIP_BINARY_DOWNLOAD=1
      is for test machines only: npm test runs without the binary, npm start cannot.`);
  }
  if (!existsSync(out)) {
    console.log(`Building better-sqlite3 for Electron ${electronVersion} (about a minute)...`);
    mkdirSync(outDir, { recursive: true });
    const log = path.join(outDir, 'build.log');
    // Build in a copy so the Node build in node_modules stays as it is.
    const work = mkdtempSync(path.join(os.tmpdir(), 'mesochart-native-'));
    let built = false;
    try {
      cpSync(moduleDir, work, {
        recursive: true,
        filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
      });
      built = gyp(
        work,
        [
          '--runtime=electron',
          `--target=${electronVersion}`,
          `--arch=${process.arch}`,
          '--dist-url=https://electronjs.org/headers',
        ],
        withoutNodeDir(),
        log,
      );
      if (built) copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), out);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    if (!built && !hasHeaders(electronVersion)) {
      giveUp(`Mesochart cannot start: building the database module for Electron ${electronVersion}
        needs Electron's C headers, which are not on this machine and could not
        be downloaded from https://electronjs.org/headers. To fix it, run npm start once on a
        network that reaches electronjs.org (the headers are then kept in node-gyp's cache), or copy
        that cache from a machine where npm start worked. The full build output is in ${log}.`);
    }
    if (!built) {
      giveUp(`Mesochart cannot start: building the database module for Electron ${electronVersion}
        failed although Electron's headers are present, so a C++ compiler, make or Python is most
        likely missing (on Debian: sudo apt-get install build-essential python3). The full build
        output is in ${log}.`);
    }
  }
} else {
  console.error('usage: node electron/tools/native.mjs node|electron');
  process.exit(2);
}
