import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretStore } from '../../electron/services/core/context';
import { launchClinic, type ClinicLauncher } from '../../electron/services/keys/launcher';
import type { FileTokens } from '../../electron/services/core/file-tokens';

/** Cheap key derivation for tests (the cap's lower bound); the app uses the default. */
export const TEST_KDF = { logN: 10, r: 8, p: 1 };

/** keychain: the app where the system keeps secrets; passphrase: where it has no keychain. */
export type KeyMode = 'keychain' | 'passphrase';

/**
 * A stand-in for one computer's keychain: seals with a key only this instance holds, so another
 * instance ("another computer") cannot open what it sealed, as safeStorage behaves.
 */
export function testKeychain(): SecretStore {
  const key = randomBytes(32);
  return {
    seal: (text) => {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([nonce, cipher.getAuthTag(), body]);
    },
    open: (sealed) => {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString();
    },
  };
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
