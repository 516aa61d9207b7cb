import { BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { HOST_CHANNELS } from '../../shared/api/host';
import { APP_ORIGIN } from './security';

const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'heic', 'heif'];

function fromOurWindow(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    frame !== null && frame === event.sender.mainFrame && frame.url.startsWith(`${APP_ORIGIN}/`)
  );
}

/**
 * System dialogs and the system viewer for the renderer. Only our own window may ask; only
 * paths inside `openableRoot` (the data directory's documents) may be opened.
 */
export function registerHostHandlers(openableRoot: string): void {
  ipcMain.handle(HOST_CHANNELS.pickPhotos, async (event) => {
    if (!fromOurWindow(event)) return [];
    const win = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = {
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: 'Photos', extensions: PHOTO_EXTENSIONS }],
    };
    const result = win
      ? await dialog.showOpenDialog(win, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  });
  ipcMain.handle(HOST_CHANNELS.chooseSavePath, async (event, suggestedName: unknown) => {
    if (!fromOurWindow(event)) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.SaveDialogOptions = {
      defaultPath: path.basename(String(suggestedName)),
    };
    const result = win
      ? await dialog.showSaveDialog(win, options)
      : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  });
  // The two dialogs of a restore: the paths go back to the renderer only to be handed to
  // backup.restore, which checks them again (a file that exists; an empty folder outside the
  // data folder) before anything is read or written.
  ipcMain.handle(HOST_CHANNELS.pickBackupFile, async (event) => {
    if (!fromOurWindow(event)) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = {
      properties: ['openFile'],
      filters: [{ name: 'Mesochart backup', extensions: ['mcbak'] }],
    };
    const result = win
      ? await dialog.showOpenDialog(win, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
  ipcMain.handle(HOST_CHANNELS.pickFolder, async (event) => {
    if (!fromOurWindow(event)) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = {
      properties: ['openDirectory', 'createDirectory'],
    };
    const result = win
      ? await dialog.showOpenDialog(win, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
  ipcMain.handle(HOST_CHANNELS.openPath, async (event, target: unknown) => {
    if (!fromOurWindow(event) || typeof target !== 'string') return;
    const resolved = path.resolve(target);
    if (!resolved.startsWith(path.resolve(openableRoot) + path.sep)) return;
    const error = await shell.openPath(resolved);
    if (error) console.error('[mesochart] could not open a document in the system viewer');
  });
}
