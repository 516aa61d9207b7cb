import { BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { fileTokenExtensions, type PickedFile } from '../../shared/api/file-token';
import {
  folderKinds,
  HOST_CHANNELS,
  saveKinds,
  type FolderKind,
  type SaveKind,
} from '../../shared/api/host';
import { withSaveExtension, type FileTokens } from '../services/core/file-tokens';
import { APP_ORIGIN } from './security';

const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'heic', 'heif'];
const MAX_DROPPED_FILES = 500;

function fromOurWindow(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    frame !== null && frame === event.sender.mainFrame && frame.url.startsWith(`${APP_ORIGIN}/`)
  );
}

async function openDialog(
  event: IpcMainInvokeEvent,
  options: Electron.OpenDialogOptions,
): Promise<string[]> {
  const win = BrowserWindow.fromWebContents(event.sender);
  const result = win
    ? await dialog.showOpenDialog(win, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/**
 * System dialogs and the system viewer for the renderer. Only our own window may ask. What the
 * user chooses is registered in `tokens` and only the token goes back: the renderer hands it to
 * the operation, which takes the path from the registry. Only paths inside `openableRoot` (the
 * data directory's documents) may be opened.
 */
export function registerHostHandlers(openableRoot: string, tokens: () => FileTokens): void {
  const answer = (kind: Parameters<FileTokens['pick']>[0], paths: string[]): PickedFile | null =>
    paths.length === 0 ? null : tokens().pick(kind, paths);

  ipcMain.handle(HOST_CHANNELS.pickPhotos, async (event) => {
    if (!fromOurWindow(event)) return null;
    const paths = await openDialog(event, {
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: 'Photos', extensions: PHOTO_EXTENSIONS }],
    });
    return answer('photos', paths);
  });
  // The preload turns the dropped File objects into their paths (webUtils) in its own isolated
  // world: the page's script can hand over only files the user really dropped, never a path.
  ipcMain.handle(HOST_CHANNELS.dropPhotos, (event, paths: unknown) => {
    if (!fromOurWindow(event) || !Array.isArray(paths)) return null;
    const files = paths.filter(
      (p): p is string => typeof p === 'string' && path.isAbsolute(p) && !p.includes('\0'),
    );
    if (files.length === 0 || files.length > MAX_DROPPED_FILES) return null;
    return answer('photos', files);
  });
  ipcMain.handle(
    HOST_CHANNELS.chooseSaveFile,
    async (event, kind: unknown, suggestedName: unknown) => {
      if (!fromOurWindow(event) || !saveKinds.includes(kind as SaveKind)) return null;
      const saveKind = kind as SaveKind;
      const extension = fileTokenExtensions[saveKind]![0]!.slice(1);
      const win = BrowserWindow.fromWebContents(event.sender);
      const options: Electron.SaveDialogOptions = {
        defaultPath: path.basename(String(suggestedName)),
        filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
      };
      const result = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      return answer(saveKind, [withSaveExtension(saveKind, result.filePath)]);
    },
  );
  ipcMain.handle(HOST_CHANNELS.pickBackupFile, async (event) => {
    if (!fromOurWindow(event)) return null;
    const paths = await openDialog(event, {
      properties: ['openFile'],
      filters: [{ name: 'Mesochart backup', extensions: ['mcbak'] }],
    });
    return answer('backup-file', paths.slice(0, 1));
  });
  ipcMain.handle(HOST_CHANNELS.pickFolder, async (event, kind: unknown) => {
    if (!fromOurWindow(event) || !folderKinds.includes(kind as FolderKind)) return null;
    const paths = await openDialog(event, {
      properties:
        kind === 'clinic-folder' ? ['openDirectory'] : ['openDirectory', 'createDirectory'],
    });
    return answer(kind as FolderKind, paths.slice(0, 1));
  });
  ipcMain.handle(HOST_CHANNELS.openPath, async (event, target: unknown) => {
    if (!fromOurWindow(event) || typeof target !== 'string') return;
    const resolved = path.resolve(target);
    if (!resolved.startsWith(path.resolve(openableRoot) + path.sep)) return;
    const error = await shell.openPath(resolved);
    if (error) console.error('[mesochart] could not open a document in the system viewer');
  });
}
