import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/app';
import { DatabaseKeyError, isPlainDatabase } from '../../../electron/services/store/encryption';
import { openKeys } from '../../../electron/services/keys/keyring';
import { SealedFileError } from '../../../electron/services/vault/file-cipher';
import { plainVault, sealedVault } from '../../../electron/services/vault/file-vault';
import type { Photo } from '../../../shared/api/photos';
import { createBackup } from '../../../electron/services/backup/archive';
import { restoreBackup } from '../../../electron/services/backup/restore';
import { vaultOf } from '../../../electron/services/vault/file-vault';
import {
  ADMIN,
  CLINIC_PRACTITIONER,
  startClinic,
  TEST_ORIGIN,
  TRUSTED,
  type TestApp,
} from '../../support/helpers';
import { FAST_KDF, PASSPHRASE, tempDir } from '../backup/backup-fixtures';
import { fixture, importFiles, listPhotos, patientWith } from '../photos/records-fixtures';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** Every file under the data folder (database, WAL, photos, documents), with its path. */
function dataFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

const CLINIC_PASSPHRASE = 'restored clinic passphrase';
const NOTE = 'Blurred by a sneeze; retake at the next visit (ref QZX-7731)';

/** A practitioner's day: a patient, two photos, a comparison PDF, a photo archived with a note. */
async function clinicDay(): Promise<{ a: TestApp; photos: Photo[]; patientName: string[] }> {
  const a = await startClinic({ as: 'practitioner' });
  app = a;
  const patient = await patientWith(a, ['photos-record', 'photos-other']);
  const job = await importFiles(a, patient.id, ['orientation-8.jpg', 'iphone4s-gps.jpg']);
  expect(job.status).toBe('finished');
  const photos = await listPhotos(a, patient.id);
  expect(photos).toHaveLength(2);
  await a.ok('photos.exportComparisonPdf', {
    patientId: patient.id,
    leftId: photos[0]!.id,
    rightId: photos[1]!.id,
    locale: 'en-GB',
  });
  await a.ok('photos.archive', { id: photos[1]!.id, archived: true, reason: NOTE });
  await a.services.state.auditQueue.flush();
  return { a, photos, patientName: [patient.givenName, patient.familyName] };
}

/**
 * Fails unless no file under `dir` holds the patient's name, the note, the photo's bytes or its
 * hash (in its bytes or its name), and every file is owner-only.
 */
function expectNothingReadable(dir: string, photos: Photo[], patientName: string[]): void {
  const source = readFileSync(fixture('orientation-8.jpg'));
  const needles: [string, Buffer][] = [
    ...patientName.map((n) => [`name ${n}`, Buffer.from(n, 'utf8')] as [string, Buffer]),
    ['note', Buffer.from(NOTE, 'utf8')],
    // A slice of the picture's compressed data, which the stored original keeps byte for byte.
    ['photo bytes', source.subarray(source.length - 4096, source.length - 4096 + 64)],
  ];
  for (const photo of photos) {
    needles.push([`photo hash ${photo.sha256}`, Buffer.from(photo.sha256, 'ascii')]);
    needles.push([`raw photo hash`, Buffer.from(photo.sha256, 'hex')]);
  }
  const sourceHash = createHash('sha256').update(source).digest('hex');
  needles.push(['source file hash', Buffer.from(sourceHash, 'ascii')]);
  for (const file of dataFiles(dir)) {
    const bytes = readFileSync(file);
    for (const [what, needle] of needles) {
      expect(bytes.includes(needle), `${what} in ${path.relative(dir, file)}`).toBe(false);
    }
    // Nor in a file's name: a photo is not found by hashing it.
    for (const photo of photos) expect(file).not.toContain(photo.sha256);
    expect(file).not.toContain(sourceHash);
    // Owner-only, like the database.
    expect(statSync(file).mode & 0o077).toBe(0);
  }
  // Every folder too (0700): the folder itself, photos' shards, each patient's documents.
  const folders = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(e.parentPath, e.name));
  expect(folders.length).toBeGreaterThan(2);
  for (const folder of [dir, ...folders]) {
    expect(statSync(folder).mode & 0o077, path.relative(dir, folder)).toBe(0);
  }
}

