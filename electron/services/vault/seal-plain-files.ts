import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../store/db';
import type { FileVault } from './file-vault';
import { looksSealed } from './file-cipher';

/** What the upgrade did; counts only, never a path or a name (they would identify patients). */
export interface SealReport {
  photos: number;
  documents: number;
  /** Plain files left as they were: missing, or no longer the bytes their record names. */
  skipped: number;
}

interface Move {
  table: 'photo' | 'document';
  /**
   * The rows' indexed column and its value (a photo's SHA-256, a document's patient): each update
   * reads only those rows, not the whole table (an S clinic has 50,000 photo rows, read through
   * the cipher once per file otherwise).
   */
  rowsOf: ['sha256' | 'patient_id', string];
  /** Old relative path of each column -> new relative path. */
  columns: Record<string, [string, string]>;
  /** Vault keys of the plain files, removed once the records point at the sealed ones. */
  plainKeys: string[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Seals one plain file under its new key and reads it back; false when it cannot be verified. */
async function sealAndVerify(vault: FileVault, key: string, bytes: Buffer): Promise<boolean> {
  await vault.write(key, bytes);
  return (await vault.read(key)).equals(bytes);
}

function renamed(relative: string, name: string, suffix: string): string {
  // '<dir>/<old name>.<rest>' -> '<new dir>/<name>.<rest>.enc'; photos shard by the name.
  const parts = relative.split('/');
  const file = parts.pop() ?? '';
  const rest = file.slice(file.indexOf('.')).replace(/\.enc$/, '');
  return [...parts, `${name}${rest}${suffix}`].join('/');
}

/**
 * The plain bytes under each key, or null where nothing (readable) is stored; null for the whole
 * set when every file is already sealed under a keyed name (nothing to do).
 */
async function plainOf(vault: FileVault, keys: string[]): Promise<(Buffer | null)[] | null> {
  const stored = await Promise.all(keys.map((k) => vault.blobs.get(k)));
  const sealed = stored.map((b) => b !== null && looksSealed(b));
  if (sealed.every(Boolean) && keys.every((k) => k.endsWith(vault.suffix))) return null;
  // Sealed under a plain-hash name (a restored backup of an older clinic): renamed too.
  return Promise.all(
    stored.map((b, i) =>
      b !== null && sealed[i] ? vault.read(keys[i]!).catch(() => null) : Promise.resolve(b),
    ),
  );
}

async function photoMoves(db: Db, vault: FileVault, report: SealReport): Promise<Move[]> {
  const rows = await db
    .selectFrom('photo')
    .select(['sha256', 'original_path', 'thumbnail_path', 'preview_path'])
    .distinct()
    .execute();
  const moves: Move[] = [];
  for (const row of rows) {
    const paths = [row.original_path, row.thumbnail_path, row.preview_path];
    const plain = await plainOf(
      vault,
      paths.map((p) => `photos/${p}`),
    );
    if (plain === null) continue;
    const [original, thumbnail, preview] = plain;
    if (!original || !thumbnail || !preview || sha256(original) !== row.sha256) {
      report.skipped += 1;
      continue;
    }
    const name = await vault.nameOf(original);
    const next = paths.map((p) => {
      const moved = renamed(p, name, vault.suffix);
      return `${name.slice(0, 2)}/${moved.split('/').pop() ?? ''}`;
    });
    const ok = await Promise.all(
      [original, thumbnail, preview].map((bytes, i) =>
        sealAndVerify(vault, `photos/${next[i]!}`, bytes),
      ),
    );
    if (!ok.every(Boolean)) {
      report.skipped += 1;
      continue;
    }
    moves.push({
      table: 'photo',
      rowsOf: ['sha256', row.sha256],
      columns: {
        original_path: [paths[0]!, next[0]!],
        thumbnail_path: [paths[1]!, next[1]!],
        preview_path: [paths[2]!, next[2]!],
      },
      plainKeys: paths.map((p) => `photos/${p}`),
    });
  }
  return moves;
}

async function documentMoves(db: Db, vault: FileVault, report: SealReport): Promise<Move[]> {
  const rows = await db
    .selectFrom('document')
    .select(['file_path', 'sha256', 'patient_id'])
    .distinct()
    .execute();
  const moves: Move[] = [];
  for (const row of rows) {
    const plain = await plainOf(vault, [`documents/${row.file_path}`]);
    if (plain === null) continue;
    const [bytes] = plain;
    if (!bytes || sha256(bytes) !== row.sha256) {
      report.skipped += 1;
      continue;
    }
    const next = renamed(row.file_path, await vault.nameOf(bytes), vault.suffix);
    if (!(await sealAndVerify(vault, `documents/${next}`, bytes))) {
      report.skipped += 1;
      continue;
    }
    moves.push({
      table: 'document',
      rowsOf: ['patient_id', row.patient_id],
      columns: { file_path: [row.file_path, next] },
      plainKeys: [`documents/${row.file_path}`],
    });
  }
  return moves;
}

/**
 * Encrypts the plain files of a clinic that had none encrypted yet (an upgraded clinic, or a
 * restored backup, whose files travel decrypted inside the encrypted archive). Each file is
 * sealed under its keyed name and read back; then every record is pointed at its sealed files in
 * one transaction; only then are the plain files removed. A crash before the transaction leaves
 * the records on the plain files (the next start seals them again); a crash after it leaves
 * plain leftovers the next start removes, as their records are sealed.
 */
export async function sealPlainFiles(
  store: { db: Db; transaction<T>(fn: (trx: Db) => Promise<T>): Promise<T> },
  vault: FileVault,
): Promise<SealReport> {
  const report: SealReport = { photos: 0, documents: 0, skipped: 0 };
  if (!vault.sealed) return report;
  const moves = [
    ...(await photoMoves(store.db, vault, report)),
    ...(await documentMoves(store.db, vault, report)),
  ];
  if (moves.length > 0) {
    await store.transaction(async (trx) => {
      for (const move of moves) {
        const entries = Object.entries(move.columns);
        const [firstColumn, [firstOld]] = entries[0]!;
        const set = Object.fromEntries(entries.map(([column, [, next]]) => [column, next]));
        await trx
          .updateTable(move.table)
          .set(set)
          .where(move.rowsOf[0] as 'patient_id', '=', move.rowsOf[1])
          .where(firstColumn as 'file_path', '=', firstOld)
          .execute();
      }
    });
  }
  await removePlainLeftovers(store.db, vault);
  for (const move of moves) {
    if (move.table === 'photo') report.photos += 1;
    else report.documents += 1;
    const kept = new Set(Object.values(move.columns).map(([, next]) => next));
    for (const key of move.plainKeys) {
      if (!kept.has(key.slice(key.indexOf('/') + 1))) await vault.remove(key);
    }
  }
  return report;
}

// Legacy plain names: the SHA-256 of the content, as the record still keeps it.
const LEGACY = /^([0-9a-f]{64})\.(jpg|png|thumb\.jpg|preview\.jpg|pdf)$/;

/** Plain files whose record already points at its sealed files (a crash after the switch). */
async function removePlainLeftovers(db: Db, vault: FileVault): Promise<void> {
  const [photos, documents] = await Promise.all([
    db.selectFrom('photo').select(['sha256', 'original_path']).execute(),
    db.selectFrom('document').select(['sha256', 'file_path']).execute(),
  ]);
  const sealedHashes = new Set(
    [
      ...photos.map((p) => [p.sha256, p.original_path] as const),
      ...documents.map((d) => [d.sha256, d.file_path] as const),
    ]
      .filter(([, file]) => file.endsWith('.enc'))
      .map(([hash]) => hash),
  );
  for (const top of ['photos', 'documents']) {
    const root = path.join(vault.dataDir, top);
    for (const dir of await readdir(root).catch(() => [] as string[])) {
      if (dir.startsWith('.')) continue;
      for (const file of await readdir(path.join(root, dir)).catch(() => [] as string[])) {
        const hash = LEGACY.exec(file)?.[1];
        if (hash && sealedHashes.has(hash)) await vault.remove(`${top}/${dir}/${file}`);
      }
    }
  }
}
