import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPlainDatabase } from '../../../electron/services/store/encryption';
import type { Photo } from '../../../shared/api/photos';
import type { ClinicLauncher } from '../../../electron/services/keys/launcher';
import { ADMIN, CLINIC_PRACTITIONER, TEST_ORIGIN, TRUSTED } from '../../support/helpers';
import { launchForTest, testKeychain } from '../../support/keys';
import { fixture } from '../photos/records-fixtures';
import { patientWithPhotosAndPdf, plainClinic } from './plain-clinic';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));

async function ok<T>(launcher: ClinicLauncher, operation: string, input: unknown = {}) {
  const result = await launcher.dispatch(TRUSTED, operation, input);
  if (!result.ok) throw new Error(`${operation}: ${result.error.message}`);
  return result.value as T;
}

describe('upgrade of an unencrypted clinic with photos and PDFs', { timeout: 180_000 }, () => {
  it('seals every photo and PDF under keyed names at the first start, and they still open', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-upgrade-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const plain = await plainClinic(dataDir);
    const { patient, photos } = await patientWithPhotosAndPdf(plain);
    await plain.close();
    // Before: plain files named by the SHA-256 of their content, the picture's bytes readable.
    const source = readFileSync(fixture('orientation-8.jpg'));
    const sliceOfPhoto = source.subarray(source.length - 4096, source.length - 4096 + 64);
    const before = filesUnder(dataDir).filter((f) => /[\\/](photos|documents)[\\/]/.test(f));
    expect(before.some((f) => readFileSync(f).includes(sliceOfPhoto))).toBe(true);
    expect(before.some((f) => f.includes(photos[0]!.sha256))).toBe(true);

    const launcher = await launchForTest(dataDir, 'keychain', TEST_ORIGIN, testKeychain());
    cleanup.push(() => launcher.close());
    expect(launcher.status().state).toBe('open');
    expect(isPlainDatabase(path.join(dataDir, 'mesochart.sqlite'))).toBe(false);
    const after = filesUnder(dataDir);
    const stored = after.filter((f) => /[\\/](photos|documents)[\\/]/.test(f));
    // Three files per photo and the PDF, each sealed, named by a keyed hash, none plain.
    expect(stored).toHaveLength(7);
    const sourceHash = createHash('sha256').update(source).digest('hex');
    for (const file of after) {
      const bytes = readFileSync(file);
      expect(bytes.includes(sliceOfPhoto), path.relative(dataDir, file)).toBe(false);
      expect(bytes.includes(Buffer.from(patient.familyName, 'utf8'))).toBe(false);
      for (const photo of photos) expect(file).not.toContain(photo.sha256);
      expect(file).not.toContain(sourceHash);
    }
    for (const file of stored) {
      expect(file.endsWith('.enc')).toBe(true);
      expect(readFileSync(file).subarray(0, 4).toString()).toBe('MCEF');
    }

    await ok(launcher, 'auth.signIn', {
      username: CLINIC_PRACTITIONER.username,
      password: CLINIC_PRACTITIONER.password,
    });
    const back = await ok<Photo[]>(launcher, 'photos.list', {
      patientId: patient.id,
      includeArchived: true,
    });
    expect(back.map((p) => p.sha256).sort()).toEqual(photos.map((p) => p.sha256).sort());
    for (const photo of back) {
      const image = await ok<{ dataUrl: string }>(launcher, 'photos.image', {
        id: photo.id,
        size: 'thumbnail',
      });
      expect(image.dataUrl.startsWith('data:image/jpeg;base64,/9j/')).toBe(true);
    }
    const documents = await ok<{ fileCheck: string }[]>(launcher, 'documents.list', {
      patientId: patient.id,
    });
    expect(documents.map((d) => d.fileCheck)).toEqual(['ok']);
    await ok(launcher, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(await ok(launcher, 'audit.verify')).toMatchObject({ ok: true });
  });
});
