import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FirstSteps } from '../../../shared/api/clinic';
import type { BackupJob } from '../../../shared/api/backup';
import type { TemplateVersionInfo } from '../../../shared/api/documents';
import type { DocumentTemplate } from '../../../shared/documents/template-schema';
import { setBackupRuntime, settleBackupJobs } from '../../../electron/services/backup/jobs';
import { ADMIN, fileToken, startClinic, type TestApp } from '../../support/helpers';
import { FAST_KDF, PASSPHRASE, tempDir } from '../backup/backup-fixtures';
import { PRACTITIONER } from '../sessions/fixtures';

let app: TestApp;
let folder: string;
beforeEach(async () => {
  app = await startClinic({ frozenClock: true });
  setBackupRuntime(app.services.state, { kdf: FAST_KDF });
  folder = tempDir('first-steps-backups');
});
afterEach(async () => {
  await settleBackupJobs(app.services.state);
  await app.close();
  rmSync(folder, { recursive: true, force: true });
});

const open = async () =>
  (await app.ok<FirstSteps>('clinic.firstSteps')).steps.filter((s) => !s.done).map((s) => s.key);

describe('first steps after setup', () => {
  it('tick themselves as the record gets each thing, and the list goes when all are done', async () => {
    expect(await app.ok<FirstSteps>('clinic.firstSteps')).toMatchObject({
      show: true,
      dismissedAt: null,
    });
    expect(await open()).toEqual(['staff', 'products', 'templates', 'backups']);

    await app.ok('staff.create', PRACTITIONER);
    expect(await open()).toEqual(['products', 'templates', 'backups']);

    // A product alone is not enough: a session records lots.
    const product = await app.ok<{ id: string }>('products.create', {
      name: 'NCTF 135 HA',
      manufacturer: 'Filorga',
      category: 'vitamins',
      ingredients: ['hyaluronic acid'],
      allergens: [],
      defaultVolumeMl: 3,
    });
    expect(await open()).toContain('products');
    await app.ok('products.addLot', {
      productId: product.id,
      lotNumber: 'VA-001',
      expiresOn: '2099-01-01',
      receivedOn: '2020-01-01',
    });
    expect(await open()).toEqual(['templates', 'backups']);

    // Opening the templates stores the defaults; only a version the clinic saves counts.
    const key = { kind: 'consent', procedureKind: 'pigmentation', language: 'en' } as const;
    const { info, template } = await app.ok<{
      info: TemplateVersionInfo;
      template: DocumentTemplate;
    }>('documents.template', key);
    expect(await open()).toContain('templates');
    const { version: _v, ...body } = template;
    await app.ok('documents.saveTemplate', { ...body, baseVersion: info.version });
    expect(await open()).toEqual(['backups']);

    // Choosing a folder is not a backup; a finished one is.
    await app.ok('backup.updateSettings', {
      folder: fileToken(app, 'backup-folder', folder),
      time: '13:00',
      keep: 3,
      passphrase: '',
      passphraseConfirm: '',
    });
    expect(await open()).toEqual(['backups']);
    await app.ok<BackupJob>('backup.run', { passphrase: PASSPHRASE });
    await settleBackupJobs(app.services.state);
    expect(await app.ok<FirstSteps>('clinic.firstSteps')).toMatchObject({
      show: false,
      steps: [
        { key: 'staff', done: true },
        { key: 'products', done: true },
        { key: 'templates', done: true },
        { key: 'backups', done: true },
      ],
    });
  });

  it('can be put away by the admin only, and stays away', async () => {
    await app.ok('staff.create', PRACTITIONER);
    await app.ok('auth.signOut');
    await app.ok('auth.signIn', {
      username: PRACTITIONER.username,
      password: PRACTITIONER.password,
    });
    const refused = await app.call('clinic.dismissFirstSteps');
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    await app.ok('auth.signOut');
    await app.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect((await app.ok<FirstSteps>('clinic.firstSteps')).show).toBe(true);
    const dismissed = await app.ok<FirstSteps>('clinic.dismissFirstSteps');
    expect(dismissed.show).toBe(false);
    expect(dismissed.dismissedAt).not.toBeNull();
    // The steps still say what is open, for whoever looks in Settings later.
    expect(dismissed.steps.filter((s) => !s.done).map((s) => s.key)).toEqual([
      'products',
      'templates',
      'backups',
    ]);
    expect((await app.ok<FirstSteps>('clinic.firstSteps')).show).toBe(false);
  });
});
