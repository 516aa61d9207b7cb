// Runs in the page before the renderer, in place of the preload: the same API object, built by
// the same function, over Playwright bindings instead of IPC; and a scripted host in place of
// the system dialogs (see the `host` fixture).
import { API_GLOBAL, buildApi } from '../../shared/api/client';
import { HOST_GLOBAL, type MesochartHost } from '../../shared/api/host';

declare global {
  interface Window {
    __mesochartInvoke: (operation: string, input: unknown) => Promise<unknown>;
    __mesochartHost: (call: string, arg?: unknown) => Promise<unknown>;
    /** File name to absolute path, for files a test drops onto the window. */
    __mesochartDropPaths: Record<string, string>;
  }
}

Object.defineProperty(window, API_GLOBAL, {
  value: buildApi((operation, input) => window.__mesochartInvoke(operation, input)),
  writable: false,
});

window.__mesochartDropPaths = {};
const host: MesochartHost = {
  pickPhotos: () => window.__mesochartHost('pickPhotos') as Promise<string[]>,
  pathForFile: (file) => window.__mesochartDropPaths[file.name] ?? null,
  chooseSavePath: (name) =>
    window.__mesochartHost('chooseSavePath', name) as Promise<string | null>,
  openPath: (target) => window.__mesochartHost('openPath', target) as Promise<void>,
};
Object.defineProperty(window, HOST_GLOBAL, { value: Object.freeze(host), writable: false });
