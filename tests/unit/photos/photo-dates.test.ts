import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, CLINIC_PRACTITIONER, startClinic, type TestApp } from '../../support/helpers';
import type { Photo, PhotoChange, PhotoJob } from '../../../shared/api/photos';
import { settlePhotoJobs } from '../../../electron/services/photos/import-jobs';
import { fixture, listPhotos, patientWith, TAGS, waitForJob } from './records-fixtures';

let app: TestApp;
let dir: string;
beforeEach(async () => {
  app = await startClinic({ as: 'practitioner' });
  dir = mkdtempSync(join(tmpdir(), 'mesochart-photo-dates-'));
});
afterEach(async () => {
  await settlePhotoJobs(app.services.state);
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const pad = (n: number) => String(n).padStart(2, '0');
/** A wall-clock "YYYY:MM:DD HH:MM:SS" as a camera writes it, `days` from now. */
function cameraDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}:${pad(d.getMonth() + 1)}:${pad(d.getDate())} 10:30:00`;
}

/** A copy of a real photo whose camera says it was taken at `date`. */
function photoDated(name: string, date: string, source = 'orientation-8.jpg'): string {
  const copy = join(dir, name);
  copyFileSync(fixture(source), copy);
  execFileSync('exiftool', ['-q', '-overwrite_original', `-DateTimeOriginal=${date}`, copy]);
  return copy;
}

async function importPaths(patientId: string, paths: string[]) {
  const files = app.services.state.fileTokens.register('photos', paths);
  const job = await app.ok<PhotoJob>('photos.startImport', { patientId, files, tags: TAGS });
  const done = await waitForJob(app, job.id);
  expect(done.refused).toEqual([]);
  return listPhotos(app, patientId);
}

const byCamera = (photos: Photo[], date: string) =>
  photos.find((p) => p.cameraTakenAt === date.replace(/^(\d+):(\d+):(\d+) /, '$1-$2-$3T'))!;

describe('camera dates at import', () => {
  it('asks about a date years before the first visit or in the future, not about a plausible one', async () => {
    const patient = await patientWith(app, ['photos-record']);
    const photos = await importPaths(patient.id, [
      photoDated('old.jpg', '2009:01:01 09:00:00'),
      photoDated('future.jpg', cameraDate(400)),
      photoDated('yesterday.jpg', cameraDate(-1)),
    ]);
    expect(byCamera(photos, '2009:01:01 09:00:00')).toMatchObject({
      takenAt: '2009-01-01T09:00:00',
      dateCheck: 'unconfirmed',
      dateCheckReason: 'before-first-visit',
    });
    expect(byCamera(photos, cameraDate(400))).toMatchObject({
      dateCheck: 'unconfirmed',
      dateCheckReason: 'future',
    });
    expect(byCamera(photos, cameraDate(-1))).toMatchObject({
      dateCheck: 'ok',
      dateCheckReason: null,
    });
  });

  it('follows the clinic’s margin before the first visit', async () => {
    const patient = await patientWith(app, ['photos-record']);
    // 20 days before registration is inside the default 30-day margin.
    const [first] = await importPaths(patient.id, [photoDated('a.jpg', cameraDate(-20))]);
    expect(first!.dateCheck).toBe('ok');

    // Only the admin sets the margins; a narrower one flags the next import.
    const refused = await app.call('photos.updateDateSettings', {
      daysBeforeFirstVisit: 10,
      hoursInFuture: 24,
    });
    expect(refused.ok).toBe(false);
    await app.ok('auth.signOut');
    await app.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    const bad = await app.call('photos.updateDateSettings', {
      daysBeforeFirstVisit: -1,
      hoursInFuture: 24,
    });
    expect(bad.ok || bad.error.fields).toEqual({ daysBeforeFirstVisit: 'At least 0 days' });
    await app.ok('photos.updateDateSettings', { daysBeforeFirstVisit: 10, hoursInFuture: 24 });
    expect(await app.ok('photos.dateSettings')).toEqual({
      daysBeforeFirstVisit: 10,
      hoursInFuture: 24,
    });
    await app.ok('auth.signOut');
    await app.ok('auth.signIn', {
      username: CLINIC_PRACTITIONER.username,
      password: CLINIC_PRACTITIONER.password,
    });
    // Another picture: the same one twice would be found already in the record.
    const photos = await importPaths(patient.id, [
      photoDated('b.jpg', cameraDate(-20), 'iphone4s-gps.jpg'),
    ]);
    expect(photos.filter((p) => p.dateCheck === 'unconfirmed')).toHaveLength(1);
  });
});

describe('confirming a date', () => {
  it('keeps the camera date or takes the entered one, and keeps both in the history', async () => {
    const patient = await patientWith(app, ['photos-record']);
    const photos = await importPaths(patient.id, [
      photoDated('old.jpg', '2009:01:01 09:00:00'),
      photoDated('future.jpg', '2041:06:01 12:00:00'),
    ]);
    const old = byCamera(photos, '2009:01:01 09:00:00');
    const future = byCamera(photos, '2041:06:01 12:00:00');

    const kept = await app.ok<Photo>('photos.confirmDate', { id: old.id, takenAt: null });
    expect(kept).toMatchObject({
      takenAt: '2009-01-01T09:00:00',
      takenAtSource: 'exif',
      dateCheck: 'confirmed',
    });

    // A camera date in the future cannot be right, nor can a typed one; nothing changes.
    const keepFuture = await app.call('photos.confirmDate', { id: future.id, takenAt: null });
    expect(keepFuture.ok ? null : keepFuture.error.fields).toEqual({
      takenAt: 'The camera date is in the future; enter the real date',
    });
    const slip = await app.call('photos.confirmDate', {
      id: future.id,
      takenAt: '2041-06-01T12:00',
    });
    expect(slip.ok).toBe(false);
    if (!slip.ok) {
      expect(slip.error.fields).toEqual({
        takenAt: 'The date a photo was taken cannot be in the future',
      });
    }
    expect(byCamera(await listPhotos(app, patient.id), '2041:06:01 12:00:00').dateCheck).toBe(
      'unconfirmed',
    );

    const entered = await app.ok<Photo>('photos.confirmDate', {
      id: future.id,
      takenAt: '2025-06-01T12:00',
    });
    expect(entered).toMatchObject({
      takenAt: '2025-06-01T12:00:00',
      takenAtSource: 'edited',
      cameraTakenAt: '2041-06-01T12:00:00',
      dateCheck: 'confirmed',
    });
    const changes = await app.ok<PhotoChange[]>('photos.changes', { id: future.id });
    expect(changes.map((c) => [c.field, c.oldValue, c.newValue, c.reason])).toEqual(
      expect.arrayContaining([
        [
          'taken_at',
          '2041-06-01T12:00:00',
          '2025-06-01T12:00:00',
          'Date entered in place of the camera date',
        ],
        ['date_check', 'unconfirmed', 'confirmed', 'Date entered in place of the camera date'],
      ]),
    );

    // Once answered, the question is closed: a later change goes through the photo's details.
    const again = await app.call('photos.confirmDate', { id: future.id, takenAt: null });
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
    const audit = app.services.state.store.sqlite
      .prepare(
        "SELECT object_id, outcome FROM audit_event WHERE operation = 'photos.confirmDate' ORDER BY seq",
      )
      .all();
    expect(audit).toEqual([
      { object_id: old.id, outcome: 'success' },
      { object_id: future.id, outcome: 'failed' },
      { object_id: future.id, outcome: 'failed' },
      { object_id: future.id, outcome: 'success' },
      { object_id: future.id, outcome: 'failed' },
    ]);
  });
});

describe('comparison alignment', () => {
  it('is saved per pair and read back; another patient’s photo cannot join it', async () => {
    const patient = await patientWith(app, ['photos-record']);
    const [a, b] = await importPaths(patient.id, [
      photoDated('a.jpg', cameraDate(-2)),
      photoDated('b.jpg', cameraDate(-1)),
    ]);
    const pair = { patientId: patient.id, firstId: a!.id, secondId: b!.id };
    expect(await app.ok('photos.alignment', pair)).toBeNull();
    const alignment = { offsetX: 0.05, offsetY: -0.1, scale: 1.2, rotation: -3.5 };
    await app.ok('photos.saveAlignment', { ...pair, alignment });
    await app.ok('photos.saveAlignment', { ...pair, alignment: { ...alignment, rotation: 2 } });
    expect(await app.ok('photos.alignment', pair)).toMatchObject({
      ...alignment,
      rotation: 2,
      updatedBy: CLINIC_PRACTITIONER.displayName,
    });

    const tooBig = await app.call('photos.saveAlignment', {
      ...pair,
      alignment: { ...alignment, scale: 9 },
    });
    expect(tooBig.ok).toBe(false);

    const other = await patientWith(app, ['photos-record'], 'Zoë');
    const files = app.services.state.fileTokens.register('photos', [
      photoDated('c.jpg', cameraDate(-3)),
    ]);
    const job = await app.ok<PhotoJob>('photos.startImport', {
      patientId: other.id,
      files,
      tags: TAGS,
    });
    await waitForJob(app, job.id);
    const [c] = await listPhotos(app, other.id);
    const mixed = await app.call('photos.saveAlignment', { ...pair, secondId: c!.id, alignment });
    expect(mixed.ok ? null : mixed.error.code).toBe('NOT_FOUND');
  });
});
