import { openStoredFile } from '../../support/sealed-files';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openStore } from '../../../electron/services/store/database';
import type { KdfParams } from '../../../electron/services/backup/archive';
import {
  NAMES,
  generate,
  registerAnother,
  sign,
  startDocumentsClinic,
} from '../documents/archive-fixtures';
import { importFiles } from '../photos/records-fixtures';

/** Cheap key derivation for tests; the format carries its parameters, so restore reads them. */
export const FAST_KDF: KdfParams = { logN: 12, r: 8, p: 1 };
export const PASSPHRASE = 'plum orchard lantern 42';

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `mesochart-${prefix}-`));
}

/**
 * A clinic with several patients (names in three scripts), histories, photos imported through
 * the photo operations and a signed consent PDF in the archive.
 */
export async function seededClinic() {
  const clinic = await startDocumentsClinic();
  const { app } = clinic;
  const russian = await registerAnother(app, NAMES.russian, 2);
  const greek = await registerAnother(app, NAMES.greek, 3);
  for (const p of [russian, greek]) {
    await app.ok('consents.record', {
      patientId: p.id,
      kind: 'photos-record',
      decision: 'given',
      note: '',
    });
  }
  const job = await importFiles(app, russian.id, ['iphone4s-gps.jpg', 'orientation-8.jpg']);
  if (job.imported.length !== 2) throw new Error(`photos not imported: ${JSON.stringify(job)}`);
  await importFiles(app, greek.id, ['orientation-4-mirrored.jpg']);
  const doc = await generate(clinic);
  await sign(clinic, doc.id);
  return {
    clinic,
    names: [NAMES.turkish, NAMES.russian, NAMES.greek].flatMap((n) => [n.givenName, n.familyName]),
  };
}

/** Every table's rows, read through a fresh connection. */
export function tableRows(sqlite: Database.Database): Record<string, unknown[]> {
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      // Sorted as text: some tables have no rowid to order by.
      sqlite
        .prepare(`SELECT * FROM "${name}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

export function databaseRows(dataDir: string, key?: Buffer): Record<string, unknown[]> {
  const store = openStore(path.join(dataDir, 'mesochart.sqlite'), key ? { key } : {});
  try {
    return tableRows(store.sqlite);
  } finally {
    store.sqlite.close();
  }
}

/** Relative path → SHA-256 of every file under the data folder except the database's own. */
export function fileHashes(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dataDir)) return out;
  for (const entry of readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('mesochart.sqlite')) continue;
    const abs = path.join(entry.parentPath, entry.name);
    out[path.relative(dataDir, abs).split(path.sep).join('/')] = createHash('sha256')
      .update(readFileSync(abs))
      .digest('hex');
  }
  return out;
}

/**
 * Each stored file's path and the hash of what it holds, decrypted with the clinic's data key:
 * a restore may seal a file again with a new nonce, so the sealed bytes differ while the photo or
 * PDF inside is the same to the byte.
 */
export function plainFileHashes(dataDir: string, databaseKey: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(fileHashes(dataDir))) {
    out[key] = createHash('sha256')
      .update(openStoredFile(dataDir, databaseKey, key))
      .digest('hex');
  }
  return out;
}
