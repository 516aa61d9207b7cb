import { mkdirSync } from 'node:fs';
import type { MesochartServices } from '../app';
import type { Sender } from '../dispatch';
import type { ChangeListener } from '../core/changes';
import type { Result } from '../../../shared/api/result';
import type { KeysStatus } from '../../../shared/api/keys';
import { englishText } from '../core/error-catalogue';
import { dispatchKeys, KEY_OPERATIONS } from './key-operations';
import { Launch, type LaunchOptions } from './launch-state';
import { openAtLaunch } from './open-at-launch';

export type { LaunchOptions } from './launch-state';

/**
 * The clinic as the window sees it from the first moment: before its keys are open only the
 * `keys.*` operations answer (status, create, unlock, recover, and the clinic server's connection
 * while it cannot be opened); once open, every operation goes to the services. The keys never
 * leave this object and the services it starts.
 */
export interface ClinicLauncher {
  readonly services: MesochartServices | null;
  status(): KeysStatus;
  dispatch(sender: Sender, operation: unknown, input: unknown): Promise<Result<unknown>>;
  /**
   * Hears every committed change of the services open now or opened later (after the passphrase
   * or a recovery), so a window subscribes once, before the clinic is open. Returns the function
   * that stops listening.
   */
  onChange(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

export async function launchClinic(options: LaunchOptions): Promise<ClinicLauncher> {
  const launch = new Launch(options);
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  await openAtLaunch(launch);
  return {
    get services() {
      return launch.services;
    },
    status: () => launch.status(),
    dispatch: async (sender, operation, input) => {
      if (typeof operation === 'string' && KEY_OPERATIONS.has(operation)) {
        return dispatchKeys(launch, sender, operation, input);
      }
      const open = launch.services;
      if (open) return open.dispatch(sender, operation, input);
      const text = { key: 'errors.keys.openFirst' } as const;
      return { ok: false, error: { code: 'LOCKED', message: englishText(text), key: text.key } };
    },
    onChange: (listener) => launch.changes.subscribe(listener),
    close: async () => {
      // An attempt on the server under way ends first: its services would otherwise stay open.
      await launch.retrying?.catch(() => undefined);
      const open = launch.services;
      if (open) await open.close();
    },
  };
}
