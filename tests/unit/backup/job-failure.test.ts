import { afterAll, describe, expect, it } from 'vitest';
import i18n from '../../../renderer/src/i18n/index';
import { failureText } from '../../../renderer/src/lib/error-text';
import type { BackupStatus } from '../../../shared/api/backup';
import { BackupError } from '../../../electron/services/backup/archive';
import { damaged } from '../../../electron/services/backup/archive/backup-error';
import { jobFailure } from '../../../electron/services/backup/job-failure';
import { writeSettingValue } from '../../../electron/services/store/settings';
import { startClinic } from '../../support/helpers';

afterAll(() => i18n.changeLanguage('en'));

describe("a backup or restore job's failure", () => {
  it('keeps the English detail for the log and gives the screens a key', () => {
    const failure = jobFailure('restore', damaged('part 3 fails its check'));
    expect(failure.message).toMatch(/part 3 fails its check/);
    expect(failure.text).toEqual({ key: 'errors.backup.jobFailure.damaged' });
    const io = new BackupError('io', 'The backup could not be written (ENOSPC).');
    expect(jobFailure('backup', io).text).toEqual({ key: 'errors.backup.jobFailure.writeFailed' });
    expect(jobFailure('restore', io).text).toEqual({ key: 'errors.backup.jobFailure.readFailed' });
  });

  it('never passes on an unexpected error, in English or in its key', () => {
    const failure = jobFailure('backup', new Error('EACCES /home/someone/secret'));
    expect(failure.message).toBe('The backup failed because of an internal error.');
    expect(failure.text).toEqual({ key: 'errors.backup.jobFailure.backupInternal' });
  });

  it('is worded in the reader’s language', async () => {
    const { text, message } = jobFailure('restore', damaged('header'));
    await i18n.changeLanguage('fr');
    expect(failureText(text, message)).toBe(
      'Le fichier de sauvegarde est endommagé ou incomplet ; il n’a pas été utilisé.',
    );
    await i18n.changeLanguage('tr');
    expect(failureText(text, message)).toBe('Yedek dosyası hasarlı veya eksik; kullanılmadı.');
    await i18n.changeLanguage('ar');
    expect(failureText({ key: 'errors.backup.passphraseTooShort', params: { min: 12 } }, '')).toBe(
      'يجب ألا تقل عبارة المرور عن 12 حرفًا',
    );
  });
});

describe('the last backup failure, as stored', () => {
  it('a failure stored in English before failures had keys still shows as it was', async () => {
    const app = await startClinic();
    try {
      const old = { at: '2026-11-02T12:00:00.000Z', message: 'The backup folder is gone.' };
      await writeSettingValue(app.services.state.store.db, 'backup-log', {
        lastSuccess: null,
        lastFailure: old,
      });
      const status = await app.ok<BackupStatus>('backup.status');
      expect(status.lastFailure).toEqual(old);
      await i18n.changeLanguage('fr');
      const { text, message } = status.lastFailure!;
      expect(failureText(text, message)).toBe('The backup folder is gone.');
    } finally {
      await app.close();
    }
  });
});
