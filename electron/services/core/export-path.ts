import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError, type Refusal } from './errors';

/**
 * Checks a path the user chose in a save dialog before anything is written there: absolute, no
 * NUL byte, the expected extension, an existing folder, and never inside the data folder (also
 * not through a symlink), so an export cannot overwrite the record itself. Returns the path with
 * its folder resolved.
 */
export async function checkExportTarget(
  dataDir: string,
  targetPath: string,
  extension: '.pdf' | '.png',
): Promise<string> {
  const refuse = (text: Refusal) => new AppError('VALIDATION', text, { fields: { target: text } });
  if (targetPath.includes('\0')) throw refuse({ key: 'errors.files.nulByte' });
  if (!path.isAbsolute(targetPath)) throw refuse({ key: 'errors.files.relativePath' });
  const target = path.resolve(targetPath);
  if (path.extname(target).toLowerCase() !== extension) {
    throw refuse({ key: 'errors.files.extension', params: { extension } });
  }
  const folder = path.dirname(target);
  let realFolder: string;
  try {
    if (!(await stat(folder)).isDirectory()) throw refuse({ key: 'errors.files.noFolder' });
    realFolder = await realpath(folder);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse({ key: 'errors.files.noFolder' });
  }
  const realData = await realpath(dataDir).catch(() => path.resolve(dataDir));
  for (const [dir, data] of [
    [folder, path.resolve(dataDir)],
    [realFolder, realData],
  ] as const) {
    if (dir === data || dir.startsWith(data + path.sep)) {
      throw refuse({ key: 'errors.files.insideData' });
    }
  }
  const existing = await stat(target).catch(() => null);
  if (existing && !existing.isFile()) throw refuse({ key: 'errors.files.notAFile' });
  return path.join(realFolder, path.basename(target));
}

/**
 * Checks a folder the user chose in a folder dialog before an export writes into it: absolute,
 * no NUL byte, an existing folder, never the data folder or inside it (also through a symlink).
 * Returns the folder resolved.
 */
export async function checkExportFolder(dataDir: string, folderPath: string): Promise<string> {
  const refuse = (text: Refusal) => new AppError('VALIDATION', text, { fields: { folder: text } });
  if (folderPath.includes('\0')) throw refuse({ key: 'errors.files.nulByte' });
  if (!path.isAbsolute(folderPath)) throw refuse({ key: 'errors.files.relativePath' });
  const folder = path.resolve(folderPath);
  let realFolder: string;
  try {
    if (!(await stat(folder)).isDirectory()) throw refuse({ key: 'errors.files.noFolder' });
    realFolder = await realpath(folder);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse({ key: 'errors.files.noFolder' });
  }
  const realData = await realpath(dataDir).catch(() => path.resolve(dataDir));
  for (const [dir, data] of [
    [folder, path.resolve(dataDir)],
    [realFolder, realData],
  ] as const) {
    if (dir === data || dir.startsWith(data + path.sep)) {
      throw refuse({ key: 'errors.files.insideData' });
    }
  }
  return realFolder;
}
