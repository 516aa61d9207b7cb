import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import {
  RecoveryCodeError,
  formatRecoveryCode,
  newRecoveryCode,
  parseRecoveryCode,
} from '../../../electron/services/keys/recovery-code';

function refusal(typed: string): RecoveryCodeError {
  try {
    parseRecoveryCode(typed);
  } catch (error) {
    if (error instanceof RecoveryCodeError) return error;
  }
  throw new Error('accepted');
}

describe('the recovery key as printed and typed', () => {
  it('is 8 groups of 5 characters, no I, L, O or U, and reads back to its 160 bits', () => {
    const secret = randomBytes(20);
    const code = formatRecoveryCode(secret);
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(parseRecoveryCode(code).equals(secret)).toBe(true);
    expect(newRecoveryCode()).not.toBe(newRecoveryCode());
  });

  it('accepts lower case, spaces, no hyphens and O/I/L typed for 0/1', () => {
    const code = newRecoveryCode();
    const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(formatRecoveryCode(parseRecoveryCode(sloppy))).toBe(code);
  });

  it('names the group with a mistyped character, for every position of every group', () => {
    const code = newRecoveryCode();
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let i = 0; i < code.length; i += 1) {
      if (code[i] === '-') continue;
      const other = alphabet[(alphabet.indexOf(code[i]!) + 7) % 32]!;
      const typed = code.slice(0, i) + other + code.slice(i + 1);
      expect(refusal(typed).group).toBe(Math.floor(i / 6) + 1);
    }
  });

  it('catches two groups typed in the wrong order, and a code too short', () => {
    const groups = newRecoveryCode().split('-');
    [groups[2], groups[3]] = [groups[3]!, groups[2]!];
    expect(refusal(groups.join('-')).group).not.toBeNull();
    expect(refusal('ABCDE-FGHJK').message).toMatch(/8 groups of 5/);
  });
});
