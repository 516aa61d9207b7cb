import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { openStore } from '../services/store/database';
import { sweepPhotoTempFiles } from '../services/photos/import-jobs';
import { verifyAudit } from '../services/audit/audit-log';
import { legacyAuditKey, openKeys } from '../services/keys/keyring';
import { plainVault, sealedVault, type FileVault } from '../services/vault/file-vault';
import { sweepStoreTempFiles } from '../services/vault/temp-sweep';
import { CRASH_KEYCHAIN_ENV, crashKeychain } from './stand-in-keychain';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Bundles the writer for Node (no TypeScript runner is installed) and returns its path. */
export async function buildCrashWriter(): Promise<string> {
  const outfile = path.join(root, 'dist', 'tools', 'crash-writer.mjs');
  await build({
    entryPoints: [path.join(root, 'electron', 'tools', 'crash-writer.ts')],
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
      'pdfkit',
      'exifr',
      // CommonJS packages that require Node's built-ins dynamically, which an ESM bundle cannot.
      'pg',
      'nodemailer',
    ],
  });
  return outfile;
}

export interface CrashRun {
  acks: string[];
  /** False when the writer ended by itself (a crash of its own) before the kill. */
  killed: boolean;
  stderr: string;
}

/**
 * Starts the writer, lets it work for `killAfterMs` after it is ready, then SIGKILLs it.
 * Acknowledgements are read from its stdout up to the kill: everything it printed was committed.
 * With `keychain` (the stand-in keychain's key, 64 hex digits) the clinic is encrypted.
 */
export function runWriterUntilKilled(
  writer: string,
  dataDir: string,
  scratchDir: string,
  seed: number,
  killAfterMs: number,
  keychain?: string,
): Promise<CrashRun> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    if (keychain) env[CRASH_KEYCHAIN_ENV] = keychain;
    else delete env[CRASH_KEYCHAIN_ENV];
    const child = spawn(process.execPath, [writer, dataDir, scratchDir, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: root,
      env,
    });
    const acks: string[] = [];
    let pending = '';
    let stderr = '';
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'READY' && !timer) {
          timer = setTimeout(() => {
            killed = true;
            child.kill('SIGKILL');
          }, killAfterMs);
        } else if (line.startsWith('ACK ')) acks.push(line.slice(4));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', () => {
      if (timer) clearTimeout(timer);
      resolve({ acks, killed, stderr });
    });
  });
}

export interface CrashFindings {
  problems: string[];
  photoFiles: number;
  acks: number;
}

/** The folder's keys and file vault, as the app opens them (none for an unencrypted clinic). */
async function openFolder(dataDir: string, keychain?: string) {
  const store = crashKeychain(keychain);
  if (!store) {
    return { dataKey: undefined, auditKey: legacyAuditKey(dataDir), vault: plainVault(dataDir) };
  }
  const keys = await openKeys(dataDir, { kind: 'keychain', store });
  return { ...keys, vault: sealedVault(dataDir, keys.dataKey) };
}

const wholeJpeg = (bytes: Buffer) =>
  bytes.length > 4 &&
  bytes[0] === 0xff &&
  bytes[1] === 0xd8 &&
  bytes[bytes.length - 2] === 0xff &&
  bytes[bytes.length - 1] === 0xd9;

/** A stored photo file that is not whole: authenticated (sealed), named by its content, complete. */
async function photoFileProblem(vault: FileVault, rel: string): Promise<string | null> {
  const name = path.basename(rel);
  if (name.startsWith('.')) return `temp file left after the sweep: ${rel}`;
  let bytes: Buffer;
  try {
    bytes = await vault.read(`photos/${rel}`);
  } catch {
    return `stored file cannot be opened (partial or damaged): ${rel}`;
  }
  const [hash, ...rest] = name.slice(0, name.length - vault.suffix.length).split('.');
  if (rest.length === 1) {
    return (await vault.nameOf(bytes)) === hash ? null : `original does not match its name: ${rel}`;
  }
  return wholeJpeg(bytes) ? null : `derived image is partial: ${rel}`;
}

/**
 * What must hold after any kill: SQLite's integrity check passes, every acknowledged write is
 * there, the audit chain verifies, and after the start-up sweeps the photo store holds only
 * complete files (originals match their content names, derived JPEGs are whole; sealed files
 * pass authentication) and no temp files. `keychain` as given to the writer.
 */
export async function checkAfterCrash(
  dataDir: string,
  acks: string[],
  keychain?: string,
): Promise<CrashFindings> {
  const problems: string[] = [];
  // What the app's start-up removes before anything reads.
  await sweepPhotoTempFiles(dataDir);
  await sweepStoreTempFiles(dataDir);
  const { dataKey, auditKey, vault } = await openFolder(dataDir, keychain);
  const store = openStore(path.join(dataDir, 'mesochart.sqlite'), dataKey ? { key: dataKey } : {});
  try {
    const { sqlite } = store;
    const integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity[0]?.integrity_check !== 'ok')
      problems.push(`integrity: ${JSON.stringify(integrity)}`);
    if (auditKey) {
      const verified = await verifyAudit(store.db, auditKey);
      if (!verified.ok) problems.push(`audit chain: ${verified.reason} at ${verified.firstBroken}`);
    } else problems.push('no audit key in the folder');
    const exists = (sql: string, ...args: unknown[]) =>
      sqlite.prepare(sql).get(...args) !== undefined;
    for (const line of acks) {
      const [kind, id, extra] = line.split(' ');
      const found =
        kind === 'patient'
          ? exists('SELECT 1 FROM patient WHERE id = ?', id)
          : kind === 'history'
            ? exists(
                'SELECT 1 FROM medical_history_version WHERE patient_id = ? AND version = ?',
                id,
                Number(extra),
              )
            : kind === 'consent'
              ? exists('SELECT 1 FROM consent_event WHERE id = ?', id)
              : kind === 'photo'
                ? exists('SELECT 1 FROM photo WHERE id = ?', id)
                : false;
      if (!found) problems.push(`acknowledged write missing: ${line}`);
    }
    const rows = sqlite
      .prepare('SELECT original_path, thumbnail_path, preview_path FROM photo')
      .all() as {
      original_path: string;
      thumbnail_path: string;
      preview_path: string;
    }[];
    const onDisk = new Set(listFiles(path.join(dataDir, 'photos')));
    for (const row of rows) {
      for (const p of [row.original_path, row.thumbnail_path, row.preview_path]) {
        if (!onDisk.has(p)) problems.push(`photo row points at a missing file: ${p}`);
      }
    }
  } finally {
    await store.close();
  }
  const files = listFiles(path.join(dataDir, 'photos'));
  for (const rel of files) {
    const problem = await photoFileProblem(vault, rel);
    if (problem) problems.push(problem);
  }
  const captures = listFiles(path.join(dataDir, 'capture-temp'));
  if (captures.length > 0) problems.push(`capture temp files left: ${captures.length}`);
  return { problems, photoFiles: files.length, acks: acks.length };
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  } catch {
    return [];
  }
}
