import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SecretStore } from '../../../electron/services/core/context';
import type { ClinicLauncher } from '../../../electron/services/keys/launcher';
import { launchForTest } from '../../support/keys';
import { checkAgainstContract } from '../../support/contract';
import { TEST_ORIGIN, TRUSTED } from '../../support/helpers';
import type { Result } from '../../../shared/api/result';

export function freshDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'mesochart-keys-'));
}

export function launch(dataDir: string, keychain: SecretStore | null): Promise<ClinicLauncher> {
  return keychain
    ? launchForTest(dataDir, 'keychain', TEST_ORIGIN, keychain)
    : launchForTest(dataDir, 'passphrase', TEST_ORIGIN);
}

export { testKeychain } from '../../support/keys';

export async function call(
  launcher: ClinicLauncher,
  operation: string,
  input: unknown = {},
): Promise<Result<unknown>> {
  const result = await launcher.dispatch(TRUSTED, operation, input);
  checkAgainstContract(operation, result);
  return result;
}

export async function ok<T = unknown>(
  launcher: ClinicLauncher,
  operation: string,
  input: unknown = {},
): Promise<T> {
  const result = await call(launcher, operation, input);
  if (!result.ok) throw new Error(`${operation}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
