import { readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { AppState } from '../core/context';
import { settingSlot } from '../store/settings';
import type { Queryable } from '../store/db';
import { verifyAudit } from './audit-log';

export const lastCheckSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type LastCheck = z.output<typeof lastCheckSchema>;

const slot = settingSlot<LastCheck | null>('audit.lastCheck', lastCheckSchema.nullable(), null);

export function readLastCheck(db: Queryable): Promise<LastCheck | null> {
  return slot.read(db);
}

/**
 * Verifies the whole audit chain once after start-up, in the background, and keeps the result
 * for the admin (a notice after signing in when it failed, and on the audit screen). It waits a
 * moment so the window opens first; the check runs in one transaction for a consistent view.
 */
export function startStartupCheck(app: AppState, delayMs = 3000): void {
  app.jobs.start(
    'audit-startup-check',
    (id) => ({ id }),
    async (job) => {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs);
        job.controller.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (job.controller.signal.aborted) return;
      try {
        await app.store.transaction(async (db) => {
          const result = await verifyAudit(db, app.auditKey);
          await slot.write(db, { at: app.clock().toISOString(), ...result });
        });
      } catch (error) {
        // Only the kind: a failure to check is not a verdict on the chain.
        console.error('[mesochart] the start-up audit check could not run:', (error as Error).name);
      }
    },
  );
}

const VERIFY_FOLDER = /^mesochart-verify-[A-Za-z0-9]{6}$/;
/** Another Mesochart (a test run, a tool) may be verifying right now: only old leftovers go. */
const STALE_MS = 60 * 60 * 1000;

/**
 * Removes what a crashed backup check left in the system's temp folder: each
 * `mesochart-verify-*` folder may hold a decrypted copy of a clinic's database.
 */
export async function sweepVerifyFolders(now = Date.now(), dir = os.tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!VERIFY_FOLDER.test(name)) continue;
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => null);
    if (!info?.isDirectory() || now - info.mtimeMs < STALE_MS) continue;
    await rm(full, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
