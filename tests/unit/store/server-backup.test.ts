import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/app';
import { verifyAudit } from '../../../electron/services/audit/audit-log';
import { backupServer, restoreServer } from '../../../electron/services/backup/server-backup';
import { verifyBackup } from '../../../electron/services/backup/restore';
import { BackupError } from '../../../electron/services/backup/archive';
import {
  fingerprintServer,
  pgClient,
  serverTables,
} from '../../../electron/services/store/copy-records';
import { ServerMoveError } from '../../../electron/services/store/server-move';
import {
  CLINIC_PRACTITIONER,
  startClinic,
  TEST_ORIGIN,
  TRUSTED,
  type TestApp,
} from '../../support/helpers';
import { RUNTIME_ROLE } from '../../support/postgres-cluster';
import { freshDatabase, runAsWorkstation, type TestDatabase } from '../../support/test-store';
import { FAST_KDF, PASSPHRASE } from '../backup/backup-fixtures';
import { TAGS, fixture, listPhotos, patientWith, waitForJob } from '../photos/records-fixtures';
import type { PhotoJob } from '../../../shared/api/photos';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup.length = 0;
});

function scratch(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `mesochart-${prefix}-`));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function fingerprints(url: string) {
  const client = await pgClient(url);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    return await fingerprintServer(client, await serverTables(client));
  } finally {
    await client.end();
  }
}

async function blobs(url: string) {
  return (await runAsWorkstation(
    url,
    "SELECT key, substring(bytes FROM 1 FOR 4) = 'MCEF'::bytea AS sealed FROM file_blob ORDER BY key",
  )) as { key: string; sealed: boolean }[];
}

/** A server clinic's day: a patient, two photos, a comparison PDF; every audit event written. */
async function serverClinic(): Promise<{ app: TestApp; patientId: string }> {
  const app = await startClinic({ as: 'practitioner' });
  cleanup.push(() => app.close());
  const patient = await patientWith(app, ['photos-record', 'photos-other']);
  const files = app.services.state.fileTokens.register('photos', [
    fixture('orientation-8.jpg'),
    fixture('iphone4s-gps.jpg'),
  ]);
  const job = await app.ok<PhotoJob>('photos.startImport', {
    patientId: patient.id,
    files,
    tags: TAGS,
  });
  expect((await waitForJob(app, job.id)).status).toBe('finished');
  const photos = await listPhotos(app, patient.id);
  await app.ok('photos.exportComparisonPdf', {
    patientId: patient.id,
    leftId: photos[0]!.id,
    rightId: photos[1]!.id,
    locale: 'en-GB',
  });
  await app.services.state.auditQueue.flush();
  return { app, patientId: patient.id };
}

describe('backups of a clinic server', { timeout: 300_000 }, () => {
  it('are written in the usual verified format and restore into an empty database', async () => {
    const { app, patientId } = await serverClinic();
    const source = app.database!;
    const folder = scratch('server-backups');
    const result = await backupServer({
      url: source.url,
      dataKey: app.databaseKey,
      auditKey: app.services.state.auditKey,
      workDir: scratch('work'),
      folder,
      passphrase: PASSPHRASE,
      keep: 3,
      now: new Date(),
      kdf: FAST_KDF,
    });
    // The same format as a single computer's backup: the admin tool's verify reads it.
    const summary = await verifyBackup(result.file, PASSPHRASE);
    expect(summary.files).toBe(result.files);
    // Database, audit key, 6 photo files and the PDF.
    expect(result.files).toBe(1 + 1 + 6 + 1);
    // Encrypted with the passphrase: no photo bytes or patient name readable in the file.
    const archive = readFileSync(result.file);
    const photo = readFileSync(fixture('orientation-8.jpg'));
    expect(archive.includes(photo.subarray(photo.length - 4096, photo.length - 4032))).toBe(false);
    expect(archive.includes(Buffer.from('Şebnem', 'utf8'))).toBe(false);

    const before = await fingerprints(source.url);
    const sourceBlobs = await blobs(source.url);
    const target: TestDatabase = await freshDatabase();
    cleanup.push(() => target.drop());
    const restored = await restoreServer({
      file: result.file,
      passphrase: PASSPHRASE,
      ownerUrl: target.ownerUrl,
      runtimeRole: RUNTIME_ROLE,
      dataKey: app.databaseKey,
      workDir: scratch('work'),
    });
    expect(restored.auditKey.equals(app.services.state.auditKey)).toBe(true);
    // Every table row for row, every file again sealed under the clinic's key and the same name.
    expect(await fingerprints(target.url)).toEqual(before);
    expect(await blobs(target.url)).toEqual(sourceBlobs);
    expect(sourceBlobs.every((b) => b.sealed)).toBe(true);

    // A workstation opens the restored server: chain verified, photos shown, the PDF opens.
    const room = await createServices({
      dataDir: scratch('room'),
      trustedOrigin: TEST_ORIGIN,
      databaseKey: app.databaseKey,
      auditKey: app.services.state.auditKey,
      databaseUrl: target.url,
    });
    cleanup.push(() => room.close());
    expect((await verifyAudit(room.state.store.db, room.state.auditKey)).ok).toBe(true);
    const signIn = await room.dispatch(TRUSTED, 'auth.signIn', {
      username: CLINIC_PRACTITIONER.username,
      password: CLINIC_PRACTITIONER.password,
    });
    expect(signIn.ok).toBe(true);
    const photos = await room.dispatch(TRUSTED, 'photos.list', { patientId });
    if (!photos.ok) throw new Error(photos.error.message);
    const list = photos.value as { id: string }[];
    expect(list).toHaveLength(2);
    for (const p of list) {
      const image = await room.dispatch(TRUSTED, 'photos.image', { id: p.id, size: 'preview' });
      expect(image.ok).toBe(true);
    }

    // Restoring into a database that holds a clinic is refused; nothing is added to it.
    await room.state.auditQueue.flush();
    const held = await fingerprints(target.url);
    await expect(
      restoreServer({
        file: result.file,
        passphrase: PASSPHRASE,
        ownerUrl: target.ownerUrl,
        dataKey: app.databaseKey,
        workDir: scratch('work'),
      }),
    ).rejects.toBeInstanceOf(ServerMoveError);
    expect(await fingerprints(target.url)).toEqual(held);
    // A wrong passphrase is the backup's own refusal.
    await expect(
      restoreServer({
        file: result.file,
        passphrase: 'not the passphrase at all',
        ownerUrl: target.ownerUrl,
        dataKey: app.databaseKey,
        workDir: scratch('work'),
      }),
    ).rejects.toBeInstanceOf(BackupError);
  });
});
