import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../app';
import { MIN_CLINIC_PASSPHRASE } from '../../../shared/api/keys';
import { dataFolderState } from './data-folder';
import { KeyError } from './key-errors';
import { KEY_FILE, readKeyFile } from './key-file';
import { openKeys, resealKeys } from './keyring';
import type { Launch } from './launch-state';

/**
 * Opens the clinic with its recovery key and seals the keys for this computer. With a folder,
 * the clinic there is copied into this computer's data folder, which must hold no clinic yet.
 */
export async function recoverClinic(
  launch: Launch,
  recoveryKey: string,
  folder: string | null,
  passphrase: string,
): Promise<void> {
  const { dataDir, options, state } = launch;
  const source = folder ? path.resolve(folder) : dataDir;
  const elsewhere = source !== path.resolve(dataDir);
  const here = launch.services;
  const setUp = here !== null && here.state.settings !== null;
  if (state.state === 'refused' || (state.state === 'open' && (setUp || !elsewhere))) {
    throw new KeyError('exists', { key: 'errors.keys.recoverOpenClinic' }, 'folder');
  }
  // Another folder's clinic is copied in only where this folder holds none (a fresh start).
  const fresh =
    (state.state === 'open' && !setUp) ||
    (state.state === 'new' &&
      dataFolderState(dataDir, DATABASE_FILE, options.nativeBinding) === 'none');
  if (elsewhere && !fresh) {
    throw new KeyError('exists', { key: 'errors.keys.folderHoldsClinic' }, 'folder');
  }
  if (elsewhere && !readKeyFile(source)) {
    throw new KeyError(
      'missing-key-file',
      { key: 'errors.keys.folderNoKeyFile', params: { file: KEY_FILE } },
      'folder',
    );
  }
  if (!elsewhere && state.state === 'new') {
    throw new KeyError('missing-key-file', { key: 'errors.keys.chooseFolder' }, 'folder');
  }
  const opened = await openKeys(source, { kind: 'recovery', recoveryKey });
  const seal = launch.sealHere(passphrase);
  if (seal.kind === 'passphrase' && passphrase.length < MIN_CLINIC_PASSPHRASE) {
    throw new KeyError(
      'wrong-passphrase',
      { key: 'errors.keys.recoverPassphraseShort', params: { min: MIN_CLINIC_PASSPHRASE } },
      'passphrase',
    );
  }
  if (elsewhere) {
    if (here) await here.close();
    launch.services = null;
    // This folder held only the empty clinic made at start-up: it gives way to the real one.
    for (const name of readdirSync(dataDir))
      rmSync(path.join(dataDir, name), { recursive: true, force: true });
    cpSync(source, dataDir, { recursive: true, errorOnExist: true, force: false });
  }
  await resealKeys(dataDir, opened, seal, options.kdf);
  launch.pending = null;
  await launch.start(opened);
}
