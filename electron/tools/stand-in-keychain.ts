import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretStore } from '../services/core/context';

/**
 * A stand-in for one computer's keychain where Electron's safeStorage is not at hand (the crash
 * bench, tests): seals with AES-256-GCM under the key given, so only a holder of that key opens
 * what it sealed, as a keychain only opens on its own computer. Several processes given the
 * same key are the same computer.
 */
export function standInKeychain(key: Buffer = randomBytes(32)): SecretStore {
  if (key.length !== 32) throw new Error('The stand-in keychain key must be 32 bytes');
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

/** The crash bench hands its writers one stand-in keychain's key here (64 hex digits). */
export const CRASH_KEYCHAIN_ENV = 'MESOCHART_CRASH_KEYCHAIN';

/** The stand-in keychain of a hex key, or null where none is given (an unencrypted clinic). */
export function crashKeychain(hex: string | undefined): SecretStore | null {
  if (!hex) return null;
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${CRASH_KEYCHAIN_ENV} must be 64 hex digits`);
  return standInKeychain(Buffer.from(hex, 'hex'));
}
