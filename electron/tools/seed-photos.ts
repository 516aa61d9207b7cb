/**
 * The pool of real stored pictures the synthetic photo rows point at. A few fixture photos and
 * many small distinct pictures go through the real import pipeline once; rows then reuse their
 * content addresses. A patient holds each picture at most once (one row per patient and hash),
 * so the pool is as large as the most photos any one patient gets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { importPhoto, type ImportedPhoto } from '../services/photos/files';
import { photoStorage, photosRoot } from '../services/photos/photos';
import { vaultOf } from '../services/vault/file-vault';

const FIXTURES = [
  'sony-a6000-24mp.jpg',
  'iphone4s-gps.jpg',
  'orientation-8.jpg',
  'orientation-4-mirrored.jpg',
  'malformed-exif-canon.jpg',
];

export function fixturePhotosDir(): string {
  return process.env.MESOCHART_FIXTURE_PHOTOS ?? '/work/shared/fixtures/photos';
}

/**
 * A small picture no other pool entry shares: random noise (flat colours can quantise to the
 * same JPEG bytes).
 */
async function distinctPicture(dir: string, index: number): Promise<string> {
  const file = path.join(dir, `pool-${index}.jpg`);
  await sharp({
    create: {
      width: 160,
      height: 120,
      channels: 3,
      background: { r: 200, g: 170, b: 150 },
      noise: { type: 'gaussian', mean: 160, sigma: 40 },
    },
  })
    .jpeg({ quality: 80 })
    .toFile(file);
  return file;
}

export async function importPhotoPool(dataDir: string, size: number): Promise<ImportedPhoto[]> {
  // Stored as the open clinic stores them: encrypted when it was opened with a data key.
  const options = { photosRoot: photosRoot(dataDir), storage: photoStorage(vaultOf(dataDir)) };
  const pool = new Map<string, ImportedPhoto>();
  for (const name of FIXTURES.slice(0, size)) {
    const photo = await importPhoto(path.join(fixturePhotosDir(), name), options);
    pool.set(photo.sha256, photo);
  }
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mesochart-pool-'));
  try {
    for (let i = 0; pool.size < size; i += 1) {
      const photo = await importPhoto(await distinctPicture(scratch, i), options);
      pool.set(photo.sha256, photo);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return [...pool.values()];
}
