// Runs in the page before the renderer, in place of the preload: the same API object, built by
// the same function, over Playwright bindings instead of IPC; and a scripted host in place of
// the system dialogs (see the `host` fixture).
import { API_GLOBAL, buildApi } from '../../shared/api/client';
import { HOST_GLOBAL, type MesochartHost } from '../../shared/api/host';
import type { PickedFile } from '../../shared/api/file-token';
import { CHANGES_GLOBAL, type MesochartChanges, type WindowChange } from '../../shared/api/changes';

declare global {
  interface Window {
    __mesochartInvoke: (operation: string, payload: string) => Promise<string>;
    __mesochartHost: (call: string, arg?: unknown) => Promise<unknown>;
    /** File name to absolute path, for files a test drops onto the window. */
    __mesochartDropPaths: Record<string, string>;
    /** Called by the harness with each committed change, as the main process sends it. */
    __mesochartChange: (change: WindowChange) => void;
  }
}

// Calls cross as JSON text: Playwright's own value serialisation walks every field in script and
// takes far longer than IPC's structured clone for a large answer (a gallery of 1,000 photos),
// which would make the harness, not Mesochart, the slow part of a timing.
Object.defineProperty(window, API_GLOBAL, {
  value: buildApi(
    async (operation, input) =>
      JSON.parse(await window.__mesochartInvoke(operation, JSON.stringify({ input }))) as unknown,
  ),
  writable: false,
});

window.__mesochartDropPaths = {};
type Picked = Promise<PickedFile | null>;
// Each dialog's answer is a token the harness registered in the services' own registry, as the
// main process does (see attachHarness).
const host: MesochartHost = {
  pickPhotos: () => window.__mesochartHost('pickPhotos') as Picked,
  // In place of the preload's webUtils: the dropped files' paths as the test set them.
  dropPhotos: (files) => {
    const paths = files.flatMap((f) => window.__mesochartDropPaths[f.name] ?? []);
    return paths.length === 0
      ? Promise.resolve(null)
      : (window.__mesochartHost('dropPhotos', paths) as Picked);
  },
  pickBackupFile: () => window.__mesochartHost('pickBackupFile') as Picked,
  pickFolder: (kind) => window.__mesochartHost('pickFolder', kind) as Picked,
  chooseSaveFile: (kind, name) =>
    window.__mesochartHost('chooseSaveFile', { kind, name }) as Picked,
  openPath: (target) => window.__mesochartHost('openPath', target) as Promise<void>,
};
Object.defineProperty(window, HOST_GLOBAL, { value: Object.freeze(host), writable: false });

// The change feed as the preload exposes it; the harness delivers each change by calling
// `__mesochartChange` in the page (see attachHarness).
const changeListeners = new Set<(change: WindowChange) => void>();
window.__mesochartChange = (change) => {
  for (const listener of changeListeners) listener(change);
};
const changes: MesochartChanges = {
  subscribe: (listener) => {
    changeListeners.add(listener);
    return () => {
      changeListeners.delete(listener);
    };
  },
};
Object.defineProperty(window, CHANGES_GLOBAL, { value: Object.freeze(changes), writable: false });
