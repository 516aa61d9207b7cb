import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ADMIN, CLINIC } from '../../support/helpers';
import { flat, pdfInfo, pdfText } from '../documents/pdf-tools';
import { chosen, freshDir, launch, ok, testKeychain } from './launch';

/**
 * The service picks the sheet's language: the person saving it reads it, else the clinic's
 * screens' language (before setup nobody has an account: English, the clinic's default).
 */
describe('the recovery sheet’s language', () => {
  it('follows the clinic’s language, then the admin’s own choice, read back in logical order', async () => {
    const dataDir = freshDir();
    const out = mkdtempSync(path.join(os.tmpdir(), 'mesochart-sheet-language-'));
    const launcher = await launch(dataDir, testKeychain());
    const { recoveryKey } = await ok<{ recoveryKey: string }>(launcher, 'keys.recoveryKey');
    const key = recoveryKey.replace(/-/g, '');
    const save = async (name: string) => {
      const target = path.join(out, `${name}.pdf`);
      await ok(launcher, 'keys.saveRecoverySheet', { target: chosen('save-pdf', target) });
      // MESOCHART_KEEP_SHEETS=<folder> keeps them, to look at the pages.
      const keep = process.env.MESOCHART_KEEP_SHEETS;
      if (keep) {
        mkdirSync(keep, { recursive: true });
        copyFileSync(target, path.join(keep, `${name}.pdf`));
      }
      expect(pdfInfo(target).Pages).toBe('1');
      const text = flat(pdfText(target));
      expect(text.replace(/\s+/g, '')).toContain(key);
      return text;
    };
    try {
      const before = await save('sheet-before-setup');
      expect(before).toContain('Recovery sheet');

      await ok(launcher, 'auth.setup', { clinic: CLINIC, admin: ADMIN });
      await ok(launcher, 'clinic.updateSettings', { uiLanguage: 'tr' });
      // The admin chose no language of her own: the clinic's Turkish.
      const turkish = await save('sheet-tr');
      expect(turkish).toContain('Kurtarma sayfası');
      expect(turkish).toContain('Bu sayfanın saklanması');
      expect(turkish).toContain(`${CLINIC.name} ·`);
      expect(turkish).not.toContain('Recovery sheet');

      // Her own Arabic wins over the clinic's; pdftotext reads the Arabic words in logical order.
      await ok(launcher, 'staff.setOwnLanguage', { language: 'ar' });
      const arabic = await save('sheet-ar');
      expect(arabic).toContain('ورقة الاسترداد');
      expect(arabic).toContain('حفظ هذه الورقة');
      expect(arabic).toContain(CLINIC.name);
      expect(arabic).not.toContain('Kurtarma sayfası');

      // Her choice cleared: the clinic's language again.
      await ok(launcher, 'staff.setOwnLanguage', { language: null });
      expect(await save('sheet-tr-again')).toContain('Kurtarma sayfası');
    } finally {
      await launcher.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });
});
