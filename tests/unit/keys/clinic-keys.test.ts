import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { deriveKey, fileKey, fileNameKey } from '../../../electron/services/keys/clinic-keys';

describe('keys derived from the data key', () => {
  it('gives each purpose its own 32-byte key, the same every time for the same data key', () => {
    const dataKey = randomBytes(32);
    expect(fileKey(dataKey)).toHaveLength(32);
    expect(fileKey(dataKey).equals(fileKey(Buffer.from(dataKey)))).toBe(true);
    expect(fileKey(dataKey).equals(fileNameKey(dataKey))).toBe(false);
    expect(fileKey(dataKey).equals(dataKey)).toBe(false);
    expect(fileKey(dataKey).equals(fileKey(randomBytes(32)))).toBe(false);
  });

  it('is HKDF-SHA256 of the data key, info mesochart/<purpose>/v1 (value computed independently; a stored format)', () => {
    const dataKey = Buffer.alloc(32, 7);
    expect(fileKey(dataKey).toString('hex')).toBe(
      '281a76e1089e63581ef1d3726668bf2b41a5ff67e7a8928afae0c8c82cc915b6',
    );
  });

  it('refuses a data key of the wrong length or an empty purpose', () => {
    expect(() => fileKey(randomBytes(31))).toThrow(/32 bytes/);
    expect(() => deriveKey(randomBytes(32), '')).toThrow(/purpose/);
  });
});
