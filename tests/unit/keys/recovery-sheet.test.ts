import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chosen, freshDir, launch, ok, testKeychain } from './launch';

describe('the recovery sheet', () => {
  it('is one page with the recovery key as typed back, saved only where the user chose', async () => {
    const dataDir = freshDir();
    const out = mkdtempSync(path.join(os.tmpdir(), 'mesochart-sheet-'));
    const launcher = await launch(dataDir, testKeychain());
    try {
      const { recoveryKey } = await ok<{ recoveryKey: string }>(launcher, 'keys.recoveryKey');
      const target = path.join(out, 'sheet.pdf');
      // A path typed in place of the save dialog's token is refused; nothing is written.
      const typed = await launcher.dispatch(
        { url: 'http://mesochart.test/index.html', isMainFrame: true },
        'keys.saveRecoverySheet',
        { target },
      );
      expect(!typed.ok && typed.error.fields?.target).toMatch(/typed path is not accepted/);
      expect(existsSync(target)).toBe(false);
      await ok(launcher, 'keys.saveRecoverySheet', { target: chosen('save-pdf', target) });
      if (process.env.MESOCHART_KEEP_SHEET) {
        execFileSync('cp', [target, process.env.MESOCHART_KEEP_SHEET]);
      }
      expect(execFileSync('pdfinfo', [target], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
      const text = execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, '')).toContain(recoveryKey.replace(/-/g, ''));
      expect(text).toContain('Recovery sheet');
      expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');

      const inside = await launcher.dispatch(
        { url: 'http://mesochart.test/index.html', isMainFrame: true },
        'keys.saveRecoverySheet',
        { target: chosen('save-pdf', path.join(dataDir, 'sheet.pdf')) },
      );
      expect(!inside.ok && inside.error.fields?.target).toMatch(
        /outside the Mesochart data folder/,
      );
      expect(existsSync(path.join(dataDir, 'sheet.pdf'))).toBe(false);

      await ok(launcher, 'keys.confirmRecoveryKey');
      const gone = await launcher.dispatch(
        { url: 'http://mesochart.test/index.html', isMainFrame: true },
        'keys.saveRecoverySheet',
        { target: chosen('save-pdf', path.join(out, 'again.pdf')) },
      );
      expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');
    } finally {
      await launcher.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });
});
