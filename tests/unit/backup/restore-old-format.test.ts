import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/app';
import { createBackup } from '../../../electron/services/backup/archive';
import { restoreBackup, verifyBackup } from '../../../electron/services/backup/restore';
import { openKeys } from '../../../electron/services/keys/keyring';
import { isPlainDatabase } from '../../../electron/services/store/encryption';
import { sealedVault } from '../../../electron/services/vault/file-vault';
import type { Photo } from '../../../shared/api/photos';
import { ADMIN, CLINIC_PRACTITIONER, TEST_ORIGIN, TRUSTED } from '../../support/helpers';
import { openStoredFile } from '../../support/sealed-files';
import { patientWithPhotosAndPdf, plainClinic } from '../vault/plain-clinic';
import { FAST_KDF, PASSPHRASE } from './backup-fixtures';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `mesochart-${prefix}-`));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Stored files under photos/ and documents/, relative to the data folder. */
function storedFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => /^(photos|documents)\//.test(f))
    .sort();
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const CLINIC_PASSPHRASE = 'restored clinic passphrase';

describe('a backup of a clinic from before keyed file names', { timeout: 180_000 }, () => {
  it('restores: files sealed under keyed names, byte for byte, and the log verifies', async () => {
    // The old format, as an unencrypted clinic wrote it: photos and PDFs stored plain under the
    // SHA-256 of their content, the rows naming those paths, audit.key as a file of the archive,
    // no audit head in the manifest.
    const source = tempDir('old-clinic');
    const old = await plainClinic(source);
    const { patient, photos } = await patientWithPhotosAndPdf(old);
    await old.services.state.auditQueue.flush();
    const oldFiles = storedFiles(source);
    expect(oldFiles).toHaveLength(7);
    for (const photo of photos) {
      const original = oldFiles.find(
        (f) => f.includes(`${photo.sha256}.`) && !f.includes('.thumb'),
      );
      expect(original, photo.sha256).toMatch(/^photos\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/);
      expect(sha256(readFileSync(path.join(source, original!)))).toBe(photo.sha256);
    }
    const oldPdf = oldFiles.find((f) => f.startsWith('documents/'))!;
    expect(path.basename(oldPdf)).toBe(`${sha256(readFileSync(path.join(source, oldPdf)))}.pdf`);
    expect(existsSync(path.join(source, 'audit.key'))).toBe(true);
    const folder = tempDir('old-backups');
    const backup = await createBackup({
      sqlite: old.services.state.store.sqlite,
      dataDir: source,
      folder,
      passphrase: PASSPHRASE,
      keep: 2,
      now: new Date(),
      kdf: FAST_KDF,
    });
    await old.close();
    // database, audit.key and the seven plain files
    expect(backup.files).toBe(9);
    expect((await verifyBackup(backup.file, PASSPHRASE)).files).toBe(9);

    // Restored as the app restores: sealed under new keys as it is written.
    const target = path.join(tempDir('old-restore'), 'data');
    const summary = await restoreBackup(backup.file, PASSPHRASE, target, {
      keys: { seal: { kind: 'passphrase', passphrase: CLINIC_PASSPHRASE }, kdf: FAST_KDF },
    });
    expect(summary.recoveryKey).toBeTruthy();
    expect(isPlainDatabase(path.join(target, 'mesochart.sqlite'))).toBe(false);
    expect(existsSync(path.join(target, 'audit.key'))).toBe(false);
    const restored = storedFiles(target);
    expect(restored).toHaveLength(7);
    for (const file of restored) {
      expect(file.endsWith('.enc'), file).toBe(true);
      expect(readFileSync(path.join(target, file)).subarray(0, 4).toString()).toBe('MCEF');
      for (const photo of photos) expect(file).not.toContain(photo.sha256);
    }

    const keys = await openKeys(target, { kind: 'passphrase', passphrase: CLINIC_PASSPHRASE });
    const vault = sealedVault(target, keys.dataKey);
    const services = await createServices({
      dataDir: target,
      databaseKey: keys.dataKey,
      auditKey: keys.auditKey,
      trustedOrigin: TEST_ORIGIN,
    });
    cleanup.push(() => services.close());
    // Opening had nothing left to seal or rename: the restore did it.
    expect(storedFiles(target)).toEqual(restored);
    const { sqlite } = services.state.store;
    const rows = sqlite
      .prepare('SELECT sha256, original_path, thumbnail_path, preview_path FROM photo')
      .all() as {
      sha256: string;
      original_path: string;
      thumbnail_path: string;
      preview_path: string;
    }[];
    expect(rows.map((r) => r.sha256).sort()).toEqual(photos.map((p) => p.sha256).sort());
    for (const row of rows) {
      // The original is the same picture to the byte, now under the keyed hash of its content.
      const original = openStoredFile(target, keys.dataKey, `photos/${row.original_path}`);
      expect(sha256(original)).toBe(row.sha256);
      const name = await vault.nameOf(original);
      expect(row.original_path).toBe(`${name.slice(0, 2)}/${name}.jpg.enc`);
      expect(row.thumbnail_path).toBe(`${name.slice(0, 2)}/${name}.thumb.jpg.enc`);
      expect(row.preview_path).toBe(`${name.slice(0, 2)}/${name}.preview.jpg.enc`);
    }
    const doc = sqlite.prepare('SELECT sha256, file_path FROM document').get() as {
      sha256: string;
      file_path: string;
    };
    const pdf = openStoredFile(target, keys.dataKey, `documents/${doc.file_path}`);
    expect(sha256(pdf)).toBe(doc.sha256);
    expect(path.basename(doc.file_path)).toBe(`${await vault.nameOf(pdf)}.pdf.enc`);

    const call = async <T>(operation: string, input: unknown = {}) => {
      const result = await services.dispatch(TRUSTED, operation, input);
      if (!result.ok) throw new Error(`${operation}: ${result.error.message}`);
      return result.value as T;
    };
    await call('auth.signIn', {
      username: CLINIC_PRACTITIONER.username,
      password: CLINIC_PRACTITIONER.password,
    });
    for (const photo of await call<Photo[]>('photos.list', { patientId: patient.id })) {
      for (const size of ['thumbnail', 'preview'] as const) {
        const image = await call<{ dataUrl: string }>('photos.image', { id: photo.id, size });
        expect(image.dataUrl.startsWith('data:image/jpeg;base64,/9j/')).toBe(true);
      }
    }
    const documents = await call<{ fileCheck: string }[]>('documents.list', {
      patientId: patient.id,
    });
    expect(documents.map((d) => d.fileCheck)).toEqual(['ok']);
    await call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(await call('audit.verify')).toMatchObject({ ok: true });
  });
});
