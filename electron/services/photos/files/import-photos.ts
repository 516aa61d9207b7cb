import { basename } from 'node:path';
import type { ImportedPhoto } from './import-photo';
import { importPhoto } from './import-photo';
import type { PhotoRefusalReason } from './photo-error';
import { PhotoError } from './photo-error';
import type { PhotoImportOptions } from './photo-options';
import { resolvePhotoOptions } from './photo-options';
import { runLimited } from './run-limited';

export interface PhotoImportProgress {
  /** Files finished so far, imported or refused. */
  done: number;
  total: number;
  /** File name being worked on, null when the batch has ended. */
  current: string | null;
}

export interface RefusedPhoto {
  fileName: string;
  sourcePath: string;
  reason: PhotoRefusalReason;
  /** A sentence for the user; it never contains the path. */
  message: string;
}

export interface PhotoImportSummary {
  /** In the order of the input list. */
  imported: ImportedPhoto[];
  refused: RefusedPhoto[];
  /** True when the signal aborted the batch before every file was handled. */
  cancelled: boolean;
  /** Source paths left untouched because of the cancel. */
  notImported: string[];
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true && (error === signal.reason || !(error instanceof PhotoError));
}

function refusal(sourcePath: string, error: unknown): RefusedPhoto {
  const fileName = typeof sourcePath === 'string' ? basename(sourcePath) : '';
  if (error instanceof PhotoError) {
    return { fileName, sourcePath, reason: error.reason, message: error.message };
  }
  // A bug, not a bad file: say so without passing on a message that may quote paths.
  return {
    fileName,
    sourcePath,
    reason: 'internal',
    message: 'The photo could not be imported because of an internal error.',
  };
}

/**
 * Imports many photos, going on past refused ones. Progress is reported as each file starts and
 * ends. Aborting `signal` stops the batch at the next safe point: photos already stored stay, a
 * photo that had not begun writing is dropped whole, and nothing partial is left.
 */
export async function importPhotos(
  files: readonly string[],
  options: PhotoImportOptions,
  onProgress?: (progress: PhotoImportProgress) => void,
  signal?: AbortSignal,
): Promise<PhotoImportSummary> {
  const settings = resolvePhotoOptions(options);
  const total = files.length;
  const imported: (ImportedPhoto | undefined)[] = new Array<ImportedPhoto | undefined>(total);
  const refused: (RefusedPhoto | undefined)[] = new Array<RefusedPhoto | undefined>(total);
  const handled = new Array<boolean>(total).fill(false);
  let done = 0;

  await runLimited(
    files,
    settings.concurrency,
    () => signal?.aborted === true,
    async (sourcePath, index) => {
      onProgress?.({ done, total, current: basename(String(sourcePath)) });
      try {
        imported[index] = await importPhoto(sourcePath, settings, signal);
      } catch (error) {
        if (isAbort(error, signal)) return;
        refused[index] = refusal(sourcePath, error);
      }
      handled[index] = true;
      done += 1;
      onProgress?.({ done, total, current: basename(String(sourcePath)) });
    },
  );

  const notImported = files.filter((_, i) => !handled[i]);
  onProgress?.({ done, total, current: null });
  return {
    imported: imported.filter((p): p is ImportedPhoto => p !== undefined),
    refused: refused.filter((r): r is RefusedPhoto => r !== undefined),
    cancelled: notImported.length > 0,
    notImported,
  };
}
