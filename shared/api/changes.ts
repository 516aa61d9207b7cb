import { z } from 'zod';

/**
 * What the services announce after a write commits (electron/services/core/changes.ts), as the
 * window receives it: the operation prefixes whose data changed and the patients named. Only
 * ids and prefixes cross, never patient data: the window asks again for what it shows.
 */
export const changeSchema = z.object({
  domains: z.array(z.string().max(64)).max(32),
  patientIds: z.array(z.string().max(64)).max(256),
});
export type WindowChange = z.infer<typeof changeSchema>;

/**
 * Exposed as `window.mesochartChanges` by the preload (and by the browser test bridge): the
 * window listens; it cannot send anything through here.
 */
export interface MesochartChanges {
  /** Calls `listener` after each committed change; returns the function that stops listening. */
  subscribe(listener: (change: WindowChange) => void): () => void;
}

export const CHANGES_GLOBAL = 'mesochartChanges';
/** The main process sends each change to the window on this channel. */
export const CHANGES_CHANNEL = 'mesochart:changes';