describe('the data folder at rest', { timeout: 180_000 }, () => {
  it('holds no patient name, note, photo bytes or photo hash in any byte, WAL included', async () => {
    const { a, photos, patientName } = await clinicDay();
    const files = dataFiles(a.dataDir);
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
    expect(files.filter((f) => f.includes(`${path.sep}photos${path.sep}`)).length).toBe(6);
    expect(files.some((f) => f.includes(`${path.sep}documents${path.sep}`))).toBe(true);
    expectNothingReadable(a.dataDir, photos, patientName);
  });

  it('refuses a wrong key cleanly, with typed errors, for the database and each file', async () => {
    const { a, photos } = await clinicDay();
    const row = a.services.state.store.sqlite
      .prepare('SELECT thumbnail_path FROM photo WHERE id = ?')
      .get(photos[0]!.id) as { thumbnail_path: string };
    const key = `photos/${row.thumbnail_path}`;
    const right = await sealedVault(a.dataDir, a.databaseKey).read(key);
    expect(right.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    const wrong = sealedVault(a.dataDir, randomBytes(32));
    const refused = await wrong.read(key).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SealedFileError);
    expect((refused as SealedFileError).reason).toBe('wrong-key');
    // Without any key a sealed file is not passed off as a photo either.
    const noKey = await plainVault(a.dataDir)
      .read(key)
      .catch((e: unknown) => e);
    expect((noKey as SealedFileError).reason).toBe('wrong-key');

    await a.services.close();
    await expect(
      createServices({
        dataDir: a.dataDir,
        databaseKey: randomBytes(32),
        trustedOrigin: TEST_ORIGIN,
      }),
    ).rejects.toBeInstanceOf(DatabaseKeyError);
    // The folder still opens with its own key, every photo readable.
    const reopened = await createServices({
      dataDir: a.dataDir,
      databaseKey: a.databaseKey,
      trustedOrigin: TEST_ORIGIN,
    });
    expect((await sealedVault(a.dataDir, a.databaseKey).read(key)).equals(right)).toBe(true);
    a.services = reopened;
  });

  it('refuses a tampered file (GCM authentication) with a typed error and keeps working', async () => {
    const { a, photos } = await clinicDay();
    const row = a.services.state.store.sqlite
      .prepare('SELECT thumbnail_path FROM photo WHERE id = ?')
      .get(photos[0]!.id) as { thumbnail_path: string };
    const file = path.join(a.dataDir, 'photos', ...row.thumbnail_path.split('/'));
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0x01;
    writeFileSync(file, bytes);

    const result = await a.call('photos.image', { id: photos[0]!.id, size: 'thumbnail' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('CONFLICT');
      expect(result.error.message).toMatch(/changed or damaged/);
    }
    const refused = await sealedVault(a.dataDir, a.databaseKey)
      .read(`photos/${row.thumbnail_path}`)
      .catch((e: unknown) => e);
    expect((refused as SealedFileError).reason).toBe('tampered');
    // The other images still show.
    const preview = await a.ok<{ dataUrl: string }>('photos.image', {
      id: photos[0]!.id,
      size: 'preview',
    });
    expect(preview.dataUrl.startsWith('data:image/jpeg;base64,/9j/')).toBe(true);
  });

  it('restores a backup sealed under new keys: nothing readable before it is ever opened', async () => {
    const { a, photos, patientName } = await clinicDay();
    const folder = tempDir('vault-backups');
    const backup = await createBackup({
      sqlite: a.services.state.store.sqlite,
      snapshot: (file) => a.services.state.store.snapshotTo(file),
      dataDir: a.dataDir,
      folder,
      passphrase: PASSPHRASE,
      keep: 2,
      now: new Date(),
      kdf: FAST_KDF,
      readSealed: (relPath) => vaultOf(a.dataDir).read(relPath),
    });
    const stored = dataFiles(a.dataDir).filter((f) => f.endsWith('.enc'));
    // database, audit key (when kept in the folder), 6 photo files, 1 PDF
    expect(backup.files).toBeGreaterThanOrEqual(stored.length + 1);
    const target = path.join(tempDir('vault-restore'), 'data');
    const summary = await restoreBackup(backup.file, PASSPHRASE, target, {
      keys: { seal: { kind: 'passphrase', passphrase: CLINIC_PASSPHRASE }, kdf: FAST_KDF },
    });
    expect(summary.files).toBe(backup.files);

    // Before anything opens it: the database is encrypted, every photo and PDF sealed, the
    // audit key inside the sealed key file, not beside it.
    expectNothingReadable(target, photos, patientName);
    expect(isPlainDatabase(path.join(target, 'mesochart.sqlite'))).toBe(false);
    expect(existsSync(path.join(target, 'audit.key'))).toBe(false);
    const sealedFiles = dataFiles(target).filter((f) => /[\\/](photos|documents)[\\/]/.test(f));
    expect(sealedFiles).toHaveLength(stored.length);
    for (const file of sealedFiles) {
      expect(file.endsWith('.enc')).toBe(true);
      expect(readFileSync(file).subarray(0, 4).toString()).toBe('MCEF');
    }
    // Nothing of the restore is left beside the folder either.
    expect(readdirSync(path.dirname(target))).toEqual(['data']);

    // It opens with its new keys (the passphrase here, the recovery key on another computer),
    // which differ from the source clinic's data key; the audit key is the backup's.
    const keys = await openKeys(target, { kind: 'passphrase', passphrase: CLINIC_PASSPHRASE });
    const recovered = await openKeys(target, {
      kind: 'recovery',
      recoveryKey: summary.recoveryKey ?? '',
    });
    expect(recovered.dataKey.equals(keys.dataKey)).toBe(true);
    expect(keys.dataKey.equals(a.databaseKey)).toBe(false);
    const restored = await createServices({
      dataDir: target,
      databaseKey: keys.dataKey,
      auditKey: keys.auditKey,
      trustedOrigin: TEST_ORIGIN,
    });
    try {
      const call = async <T>(op: string, input: unknown) => {
        const r = await restored.dispatch(TRUSTED, op, input);
        if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
        return r.value as T;
      };
      await call('auth.signIn', {
        username: CLINIC_PRACTITIONER.username,
        password: CLINIC_PRACTITIONER.password,
      });
      const back = await call<Photo[]>('photos.list', {
        patientId: photos[0]!.patientId,
        includeArchived: true,
      });
      expect(back.map((p) => p.sha256).sort()).toEqual(photos.map((p) => p.sha256).sort());
      for (const photo of back) {
        for (const size of ['thumbnail', 'preview'] as const) {
          const image = await call<{ dataUrl: string }>('photos.image', { id: photo.id, size });
          expect(image.dataUrl.startsWith('data:image/jpeg;base64,/9j/')).toBe(true);
        }
      }
      const documents = await call<{ fileCheck: string }[]>('documents.list', {
        patientId: photos[0]!.patientId,
      });
      expect(documents.map((d) => d.fileCheck)).toEqual(['ok']);
      await call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
      expect(await call<{ ok: boolean }>('audit.verify', {})).toMatchObject({ ok: true });
      // Opening had nothing left to seal: the files are the ones the restore wrote.
      expect(
        dataFiles(target)
          .filter((f) => /[\\/](photos|documents)[\\/]/.test(f))
          .sort(),
      ).toEqual(sealedFiles.sort());
    } finally {
      await restored.close();
    }
  });
});
