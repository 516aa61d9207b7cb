import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt at OWASP's minimum (N=2^17, r=8, p=1) with a per-user 16-byte salt. The parameters are
 * stored with each hash so they can be raised later without invalidating existing accounts.
 */
export const PASSWORD_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

let params: { N: number; r: number; p: number } = PASSWORD_PARAMS;

/**
 * Lowers the cost of new hashes in this process. Test suites set up thousands of clinics and
 * accounts, and at 2^17 the hashing was over half of their run time; verifying always uses the
 * parameters stored with the hash, so nothing else changes. The app and the tools never call it.
 */
export function setPasswordCostForTests(N: number | null): void {
  if (N !== null && (!Number.isInteger(Math.log2(N)) || N < 2 ** 10)) {
    throw new RangeError('scrypt N must be a power of two of at least 2^10');
  }
  params = N === null ? PASSWORD_PARAMS : { ...PASSWORD_PARAMS, N };
}

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128 * N * r bytes, or Node refuses the parameters.
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { N, r, p, maxmem: 256 * N * r },
      (e, key) => (e ? reject(e) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = params;
  const key = await derive(password, salt, N, r, p);
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(
    password,
    Buffer.from(salt, 'base64'),
    Number(n),
    Number(r),
    Number(p),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a random password: compared against when the user name is unknown, so the time taken does not reveal which names exist. */
let decoy: { N: number; hash: Promise<string> } | undefined;
export function decoyHash(): Promise<string> {
  // Made at the current cost, so an unknown name takes as long as a known one.
  if (decoy?.N !== params.N) {
    decoy = { N: params.N, hash: hashPassword(randomBytes(16).toString('hex')) };
  }
  return decoy.hash;
}
