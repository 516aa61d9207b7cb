import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';

/** The real photos the tests import (beside the repository, not part of it). */
export const PHOTO_FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/photos');

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day `days` from today, as a Date at 10:00. */
export function day(days: number): Date {
  const d = new Date();
  d.setHours(10, 0, 0, 0);
  d.setDate(d.getDate() + days);
  return d;
}

/** A day as a camera writes it in EXIF, at 10:00. */
export const exifDate = (d: Date) =>
  `${d.getFullYear()}:${pad(d.getMonth() + 1)}:${pad(d.getDate())} 10:00:00`;

/** A copy in `dir` of a real photo whose camera wrote `date` as DateTimeOriginal. */
export function photoDated(dir: string, source: string, name: string, date: string): string {
  const copy = path.join(dir, name);
  copyFileSync(path.join(PHOTO_FIXTURES, source), copy);
  execFileSync('exiftool', ['-q', '-overwrite_original', `-DateTimeOriginal=${date}`, copy]);
  return copy;
}
