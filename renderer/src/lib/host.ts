import type { MesochartHost } from '../../../shared/api/host';

declare global {
  interface Window {
    mesochartHost: MesochartHost;
  }
}

/** System dialogs and viewer, through the preload (or the test harness's stand-in). */
export const host: MesochartHost = window.mesochartHost;
