import { copyFileSync, readFileSync } from 'node:fs';
import { openStoredFile, plainCopy } from '../../support/sealed-files';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileToken, snapshot, startClinic, type TestApp } from '../../support/helpers';
import { exiftoolTags } from './helpers';
import type { PhotoJob } from '../../../shared/api/photos';
import { settlePhotoJobs } from '../../../electron/services/photos/import-jobs';
import {
  TAGS,
  fixture,
  importFiles,
  listPhotos,
  patientWith,
  photoRowCount,
  storedFiles,
  waitForJob,
} from './records-fixtures';

let app: TestApp;
beforeEach(async () => {
  app = await startClinic({ as: 'practitioner' });
});
afterEach(async () => {
  await settlePhotoJobs(app.services.state);
  await app.close();
});

describe('consent to photographs for the record', () => {
  it('blocks an import for a patient who never gave it: no file, no row', async () => {
    const patient = await patientWith(app, ['health-data']);
    const before = snapshot(app);
    const result = await app.call('photos.startImport', {
      patientId: patient.id,
      files: fileToken(app, 'photos', [fixture('orientation-8.jpg')]),
      tags: TAGS,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('CONFLICT');
    expect(result.error.message).toMatch(/not consented to photographs for the medical record/);
    await settlePhotoJobs(app.services.state);
    expect(storedFiles(app)).toEqual([]);
    expect(photoRowCount(app)).toBe(0);
    // Only the refused attempt's audit event was added.
    const audit = app.services.state.store.sqlite
      .prepare("SELECT outcome, error_code FROM audit_event WHERE operation = 'photos.startImport'")
      .all();
    expect(audit).toEqual([{ outcome: 'failed', error_code: 'CONFLICT' }]);
    expect(snapshot(app).length).toBeGreaterThan(before.length);
  });

  it('blocks an import, and a camera capture, once the consent is withdrawn', async () => {
    const patient = await patientWith(app, ['photos-record']);
    await app.ok('consents.record', {
      patientId: patient.id,
      kind: 'photos-record',
      decision: 'withdrawn',
      note: 'Asked by phone',
    });
    const file = await app.call('photos.startImport', {
      patientId: patient.id,
      files: fileToken(app, 'photos', [fixture('orientation-8.jpg')]),
      tags: TAGS,
    });
    expect(file.ok ? null : file.error.code).toBe('CONFLICT');
    const png = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#c08060' },
    })
      .png()
      .toBuffer();
    const capture = await app.call('photos.importCapture', {
      patientId: patient.id,
      dataUrl: `data:image/png;base64,${png.toString('base64')}`,
      tags: TAGS,
    });
    expect(capture.ok ? null : capture.error.code).toBe('CONFLICT');
    await settlePhotoJobs(app.services.state);
    expect(storedFiles(app)).toEqual([]);
    expect(photoRowCount(app)).toBe(0);
  });

  it('stops a running import when the consent is withdrawn during it', async () => {
    const patient = await patientWith(app, ['photos-record']);
    const job = await app.ok<PhotoJob>('photos.startImport', {
      patientId: patient.id,
      files: fileToken(app, 'photos', [
        fixture('sony-a6000-24mp.jpg'),
        fixture('orientation-8.jpg'),
      ]),
      tags: TAGS,
    });
    await app.ok('consents.record', {
      patientId: patient.id,
      kind: 'photos-record',
      decision: 'withdrawn',
      note: '',
    });
    const done = await waitForJob(app, job.id);
    expect(done.status).toBe('failed');
    expect(done.imported).toEqual([]);
    expect(done.refused[0]?.reason).toBe('consent-withdrawn');
    // The screens word the refusal and the stop from the catalogue, in their language.
    expect(done.refused[0]?.text).toEqual({ key: 'errors.photoConsent.photos-record' });
    expect(done.errorText).toEqual({ key: 'errors.photoConsent.photos-record' });
    expect(done.notImported).toBe(1);
    expect(photoRowCount(app)).toBe(0);
    expect(storedFiles(app)).toEqual([]);
  });
});

