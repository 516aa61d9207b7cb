/**
 * Benchmark rows that write files: the consent PDF (against pdfkit alone writing the same text
 * with the same fonts) and a photo import (against sharp alone making the same derived images).
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { documentsRoot } from '../services/documents/archive';
import { DEFAULT_PREVIEW_SIZE, DEFAULT_THUMBNAIL_SIZE } from '../services/photos/files';
import { figures, ratioRow, timePair, type BenchRow } from './bench-stats';
import { ok, type BenchContext } from './bench-service';
import { fixturePhotosDir } from './seed-photos';

const root = path.resolve(import.meta.dirname, '..', '..');

function newestPdf(dir: string): string {
  let best: { file: string; at: number } | null = null;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.pdf')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const at = statSync(file).mtimeMs;
    if (!best || at > best.at) best = { file, at };
  }
  if (!best) throw new Error('no archived PDF found');
  return best.file;
}

/** pdfkit alone: the given pages of text in the same embedded fonts, written durably as the archive does. */
async function rawPdf(pages: string[], out: string): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', bufferPages: true, font: '' });
  doc.registerFont('regular', path.join(root, 'resources', 'fonts', 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(root, 'resources', 'fonts', 'DejaVuSans-Bold.ttf'));
  pages.forEach((text, i) => {
    if (i > 0) doc.addPage();
    const [first = '', ...rest] = text.split('\n');
    doc.font('bold').fontSize(16).text(first);
    doc.font('regular').fontSize(10).text(rest.join('\n'));
  });
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
  const temp = `${out}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, out);
}

export async function consentRow(ctx: BenchContext, scratch: string): Promise<BenchRow> {
  const product = ctx.sqlite.prepare('SELECT id FROM product ORDER BY seq LIMIT 1').get() as {
    id: string;
  };
  const input = {
    patientId: ctx.heavy.id,
    procedureKind: 'skin-rejuvenation',
    practitionerId: ctx.practitionerId,
    productIds: [product.id],
    otherProducts: [{ name: 'Lidocaine cream 5%', ingredients: ['lidocaine'] }],
    plannedSessions: 4,
    intervalDays: 14,
  };
  await ok(ctx, 'documents.generateConsent', input);
  // The text the operation put in its PDF, page by page, read back from the archived file.
  const archived = newestPdf(documentsRoot(ctx.services.state.dataDir));
  const pages = execFileSync('pdftotext', ['-layout', archived, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim());
  mkdirSync(scratch, { recursive: true });
  const [mine, base] = await timePair(
    ctx.runs,
    () => ok(ctx, 'documents.generateConsent', input),
    (i) => rawPdf(pages, path.join(scratch, `consent-${i}.pdf`)),
  );
  return ratioRow(
    'consent PDF',
    mine,
    base,
    { maxRatioP95: 1.5, maxP95: 150 },
    `${pages.length} pages, ${readFileSync(archived).length} bytes archived`,
  );
}

/** Distinct 24-megapixel files: the same picture with a different capture second in its EXIF. */
function photoVariants(dir: string, from: number, count: number): string[] {
  const source = readFileSync(path.join(fixturePhotosDir(), 'sony-a6000-24mp.jpg'));
  const header = source.subarray(0, 64 * 1024).toString('latin1');
  const stamps = [...header.matchAll(/\d{4}:\d{2}:\d{2} \d{2}:\d{2}:\d{2}/g)];
  if (stamps.length === 0) throw new Error('the 24 MP fixture has no EXIF date to vary');
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, k) => {
    const n = from + k;
    const bytes = Buffer.from(source);
    const stamp = `${String(Math.floor(n / 60) % 60).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
    for (const m of stamps) bytes.write(stamp, (m.index ?? 0) + 14, 'latin1');
    const file = path.join(dir, `variant-${n}.jpg`);
    writeFileSync(file, bytes);
    return file;
  });
}

async function sharpAlone(file: string, outDir: string, i: number): Promise<void> {
  const input = await readFile(file);
  const preview = await sharp(input)
    .rotate()
    .resize(DEFAULT_PREVIEW_SIZE, DEFAULT_PREVIEW_SIZE, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 85 })
    .toBuffer();
  const thumbnail = await sharp(preview)
    .resize(DEFAULT_THUMBNAIL_SIZE, DEFAULT_THUMBNAIL_SIZE, {
      fit: 'inside',
      withoutEnlargement: true,
    })
    .jpeg({ quality: 80 })
    .toBuffer();
  await writeFile(path.join(outDir, `p-${i}.jpg`), preview);
  await writeFile(path.join(outDir, `t-${i}.jpg`), thumbnail);
}

interface Job {
  id: string;
  status: string;
  imported: { alreadyInRecord: boolean }[];
  refused: unknown[];
}

export async function photoRow(
  ctx: BenchContext,
  scratch: string,
  batches: number,
): Promise<BenchRow> {
  const PER_BATCH = 20;
  const mine: number[] = [];
  const base: number[] = [];
  let duplicates = 0;
  let refused = 0;
  const outDir = path.join(scratch, 'sharp-out');
  mkdirSync(outDir, { recursive: true });
  for (let b = 0; b < batches; b += 1) {
    const files = photoVariants(path.join(scratch, 'variants'), b * PER_BATCH, PER_BATCH);
    let start = performance.now();
    let job = (await ok(ctx, 'photos.startImport', {
      patientId: ctx.heavy.id,
      // As the photo dialog hands them over: one token for the selection.
      files: ctx.services.state.fileTokens.register('photos', files),
      tags: { phase: 'before', area: 'cheeks', view: 'front', sessionId: null },
    })) as Job;
    // Polled as the import dialog polls it: every 200 ms.
    while (job.status === 'running') {
      await new Promise((r) => setTimeout(r, 200));
      job = (await ok(ctx, 'photos.importStatus', { jobId: job.id })) as Job;
    }
    mine.push(PER_BATCH / ((performance.now() - start) / 1000));
    duplicates += job.imported.filter((p) => p.alreadyInRecord).length;
    refused += job.refused.length;
    start = performance.now();
    for (const [i, file] of files.entries()) await sharpAlone(file, outDir, i);
    base.push(PER_BATCH / ((performance.now() - start) / 1000));
  }
  // Throughput: higher is better, so the ratio is Mesochart's share of the baseline's rate.
  const m = figures(mine);
  const s = figures(base);
  const row = ratioRow('import twenty 24 MP photos', mine, base, {});
  row.unit = 'photos/s';
  row.ratio = { p50: m.p50 / s.p50, p95: Math.min(...mine) / Math.min(...base) };
  row.target = 'throughput ≥ 0.7 of baseline (p50)';
  row.met = row.ratio.p50 >= 0.7 && duplicates === 0 && refused === 0;
  row.note = `${batches} batches of ${PER_BATCH}; "p95" columns are the slowest batch; ${duplicates} duplicates, ${refused} refused`;
  row.mesochart = { ...m, p95: Math.min(...mine) };
  row.baseline = { ...s, p95: Math.min(...base) };
  return row;
}
