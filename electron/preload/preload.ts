import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_GLOBAL, buildApi, INVOKE_CHANNEL } from '../../shared/api/client';
import {
  CHANGES_CHANNEL,
  CHANGES_GLOBAL,
  type MesochartChanges,
  type WindowChange,
} from '../../shared/api/changes';
import { HOST_CHANNELS, HOST_GLOBAL, type MesochartHost } from '../../shared/api/host';

// One object with one function per operation in the contract; ipcRenderer itself never leaves here.
contextBridge.exposeInMainWorld(
  API_GLOBAL,
  buildApi((operation, input) => ipcRenderer.invoke(INVOKE_CHANNEL, operation, input)),
);

const host: MesochartHost = {
  pickPhotos: () => ipcRenderer.invoke(HOST_CHANNELS.pickPhotos) as Promise<string[]>,
  pathForFile: (file) => {
    try {
      return webUtils.getPathForFile(file as File) || null;
    } catch {
      return null;
    }
  },
  pickBackupFile: () => ipcRenderer.invoke(HOST_CHANNELS.pickBackupFile) as Promise<string | null>,
  pickFolder: () => ipcRenderer.invoke(HOST_CHANNELS.pickFolder) as Promise<string | null>,
  chooseSavePath: (suggestedName) =>
    ipcRenderer.invoke(HOST_CHANNELS.chooseSavePath, String(suggestedName)) as Promise<
      string | null
    >,
  openPath: (absolutePath) =>
    ipcRenderer.invoke(HOST_CHANNELS.openPath, String(absolutePath)) as Promise<void>,
};
contextBridge.exposeInMainWorld(HOST_GLOBAL, host);

// The window only listens: each listener gets the change (checked again by the renderer), never
// the IPC event, which would hand the page a way back to the main process.
const changes: MesochartChanges = {
  subscribe: (listener) => {
    const receive = (_event: Electron.IpcRendererEvent, message: WindowChange) => {
      listener(message);
    };
    ipcRenderer.on(CHANGES_CHANNEL, receive);
    return () => {
      ipcRenderer.removeListener(CHANGES_CHANNEL, receive);
    };
  },
};
contextBridge.exposeInMainWorld(CHANGES_GLOBAL, changes);
