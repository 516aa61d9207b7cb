import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, buildApi, INVOKE_CHANNEL } from '../../shared/api/client';

// One object with one function per operation in the contract; ipcRenderer itself never leaves here.
contextBridge.exposeInMainWorld(
  API_GLOBAL,
  buildApi((operation, input) => ipcRenderer.invoke(INVOKE_CHANNEL, operation, input)),
);
