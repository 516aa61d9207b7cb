import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { openStore } from '../services/store/database';
import { sweepPhotoTempFiles } from '../services/photos/import-jobs';

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
 */
export function runWriterUntilKilled(
  writer: string,
  dataDir: string,
  scratchDir: string,
  seed: number,
  killAfterMs: number,
): Promise<CrashRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, scratchDir, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: root,
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

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * What must hold after any kill: SQLite's integrity check passes, every acknowledged write is
 * there, and after the start-up sweep the photo store holds only complete files (originals hash
 * to their names, derived JPEGs are whole) and no temp files.
 */
export async function checkAfterCrash(dataDir: string, acks: string[]): Promise<CrashFindings> {
  const problems: string[] = [];
  await sweepPhotoTempFiles(dataDir);
  const store = openStore(path.join(dataDir, 'mesochart.sqlite'));
  try {
    const { sqlite } = store;
    const integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity[0]?.integrity_check !== 'ok')
      problems.push(`integrity: ${JSON.stringify(integrity)}`);
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
    const abs = path.join(dataDir, 'photos', ...rel.split('/'));
    const name = path.basename(rel);
    if (name.startsWith('.')) {
      problems.push(`temp file left after the sweep: ${rel}`);
      continue;
    }
    const [hash, ...rest] = name.split('.');
    if (rest.length === 1) {
      if (sha256(abs) !== hash) problems.push(`original does not hash to its name: ${rel}`);
    } else {
      const bytes = readFileSync(abs);
      const whole =
        bytes.length > 4 &&
        bytes[0] === 0xff &&
        bytes[1] === 0xd8 &&
        bytes[bytes.length - 2] === 0xff &&
        bytes[bytes.length - 1] === 0xd9;
      if (!whole) problems.push(`derived image is partial: ${rel}`);
    }
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
