import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../app';
import { AuditKeyError } from '../audit/audit-key';
import { dataFolderState } from './data-folder';
import { englishText } from '../core/error-catalogue';
import { KeyError } from './key-errors';
import { KEY_FILE, readKeyFile } from './key-file';
import { createKeys, keyMethod, legacyAuditKey, openKeys } from './keyring';
import type { Launch } from './launch-state';

/**
 * What the window finds at start: the keys opened by the keychain and the clinic started (or
 * waiting on its server), a passphrase or the recovery key asked for, a new clinic's keys made
 * where a keychain keeps them, or a refusal that says why and changes nothing.
 */
export async function openAtLaunch(launch: Launch): Promise<void> {
  const { dataDir, options } = launch;
  const store = options.secretStore;
  sweepKeyTemps(dataDir);
  try {
    const file = readKeyFile(dataDir);
    if (file) {
      launch.state.method = keyMethod(file) === 'passphrase' || !store ? 'passphrase' : 'keychain';
      launch.state.state = 'locked';
      if (file.keychain && store) {
        try {
          await launch.start(await openKeys(dataDir, { kind: 'keychain', store }));
        } catch (error) {
          if (!(error instanceof KeyError) || error.reason !== 'keychain-refused') throw error;
          launch.state.message = error.message;
          launch.state.messageKey = error.text;
        }
      } else if (file.keychain) {
        const text = { key: 'errors.keys.noKeychainHere' } as const;
        launch.state.message = englishText(text);
        launch.state.messageKey = text;
      }
    } else {
      const data = dataFolderState(dataDir, DATABASE_FILE, options.nativeBinding);
      if (data === 'encrypted') {
        throw new KeyError('missing-key-file', {
          key: 'errors.keys.keyFileMissingEncrypted',
          params: { file: KEY_FILE },
        });
      }
      if (data === 'plain-with-audit-log' && !legacyAuditKey(dataDir)) {
        throw new AuditKeyError(
          'The audit key (audit.key) is missing from the data folder, but the database holds an ' +
            'audit log signed with it. Restore the key from a backup; Mesochart will not replace it.',
        );
      }
      if (store) {
        const made = await createKeys(dataDir, launch.sealHere(''), options.kdf);
        launch.pending = made.recoveryKey;
        await launch.start(made.keys);
      }
    }
  } catch (error) {
    if (!(error instanceof KeyError) && !(error instanceof AuditKeyError)) throw error;
    launch.state = {
      state: 'refused',
      method: launch.state.method,
      message: error.message,
      // The screen words a refusal with its catalogue text; an AuditKeyError stays English.
      messageKey: error instanceof KeyError ? error.text : null,
    };
  }
}

/** Temp files of a key file write that crashed before its rename. */
function sweepKeyTemps(dataDir: string): void {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) return;
  for (const name of readdirSync(dataDir)) {
    if (/^mesochart\.keys\.[0-9a-f]{12}\.tmp$/.test(name))
      rmSync(path.join(dataDir, name), { force: true });
  }
}
