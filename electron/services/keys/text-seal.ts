import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretStore } from '../core/context';

/**
 * Seals short text (a password) with AES-256-GCM under `key`: nonce, tag, then the ciphertext.
 * Only a holder of the key opens it, and a changed byte is refused rather than misread.
 */
export function textSeal(key: Buffer): SecretStore {
  if (key.length !== 32) throw new Error('A text seal key must be 32 bytes');
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
