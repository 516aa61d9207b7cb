import { randomBytes } from 'node:crypto';

/**
 * The recovery key as people read and type it: 160 random bits in Crockford's base32 (no I, L,
 * O or U, so nothing reads as another character), in 8 groups of 4 characters, each followed by
 * a check character over its group and its position. A mistyped character or two swapped groups
 * are caught before any key is derived, and the message can say which group to look at again.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SECRET_BYTES = 20;
const GROUPS = 8;
const GROUP_CHARS = 4;

/** A recovery key that cannot be right, told before any slow work: which group, or its length. */
export class RecoveryCodeError extends Error {
  constructor(
    message: string,
    /** 1-based group with a typo, when one group is to blame. */
    readonly group: number | null,
  ) {
    super(message);
    this.name = 'RecoveryCodeError';
  }
}

/** Luhn mod 32 over the group's position and its characters: any single change alters it. */
function checkChar(position: number, group: string): string {
  const values = [position, ...[...group].map((c) => ALPHABET.indexOf(c))];
  let sum = 0;
  let factor = 2;
  for (let i = values.length - 1; i >= 0; i -= 1) {
    const addend = factor * (values[i] ?? 0);
    sum += Math.floor(addend / 32) + (addend % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return ALPHABET[(32 - (sum % 32)) % 32] ?? '0';
}

function toBase32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

function fromBase32(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of text) {
    value = ((value << 5) | ALPHABET.indexOf(c)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** Formats 20 secret bytes as the printed code: `XXXX?-XXXX?-…` (8 groups of 5). */
export function formatRecoveryCode(secret: Buffer): string {
  if (secret.length !== SECRET_BYTES) throw new Error('A recovery secret is 20 bytes');
  const chars = toBase32(secret);
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g += 1) {
    const group = chars.slice(g * GROUP_CHARS, (g + 1) * GROUP_CHARS);
    groups.push(group + checkChar(g, group));
  }
  return groups.join('-');
}

/** A new random recovery key, formatted. */
export function newRecoveryCode(): string {
  return formatRecoveryCode(randomBytes(SECRET_BYTES));
}

/** What people confuse, read as what it must be; spaces, hyphens and case do not matter. */
function normalise(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/**
 * The 20 secret bytes of a typed recovery key, after checking each group; throws a
 * RecoveryCodeError naming the group that is wrong.
 */
export function parseRecoveryCode(text: string): Buffer {
  const chars = normalise(text);
  const size = GROUPS * (GROUP_CHARS + 1);
  if (chars.length !== size || [...chars].some((c) => !ALPHABET.includes(c))) {
    throw new RecoveryCodeError(
      `A recovery key has ${GROUPS} groups of ${GROUP_CHARS + 1} letters and digits; check what was typed.`,
      null,
    );
  }
  let data = '';
  for (let g = 0; g < GROUPS; g += 1) {
    const group = chars.slice(g * (GROUP_CHARS + 1), g * (GROUP_CHARS + 1) + GROUP_CHARS);
    if (chars[g * (GROUP_CHARS + 1) + GROUP_CHARS] !== checkChar(g, group)) {
      throw new RecoveryCodeError(
        `Group ${g + 1} of the recovery key has a typing mistake; compare it with the sheet.`,
        g + 1,
      );
    }
    data += group;
  }
  return fromBase32(data);
}
