import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_GLOBAL, buildApi, INVOKE_CHANNEL } from '../../shared/api/client';
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
