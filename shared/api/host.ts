/**
 * What the desktop host offers the renderer besides data operations: system dialogs and the
 * system viewer. Exposed as `window.mesochartHost` by the preload; the browser test harness
 * provides a scripted stand-in. Data never flows through here, only file paths chosen by the user.
 */
export interface MesochartHost {
  /** Shows the system's file dialog for photos; the chosen absolute paths, empty if cancelled. */
  pickPhotos(): Promise<string[]>;
  /** The absolute path of a file dropped onto the window, or null where the host cannot tell. */
  pathForFile(file: { name: string }): string | null;
  /** Shows the system's save dialog; the chosen absolute path, or null if cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** Shows the system's open dialog for one backup file (.mcbak); its path, or null. */
  pickBackupFile(): Promise<string | null>;
  /** Shows the system's folder dialog (a folder to restore into); its path, or null. */
  pickFolder(): Promise<string | null>;
  /** Opens an absolute file path (an archived document) in the system's viewer. */
  openPath(absolutePath: string): Promise<void>;
}

export const HOST_GLOBAL = 'mesochartHost';
export const HOST_CHANNELS = {
  pickPhotos: 'mesochart:host:pick-photos',
  chooseSavePath: 'mesochart:host:choose-save-path',
  openPath: 'mesochart:host:open-path',
  pickBackupFile: 'mesochart:host:pick-backup-file',
  pickFolder: 'mesochart:host:pick-folder',
} as const;
