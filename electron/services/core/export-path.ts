import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from './errors';

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
  const refuse = (message: string) =>
    new AppError('VALIDATION', message, { fields: { target: message } });
  if (targetPath.includes('\0')) throw refuse('The path contains a NUL byte');
  if (!path.isAbsolute(targetPath)) throw refuse('Choose a full path, not a relative one');
  const target = path.resolve(targetPath);
  if (path.extname(target).toLowerCase() !== extension) {
    throw refuse(`The file name must end in ${extension}`);
  }
  const folder = path.dirname(target);
  let realFolder: string;
  try {
    if (!(await stat(folder)).isDirectory()) throw refuse('The folder does not exist');
    realFolder = await realpath(folder);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse('The folder does not exist');
  }
  const realData = await realpath(dataDir).catch(() => path.resolve(dataDir));
  for (const [dir, data] of [
    [folder, path.resolve(dataDir)],
    [realFolder, realData],
  ] as const) {
    if (dir === data || dir.startsWith(data + path.sep)) {
      throw refuse('Choose a folder outside the Mesochart data folder');
    }
  }
  const existing = await stat(target).catch(() => null);
  if (existing && !existing.isFile()) throw refuse('That path is not a file');
  return path.join(realFolder, path.basename(target));
}

/**
 * Checks a folder the user chose in a folder dialog before an export writes into it: absolute,
 * no NUL byte, an existing folder, never the data folder or inside it (also through a symlink).
 * Returns the folder resolved.
 */
export async function checkExportFolder(dataDir: string, folderPath: string): Promise<string> {
  const refuse = (message: string) =>
    new AppError('VALIDATION', message, { fields: { folder: message } });
  if (folderPath.includes('\0')) throw refuse('The path contains a NUL byte');
  if (!path.isAbsolute(folderPath)) throw refuse('Choose a full path, not a relative one');
  const folder = path.resolve(folderPath);
  let realFolder: string;
  try {
    if (!(await stat(folder)).isDirectory()) throw refuse('The folder does not exist');
    realFolder = await realpath(folder);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse('The folder does not exist');
  }
  const realData = await realpath(dataDir).catch(() => path.resolve(dataDir));
  for (const [dir, data] of [
    [folder, path.resolve(dataDir)],
    [realFolder, realData],
  ] as const) {
    if (dir === data || dir.startsWith(data + path.sep)) {
      throw refuse('Choose a folder outside the Mesochart data folder');
    }
  }
  return realFolder;
}
