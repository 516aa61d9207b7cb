import { randomBytes } from 'node:crypto';
import { textSeal } from '../services/keys/text-seal';
import type { SecretStore } from '../services/core/context';

/**
 * A stand-in for one computer's keychain where Electron's safeStorage is not at hand (the crash
 * bench, tests): seals with AES-256-GCM under the key given, so only a holder of that key opens
 * what it sealed, as a keychain only opens on its own computer. Several processes given the
 * same key are the same computer.
 */
export function standInKeychain(key: Buffer = randomBytes(32)): SecretStore {
  if (key.length !== 32) throw new Error('The stand-in keychain key must be 32 bytes');
  return textSeal(key);
}

/** The crash bench hands its writers one stand-in keychain's key here (64 hex digits). */
export const CRASH_KEYCHAIN_ENV = 'MESOCHART_CRASH_KEYCHAIN';

/** The stand-in keychain of a hex key, or null where none is given (an unencrypted clinic). */
export function crashKeychain(hex: string | undefined): SecretStore | null {
  if (!hex) return null;
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${CRASH_KEYCHAIN_ENV} must be 64 hex digits`);
  return standInKeychain(Buffer.from(hex, 'hex'));
}
