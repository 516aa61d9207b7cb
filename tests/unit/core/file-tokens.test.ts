import { describe, expect, it } from 'vitest';
import { FILE_TOKEN_TTL_MS, FileTokens } from '../../../electron/services/core/file-tokens';
import { fileTokenSchema } from '../../../shared/api/file-token';
import { AppError } from '../../../electron/services/core/errors';

function refusal(fn: () => unknown): string {
  try {
    fn();
    return 'taken';
  } catch (error) {
    return error instanceof AppError ? `${error.code} ${error.fields?.target}` : String(error);
  }
}

describe('one-time file tokens', () => {
  it('hand back the chosen path once, for the kind it was chosen for', () => {
    const tokens = new FileTokens();
    const token = tokens.register('save-pdf', ['/home/clinic/consent.pdf']);
    expect(tokens.takeOne('save-pdf', token, 'target')).toBe('/home/clinic/consent.pdf');
    expect(refusal(() => tokens.takeOne('save-pdf', token, 'target'))).toMatch(
      /^VALIDATION .*already used/,
    );
  });

  it('are refused for another kind, and spent by the attempt', () => {
    const tokens = new FileTokens();
    const token = tokens.register('save-png', ['/home/clinic/compare.png']);
    expect(refusal(() => tokens.takeOne('save-pdf', token, 'target'))).toMatch(
      /^VALIDATION .*chosen for something else/,
    );
    expect(refusal(() => tokens.takeOne('save-png', token, 'target'))).toMatch(/already used/);
  });

  it('expire', () => {
    let now = Date.parse('2026-12-02T09:00:00Z');
    const tokens = new FileTokens(() => new Date(now));
    const token = tokens.register('backup-file', ['/media/usb/clinic.mcbak']);
    now += FILE_TOKEN_TTL_MS;
    expect(refusal(() => tokens.takeOne('backup-file', token, 'target'))).toMatch(/expired/);
  });

  it('stand only for absolute paths the main process registered', () => {
    const tokens = new FileTokens();
    expect(() => tokens.register('save-pdf', ['../../x.pdf'])).toThrow();
    expect(() => tokens.register('save-pdf', ['/tmp/x\0.pdf'])).toThrow();
    expect(() => tokens.register('photos', [])).toThrow();
    expect(refusal(() => tokens.takeOne('save-pdf', 'A'.repeat(43), 'target'))).toMatch(
      /^VALIDATION/,
    );
  });

  it('cannot be mistaken for a path by the contract', () => {
    const schema = fileTokenSchema('where to save');
    for (const path of ['/etc/x.pdf', '../../x', 'C:\\Windows\\x.pdf', '~/x.pdf', '']) {
      expect(schema.safeParse(path).success, path).toBe(false);
    }
    const token = new FileTokens().register('save-pdf', ['/home/clinic/x.pdf']);
    expect(schema.safeParse(token).success).toBe(true);
  });
});
