// Runs in the page before the renderer, in place of the preload: the same API object, built by
// the same function, over a Playwright binding instead of IPC.
import { API_GLOBAL, buildApi } from '../../shared/api/client';

declare global {
  interface Window {
    __mesochartInvoke: (operation: string, input: unknown) => Promise<unknown>;
  }
}

Object.defineProperty(window, API_GLOBAL, {
  value: buildApi((operation, input) => window.__mesochartInvoke(operation, input)),
  writable: false,
});
