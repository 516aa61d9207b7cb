/**
 * The encrypted store beside an unencrypted copy of the same clinic, measured in the same run:
 * the copy's database is decrypted (photos imported during the run are stored plain there).
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createServices, DATABASE_FILE } from '../services/app';
import { decryptCopy } from '../services/store/encryption';
import { readFile } from 'node:fs/promises';
import { ok, type BenchContext } from './bench-service';
import { ratioRow, timePair, type BenchRow } from './bench-stats';

/**
 * Thumbnail serving as the gallery fetches it (photos.image, a data URL), over the heavy
 * patient's newest photos: those the photo import row just stored in this clinic, so the
 * unencrypted copy serves plain files. Baseline: reading the same stored file and encoding it.
 */
export async function thumbnailRow(ctx: BenchContext): Promise<BenchRow> {
  const rows = ctx.sqlite
    .prepare('SELECT id, thumbnail_path FROM photo WHERE patient_id = ? ORDER BY seq DESC LIMIT 20')
    .all(ctx.heavy.id) as { id: string; thumbnail_path: string }[];
  if (rows.length === 0) throw new Error('no photo to serve: run the photo import row first');
  const dataDir = ctx.services.state.dataDir;
  const at = (i: number) => rows[Math.abs(i) % rows.length]!;
  const [mine, base] = await timePair(
    ctx.runs,
    (i) => ok(ctx, 'photos.image', { id: at(i).id, size: 'thumbnail' }),
    async (i) =>
      (await readFile(path.join(dataDir, 'photos', ...at(i).thumbnail_path.split('/')))).toString(
        'base64',
      ),
  );
  return ratioRow('serve a thumbnail', mine, base, {}, `${rows.length} photos, in turn`);
}

export interface EncryptionRow {
  measure: string;
  encryptedP95: number;
  plainP95: number;
  ratio: number;
  met: boolean;
}

type RowRunner = (ctx: BenchContext) => Promise<BenchRow>;

/** Runs each measure on the encrypted clinic and on a decrypted copy, alternating. */
export async function encryptionRows(
  encrypted: BenchContext,
  dataDir: string,
  databaseKey: Buffer,
  auditKey: Buffer,
  signIn: (ctx: BenchContext) => Promise<void>,
  runners: Record<string, RowRunner>,
): Promise<EncryptionRow[]> {
  const plainDir = `${dataDir}-plain`;
  rmSync(plainDir, { recursive: true, force: true });
  cpSync(dataDir, plainDir, { recursive: true });
  decryptCopy(path.join(plainDir, DATABASE_FILE), databaseKey);
  const services = await createServices({
    dataDir: plainDir,
    trustedOrigin: new URL(encrypted.sender.url).origin,
    auditKey,
  });
  try {
    const plain: BenchContext = {
      ...encrypted,
      services,
      sqlite: services.state.store.sqlite,
    };
    await signIn(plain);
    const rows: EncryptionRow[] = [];
    for (const [measure, run] of Object.entries(runners)) {
      const e = await run(encrypted);
      const p = await run(plain);
      // A throughput row is slower when it is lower, so its slowdown is plain over encrypted.
      const ratio =
        e.unit === 'photos/s'
          ? p.mesochart.p95 / e.mesochart.p95
          : e.mesochart.p95 / p.mesochart.p95;
      rows.push({
        measure,
        encryptedP95: e.mesochart.p95,
        plainP95: p.mesochart.p95,
        ratio,
        met: ratio <= 1.5,
      });
    }
    return rows;
  } finally {
    await services.close();
    rmSync(plainDir, { recursive: true, force: true });
  }
}

export function formatEncryptionTable(rows: readonly EncryptionRow[]): string {
  const lines = [
    '| encrypted vs unencrypted | encrypted p95 | unencrypted p95 | ratio p95 | ≤ 1.5 |',
  ];
  lines.push('| --- | --- | --- | --- | --- |');
  for (const r of rows) {
    lines.push(
      `| ${r.measure} | ${r.encryptedP95.toFixed(1)} | ${r.plainP95.toFixed(1)} | ${r.ratio.toFixed(2)} | ${r.met ? 'yes' : 'NO'} |`,
    );
  }
  return lines.join('\n');
}
