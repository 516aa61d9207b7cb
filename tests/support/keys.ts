import type { SecretStore } from '../../electron/services/core/context';
import { launchClinic, type ClinicLauncher } from '../../electron/services/keys/launcher';
import type { FileTokens } from '../../electron/services/core/file-tokens';
import { standInKeychain } from '../../electron/tools/stand-in-keychain';

/** Cheap key derivation for tests (the cap's lower bound); the app uses the default. */
export const TEST_KDF = { logN: 10, r: 8, p: 1 };

/** keychain: the app where the system keeps secrets; passphrase: where it has no keychain. */
export type KeyMode = 'keychain' | 'passphrase';

/**
 * A stand-in for one computer's keychain: seals with a key only this instance holds, so another
 * instance ("another computer") cannot open what it sealed, as safeStorage behaves.
 */
export function testKeychain(): SecretStore {
  return standInKeychain();
}

/** The clinic opened as the app opens it, on a test keychain or waiting for its passphrase. */
export function launchForTest(
  dataDir: string,
  mode: KeyMode,
  trustedOrigin: string,
  keychain: SecretStore = testKeychain(),
  fileTokens?: FileTokens,
): Promise<ClinicLauncher> {
  return launchClinic({
    dataDir,
    trustedOrigin,
    secretStore: mode === 'keychain' ? keychain : null,
    kdf: TEST_KDF,
    ...(fileTokens ? { fileTokens } : {}),
  });
}
