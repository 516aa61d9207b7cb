import type { PickedFile } from './file-token';

/** The folder dialogs the renderer may ask for, each registering its own kind of token. */
export type FolderKind = 'backup-folder' | 'restore-folder' | 'export-folder' | 'clinic-folder';
/** The save dialogs: where a PDF or a PNG is written. */
export type SaveKind = 'save-pdf' | 'save-png';

/**
 * What the desktop host offers the renderer besides data operations: system dialogs and the
 * system viewer. Exposed as `window.mesochartHost` by the preload; the browser test harness
 * provides a scripted stand-in. Every dialog answers with a one-time token the main process
 * registered for the path the user chose, and a label to show: the renderer hands the token to
 * an operation and never learns, nor can name, a path an operation would use.
 */
export interface MesochartHost {
  /** Shows the system's file dialog for photos; null if cancelled. */
  pickPhotos(): Promise<PickedFile | null>;
  /** The files dropped onto the window, as one photo selection; null where the host cannot tell. */
  dropPhotos(files: readonly { name: string }[]): Promise<PickedFile | null>;
  /** Shows the system's save dialog for a PDF or a PNG; null if cancelled. */
  chooseSaveFile(kind: SaveKind, suggestedName: string): Promise<PickedFile | null>;
  /** Shows the system's open dialog for one backup file (.mcbak); null if cancelled. */
  pickBackupFile(): Promise<PickedFile | null>;
  /** Shows the system's folder dialog for the given purpose; null if cancelled. */
  pickFolder(kind: FolderKind): Promise<PickedFile | null>;
  /** Opens an archived file (inside the data folder only) in the system's viewer. */
  openPath(absolutePath: string): Promise<void>;
}

export const HOST_GLOBAL = 'mesochartHost';
export const HOST_CHANNELS = {
  pickPhotos: 'mesochart:host:pick-photos',
  dropPhotos: 'mesochart:host:drop-photos',
  chooseSaveFile: 'mesochart:host:choose-save-file',
  openPath: 'mesochart:host:open-path',
  pickBackupFile: 'mesochart:host:pick-backup-file',
  pickFolder: 'mesochart:host:pick-folder',
} as const;

export const folderKinds: readonly FolderKind[] = [
  'backup-folder',
  'restore-folder',
  'export-folder',
  'clinic-folder',
];
export const saveKinds: readonly SaveKind[] = ['save-pdf', 'save-png'];
