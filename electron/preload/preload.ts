import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_GLOBAL, buildApi, INVOKE_CHANNEL } from '../../shared/api/client';
import {
  CHANGES_CHANNEL,
  CHANGES_GLOBAL,
  type MesochartChanges,
  type WindowChange,
} from '../../shared/api/changes';
import { HOST_CHANNELS, HOST_GLOBAL, type MesochartHost } from '../../shared/api/host';
import type { PickedFile } from '../../shared/api/file-token';

// One object with one function per operation in the contract; ipcRenderer itself never leaves here.
contextBridge.exposeInMainWorld(
  API_GLOBAL,
  buildApi((operation, input) => ipcRenderer.invoke(INVOKE_CHANNEL, operation, input)),
);

type Picked = Promise<PickedFile | null>;
// Every dialog answers with a token the main process registered; no path reaches the page.
const host: MesochartHost = {
  pickPhotos: () => ipcRenderer.invoke(HOST_CHANNELS.pickPhotos) as Picked,
  // Only File objects of a real drop have a path (webUtils, here in the isolated world): the
  // page cannot pass a path of its own choosing.
  dropPhotos: (files) => {
    const paths: string[] = [];
    for (const file of Array.from(files)) {
      try {
        const found = webUtils.getPathForFile(file as File);
        if (found) paths.push(found);
      } catch {
        // Not a File the user dropped: left out.
      }
    }
    return paths.length === 0
      ? Promise.resolve(null)
      : (ipcRenderer.invoke(HOST_CHANNELS.dropPhotos, paths) as Picked);
  },
  pickBackupFile: () => ipcRenderer.invoke(HOST_CHANNELS.pickBackupFile) as Picked,
  pickFolder: (kind) => ipcRenderer.invoke(HOST_CHANNELS.pickFolder, String(kind)) as Picked,
  chooseSaveFile: (kind, suggestedName) =>
    ipcRenderer.invoke(HOST_CHANNELS.chooseSaveFile, String(kind), String(suggestedName)) as Picked,
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
