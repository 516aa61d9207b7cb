import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SecretStore } from '../../../electron/services/core/context';
import type { ClinicLauncher } from '../../../electron/services/keys/launcher';
import { launchForTest } from '../../support/keys';
import { FileTokens } from '../../../electron/services/core/file-tokens';
import type { FileTokenKind } from '../../../shared/api/file-token';
import { checkAgainstContract } from '../../support/contract';
import { TEST_ORIGIN, TRUSTED } from '../../support/helpers';
import type { Result } from '../../../shared/api/result';

export function freshDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'mesochart-keys-'));
}

/** The registry these tests' clinics take file tokens from, as the window's dialogs fill it. */
const dialogs = new FileTokens();

/** A path "chosen in the dialog" of this kind: its one-time token. */
export function chosen(kind: FileTokenKind, file: string): string {
  return dialogs.register(kind, [file]);
}

export function launch(dataDir: string, keychain: SecretStore | null): Promise<ClinicLauncher> {
  return keychain
    ? launchForTest(dataDir, 'keychain', TEST_ORIGIN, keychain, dialogs)
    : launchForTest(dataDir, 'passphrase', TEST_ORIGIN, undefined, dialogs);
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