describe('an import job', () => {
  it('reports progress, imports the good files and refuses the corrupt one with its reason', async () => {
    const patient = await patientWith(app, ['photos-record']);
    const names = [
      'orientation-8.jpg',
      'iphone4s-gps.jpg',
      'corrupt-huge-exif-tag.jpg',
      'sony-a6000-24mp.jpg',
      'malformed-exif-canon.jpg',
    ];
    const started = Date.now();
    const job = await app.ok<PhotoJob>('photos.startImport', {
      patientId: patient.id,
      files: fileToken(app, 'photos', names.map(fixture)),
      tags: TAGS,
    });
    // The request returns before the files are read: the screen stays responsive.
    expect(job.status).toBe('running');
    expect(job.done).toBe(0);
    expect(job.total).toBe(5);
    const seen: PhotoJob[] = [];
    const done = await waitForJob(app, job.id, seen);
    console.info(`import of 5 fixtures (one 24 MP) took ${Date.now() - started} ms`);
    expect(done.status).toBe('finished');
    expect(done.done).toBe(5);
    expect(done.current).toBeNull();
    // Progress was seen between the start and the end.
    expect(seen.some((s) => s.status === 'running' && s.done > 0 && s.done < 5)).toBe(true);
    expect(done.imported.map((i) => i.fileName)).toEqual([
      'orientation-8.jpg',
      'iphone4s-gps.jpg',
      'sony-a6000-24mp.jpg',
      'malformed-exif-canon.jpg',
    ]);
    expect(done.refused).toHaveLength(1);
    expect(done.refused[0]).toMatchObject({ fileName: 'corrupt-huge-exif-tag.jpg' });
    expect(done.refused[0]?.message.length).toBeGreaterThan(10);
    expect(done.refused[0]?.text?.key).toMatch(/^errors\.photoFiles\./);

    const photos = await listPhotos(app, patient.id);
    expect(photos).toHaveLength(4);
    // Three stored files per photo and nothing else: the corrupt one left nothing.
    expect(storedFiles(app)).toHaveLength(12);
    expect(storedFiles(app).some((f) => f.includes('.tmp-'))).toBe(false);

    const rotated = photos.find((p) => p.width === 480 && p.height === 640);
    expect(rotated).toBeDefined();
    const thumb = app.services.state.store.sqlite
      .prepare('SELECT thumbnail_path FROM photo WHERE id = ?')
      .get(rotated!.id) as { thumbnail_path: string };
    // Stored encrypted, with a name that is not the photo's SHA-256; decrypted it is the image.
    const stored = readFileSync(join(app.dataDir, 'photos', thumb.thumbnail_path));
    expect(stored.subarray(0, 4).toString()).toBe('MCEF');
    expect(thumb.thumbnail_path).toMatch(/\.thumb\.jpg\.enc$/);
    expect(thumb.thumbnail_path).not.toContain(rotated!.sha256);
    const meta = await sharp(
      openStoredFile(app.dataDir, app.databaseKey, `photos/${thumb.thumbnail_path}`),
    ).metadata();
    expect([meta.width, meta.height]).toEqual([240, 320]);

    const sony = photos.find((p) => p.width === 6000);
    expect(sony).toMatchObject({ height: 4000, takenAtSource: 'exif' });
    expect(sony?.cameraModel).toMatch(/ILCE-6000/);

    // No GPS in any stored file.
    for (const file of storedFiles(app)) {
      const tags = exiftoolTags(plainCopy(app.dataDir, app.databaseKey, `photos/${file}`));
      expect(Object.keys(tags).filter((k) => /GPS/i.test(k))).toEqual([]);
    }
  });

  it('when cancelled keeps only the photos finished before the cancel, each with its row', async () => {
    const patient = await patientWith(app, ['photos-record']);
    const names = ['orientation-8.jpg', 'sony-a6000-24mp.jpg', 'iphone4s-gps.jpg'];
    const job = await app.ok<PhotoJob>('photos.startImport', {
      patientId: patient.id,
      files: fileToken(app, 'photos', names.map(fixture)),
      tags: TAGS,
    });
    // Cancel once the first photo is in.
    for (;;) {
      const s = await app.ok<PhotoJob>('photos.importStatus', { jobId: job.id });
      if (s.done >= 1) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await app.ok('photos.cancelImport', { jobId: job.id });
    const done = await waitForJob(app, job.id);
    expect(done.status).toBe('cancelled');
    expect(done.notImported).toBeGreaterThanOrEqual(1);
    expect(done.imported.length + done.refused.length + done.notImported).toBe(3);
    expect(done.imported[0]?.fileName).toBe('orientation-8.jpg');
    expect(photoRowCount(app)).toBe(done.imported.length);
    expect(storedFiles(app)).toHaveLength(3 * done.imported.length);
    const cancel = app.services.state.store.sqlite
      .prepare("SELECT patient_id FROM audit_event WHERE operation = 'photos.cancelImport'")
      .get() as { patient_id: string };
    expect(cancel.patient_id).toBe(patient.id);
  });

  it('stores the same photo once: one file set, one row per patient', async () => {
    const first = await patientWith(app, ['photos-record']);
    const second = await patientWith(app, ['photos-record'], 'Zoë');
    // The same bytes under two names in one import, then again in a later import.
    const copy = join(app.dataDir, 'copy-of-iphone.jpg');
    copyFileSync(fixture('iphone4s-gps.jpg'), copy);
    const job = await app.ok<PhotoJob>('photos.startImport', {
      patientId: first.id,
      files: fileToken(app, 'photos', [fixture('iphone4s-gps.jpg'), copy]),
      tags: TAGS,
    });
    const one = await waitForJob(app, job.id);
    expect(one.imported.map((i) => i.alreadyInRecord)).toEqual([false, true]);
    expect(one.imported[0]?.photoId).toBe(one.imported[1]?.photoId);
    const again = await importFiles(app, first.id, ['iphone4s-gps.jpg']);
    expect(again.imported).toEqual([
      { fileName: 'iphone4s-gps.jpg', photoId: one.imported[0]?.photoId, alreadyInRecord: true },
    ]);
    expect(await listPhotos(app, first.id)).toHaveLength(1);
    expect(storedFiles(app)).toHaveLength(3);

    // Another patient's record gets its own row; the file is still stored once.
    const other = await importFiles(app, second.id, ['iphone4s-gps.jpg']);
    expect(other.imported[0]?.alreadyInRecord).toBe(false);
    expect(photoRowCount(app)).toBe(2);
    expect(storedFiles(app)).toHaveLength(3);
  });

  it('imports a camera frame and tells it apart from file imports', async () => {
    const patient = await patientWith(app, ['photos-record']);
    const jpeg = await sharp({
      create: { width: 1280, height: 720, channels: 3, background: '#b07a5a' },
    })
      .jpeg()
      .toBuffer();
    const job = await app.ok<PhotoJob>('photos.importCapture', {
      patientId: patient.id,
      dataUrl: `data:image/jpeg;base64,${jpeg.toString('base64')}`,
      tags: { ...TAGS, phase: 'after' },
    });
    const done = await waitForJob(app, job.id);
    expect(done.imported).toHaveLength(1);
    const [photo] = await listPhotos(app, patient.id);
    expect(photo).toMatchObject({ source: 'camera', phase: 'after', width: 1280, height: 720 });
    expect(photo?.takenAtSource).toBe('import');
    const image = await app.ok<{ dataUrl: string }>('photos.image', {
      id: photo!.id,
      size: 'thumbnail',
    });
    const bytes = Buffer.from(image.dataUrl.split(',')[1]!, 'base64');
    expect((await sharp(bytes).metadata()).width).toBe(320);
    // The frame's temp file is gone.
    expect(storedFiles(app)).toHaveLength(3);
  });
});

/** One photo "chosen in the dialog": its one-time token. */
const chosen = (name: string) => fileToken(app, 'photos', [fixture(name)]);

describe('malformed requests', () => {
  it('are refused with nothing written', async () => {
    const patient = await patientWith(app, ['photos-record']);
    const before = snapshot(app);
    const attempts: unknown[] = [
      { patientId: patient.id, files: '', tags: TAGS },
      { patientId: patient.id, files: chosen('orientation-8.jpg') },
      {
        patientId: patient.id,
        files: chosen('orientation-8.jpg'),
        tags: { ...TAGS, view: 'up' },
      },
      { patientId: patient.id, files: chosen('orientation-8.jpg'), tags: TAGS, extra: 1 },
      { patientId: patient.id, files: 42, tags: TAGS },
      { patientId: patient.id, files: [chosen('orientation-8.jpg')], tags: TAGS },
      // Paths in place of the dialog's token.
      { patientId: patient.id, files: fixture('orientation-8.jpg'), tags: TAGS },
      { patientId: patient.id, paths: [fixture('orientation-8.jpg')], tags: TAGS },
    ];
    for (const input of attempts) {
      const result = await app.call('photos.startImport', input);
      expect(result.ok ? null : result.error.code).toBe('VALIDATION');
    }
    const capture = await app.call('photos.importCapture', {
      patientId: patient.id,
      dataUrl: 'data:text/html;base64,PGgxPg==',
      tags: TAGS,
    });
    expect(capture.ok ? null : capture.error.code).toBe('VALIDATION');
    const unknownPatient = await app.call('photos.startImport', {
      patientId: 'nobody',
      files: fileToken(app, 'photos', [fixture('orientation-8.jpg')]),
      tags: TAGS,
    });
    expect(unknownPatient.ok ? null : unknownPatient.error.code).toBe('NOT_FOUND');
    await settlePhotoJobs(app.services.state);
    expect(storedFiles(app)).toEqual([]);
    // Validation failures are refused before the transaction; not-found adds one audit event.
    const after = snapshot(app);
    expect(JSON.parse(after).find((t: [string]) => t[0] === 'photo')).toEqual(['photo', []]);
    expect(before.length).toBeLessThan(after.length);
  });

  it('refuses a folder one by one, importing the rest; a relative path never becomes a token', async () => {
    const patient = await patientWith(app, ['photos-record']);
    expect(() => fileToken(app, 'photos', ['relative/photo.jpg'])).toThrow();
    const job = await app.ok<PhotoJob>('photos.startImport', {
      patientId: patient.id,
      files: fileToken(app, 'photos', [app.dataDir, fixture('orientation-8.jpg')]),
      tags: TAGS,
    });
    const done = await waitForJob(app, job.id);
    expect(done.refused.map((r) => r.reason)).toEqual(['not-a-file']);
    expect(done.imported).toHaveLength(1);
    expect(readFileSync(fixture('orientation-8.jpg')).length).toBeGreaterThan(0);
  });
});
