import { existsSync } from 'node:fs';
import path from 'node:path';
import { createServices, DATABASE_FILE, type MesochartServices } from '../services/app';
import { BackupError } from '../services/backup/archive';
import type { ClinicKeys } from '../services/keys/clinic-keys';
import { KeyError } from '../services/keys/key-errors';
import { readKeyFile } from '../services/keys/key-file';
import { createKeys, openKeys, removeLegacyAuditKey } from '../services/keys/keyring';
import { dataFolderState } from '../services/keys/data-folder';
import { readPassphrase } from './read-passphrase';

/** Scripts give the clinic passphrase or the recovery key here; a terminal is asked otherwise. */
export const CLINIC_PASSPHRASE_ENV = 'MESOCHART_CLINIC_PASSPHRASE';
export const RECOVERY_KEY_ENV = 'MESOCHART_RECOVERY_KEY';

/** A tool's refusal to open a folder's keys, told in one paragraph (exit code 1). */
export class ToolKeyError extends BackupError {
  constructor(message: string) {
    super('invalid-path', message);
  }
}

export function readRecoveryKey(): Promise<string> {
  return readPassphrase('Recovery key (from the recovery sheet): ', { env: RECOVERY_KEY_ENV });
}

/**
 * The keys of a data folder for a tool, which has no keychain: a folder whose keys the clinic
 * passphrase wraps asks for it; one sealed by a computer's keychain asks for its recovery key.
 * With `create`, a folder without keys (new, or unencrypted from before) gets keys wrapped by
 * a new clinic passphrase, and the recovery key is printed once.
 */
export async function toolKeys(
  dataDir: string,
  options: { create?: boolean } = {},
): Promise<ClinicKeys> {
  try {
    const file = readKeyFile(dataDir);
    if (file?.passphrase) {
      return await openKeys(dataDir, {
        kind: 'passphrase',
        passphrase: await readPassphrase('Clinic passphrase: ', { env: CLINIC_PASSPHRASE_ENV }),
      });
    }
    if (file)
      return await openKeys(dataDir, { kind: 'recovery', recoveryKey: await readRecoveryKey() });
    if (!options.create || dataFolderState(dataDir, DATABASE_FILE) === 'encrypted') {
      throw new ToolKeyError(
        `No clinic key file (mesochart.keys) in ${dataDir}; Mesochart will not make new keys for ` +
          'data that exists, nor open a folder without them.',
      );
    }
    const passphrase = await readPassphrase('Choose the clinic passphrase: ', {
      confirm: true,
      env: CLINIC_PASSPHRASE_ENV,
    });
    const made = await createKeys(dataDir, { kind: 'passphrase', passphrase });
    console.error(
      `New clinic keys, wrapped by the clinic passphrase. Recovery key (write it down now; it is ` +
        `not shown again):\n\n    ${made.recoveryKey}\n`,
    );
    return made.keys;
  } catch (error) {
    if (error instanceof KeyError) throw new ToolKeyError(error.message);
    throw error;
  }
}

/** A clinic server's connections for the tools, as the app's launcher reads them. */
export const DATABASE_URL_ENV = 'MESOCHART_DATABASE_URL';
export const DATABASE_OWNER_URL_ENV = 'MESOCHART_DATABASE_OWNER_URL';

export function serverFromEnv(): { databaseUrl?: string; databaseOwnerUrl?: string } {
  const url = process.env[DATABASE_URL_ENV];
  const owner = process.env[DATABASE_OWNER_URL_ENV];
  return {
    ...(url ? { databaseUrl: url } : {}),
    ...(url && owner ? { databaseOwnerUrl: owner } : {}),
  };
}

/**
 * The services on a folder's keys, as the app would open them (encrypting an old folder). With
 * MESOCHART_DATABASE_URL the record is the clinic server's; the folder holds the clinic's keys
 * (and this computer's cache of derived images).
 */
export async function openToolServices(
  dataDir: string,
  trustedOrigin: string,
  options: { create?: boolean } = {},
): Promise<MesochartServices> {
  const server = serverFromEnv();
  if (!server.databaseUrl && !options.create && !existsSync(path.join(dataDir, DATABASE_FILE))) {
    throw new ToolKeyError(`No Mesochart data in ${dataDir}.`);
  }
  const keys = await toolKeys(dataDir, options);
  const services = await createServices({
    dataDir,
    trustedOrigin,
    databaseKey: keys.dataKey,
    auditKey: keys.auditKey,
    ...server,
  });
  removeLegacyAuditKey(dataDir);
  return services;
}
