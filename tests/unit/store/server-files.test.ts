import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { joinClinic, startClinic, CLINIC_PRACTITIONER, type TestApp } from '../../support/helpers';
import { runAsWorkstation } from '../../support/test-store';
import { TAGS, fixture, listPhotos, patientWith, waitForJob } from '../photos/records-fixtures';
import type { Photo, PhotoJob } from '../../../shared/api/photos';

const open: TestApp[] = [];
afterEach(async () => {
  // The workstation first: the first clinic's close drops the database.
  for (const app of open.reverse()) await app.close();
  open.length = 0;
});

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** Imports fixture photos as the photo dialog hands them over (a one-time file token). */
async function importFiles(app: TestApp, patientId: string, names: string[]) {
  const files = app.services.state.fileTokens.register('photos', names.map(fixture));
  const job = await app.ok<PhotoJob>('photos.startImport', { patientId, files, tags: TAGS });
  return waitForJob(app, job.id);
}

const jpegOf = (dataUrl: string) => Buffer.from(dataUrl.split(',')[1] ?? '', 'base64');

describe('photos and PDFs on a clinic server', { timeout: 240_000 }, () => {
  it('are imported at one workstation and shown at another, stored only as ciphertext', async () => {
    const desk = await startClinic({ as: 'practitioner' });
    open.push(desk);
    const room = await joinClinic(desk);
    open.push(room);
    await room.ok('auth.signIn', {
      username: CLINIC_PRACTITIONER.username,
      password: CLINIC_PRACTITIONER.password,
    });

    const patient = await patientWith(desk, ['photos-record', 'photos-other']);
    const job = await importFiles(desk, patient.id, ['orientation-8.jpg', 'iphone4s-gps.jpg']);
    expect(job.status).toBe('finished');
    const mine = await listPhotos(desk, patient.id);
    const pdf = await desk.ok<{ path: string; relativePath: string }>(
      'photos.exportComparisonPdf',
      { patientId: patient.id, leftId: mine[0]!.id, rightId: mine[1]!.id, locale: 'en-GB' },
    );

    // The other computer lists the same photos and shows their images, never having had a file.
    const seen = await listPhotos(room, patient.id);
    expect(seen.map((p: Photo) => p.sha256).sort()).toEqual(mine.map((p) => p.sha256).sort());
    for (const photo of seen) {
      for (const size of ['thumbnail', 'preview'] as const) {
        const image = await room.ok<{ dataUrl: string }>('photos.image', { id: photo.id, size });
        const bytes = jpegOf(image.dataUrl);
        expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
        expect(bytes.length).toBeGreaterThan(1000);
      }
    }
    // The comparison PDF archived at the desk opens in the treatment room and reads back.
    const docs = await room.ok<{ id: string; kind: string }[]>('documents.list', {
      patientId: patient.id,
    });
    expect(docs.length).toBeGreaterThan(0);
    const opened = await room.ok<{ path: string }>('documents.open', { documentId: docs[0]!.id });
    expect(opened.path.startsWith(room.dataDir)).toBe(true);
    const text = execFileSync('pdftotext', [opened.path, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Şebnem/);

    // Neither computer keeps a photo or PDF of the record in its folder: only the room's
    // sealed copies of the derived images it showed, in its cache.
    expect(filesUnder(path.join(desk.dataDir, 'photos'))).toEqual([]);
    expect(filesUnder(path.join(room.dataDir, 'photos'))).toEqual([]);
    expect(existsSync(path.join(desk.dataDir, 'documents', pdf.relativePath))).toBe(false);
    const cached = filesUnder(path.join(room.dataDir, 'server-cache'));
    expect(cached.length).toBe(4);
    expect(cached.every((f) => /\.(thumb|preview)\.jpg\.enc$/.test(f))).toBe(true);

    // The server holds each file once, every one sealed: no photo's bytes, hash or PDF text.
    const rows = (await runAsWorkstation(
      desk.database!.url,
      'SELECT key, bytes FROM file_blob ORDER BY key',
    )) as { key: string; bytes: Buffer }[];
    expect(rows.filter((r) => r.key.startsWith('photos/'))).toHaveLength(6);
    expect(rows.filter((r) => r.key.startsWith('documents/'))).toHaveLength(1);
    const source = readFileSync(fixture('orientation-8.jpg'));
    const slice = source.subarray(source.length - 4096, source.length - 4096 + 64);
    for (const row of rows) {
      expect(row.bytes.subarray(0, 4).toString('latin1')).toBe('MCEF');
      expect(row.bytes.includes(slice), row.key).toBe(false);
      expect(row.bytes.includes(Buffer.from('Şebnem', 'utf8')), row.key).toBe(false);
      expect(row.bytes.includes(Buffer.from('%PDF', 'latin1')), row.key).toBe(false);
      for (const photo of mine) {
        expect(row.key).not.toContain(photo.sha256);
        expect(row.bytes.includes(Buffer.from(photo.sha256, 'hex'))).toBe(false);
      }
    }
  });

  it('refuses a server file changed in the table, as it refuses a changed file on disk', async () => {
    const desk = await startClinic({ as: 'practitioner' });
    open.push(desk);
    const patient = await patientWith(desk, ['photos-record']);
    expect((await importFiles(desk, patient.id, ['orientation-8.jpg'])).status).toBe('finished');
    const [photo] = await listPhotos(desk, patient.id);
    // The owner flips one byte of the preview, past its header.
    await runAsWorkstation(
      desk.database!.ownerUrl,
      'UPDATE file_blob SET bytes = set_byte(bytes, 200, get_byte(bytes, 200) # 255) ' +
        "WHERE key LIKE '%.preview.jpg.enc'",
    );
    const refused = await desk.call('photos.image', { id: photo!.id, size: 'preview' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('CONFLICT');
    const thumbnail = await desk.ok<{ dataUrl: string }>('photos.image', {
      id: photo!.id,
      size: 'thumbnail',
    });
    expect(jpegOf(thumbnail.dataUrl).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });
});
