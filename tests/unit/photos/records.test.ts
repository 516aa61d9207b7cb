import { execFileSync } from 'node:child_process';
import { pdfInfo } from '../documents/pdf-tools';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN,
  CLINIC_PRACTITIONER,
  fileToken,
  snapshot,
  startClinic,
  type TestApp,
} from '../../support/helpers';
import type { Photo, PhotoChange } from '../../../shared/api/photos';
import { settlePhotoJobs } from '../../../electron/services/photos/import-jobs';
import { importFiles, listPhotos, patientWith } from './records-fixtures';

let app: TestApp;
const CLINIC_PRACTITIONER_SIGN_IN = {
  username: CLINIC_PRACTITIONER.username,
  password: CLINIC_PRACTITIONER.password,
};
beforeEach(async () => {
  app = await startClinic({ as: 'practitioner' });
});
afterEach(async () => {
  await settlePhotoJobs(app.services.state);
  await app.close();
});

async function twoPhotos(consents: string[]) {
  const patient = await patientWith(app, consents);
  await importFiles(app, patient.id, ['orientation-8.jpg', 'iphone4s-gps.jpg']);
  const photos = await listPhotos(app, patient.id);
  return { patient, photos: photos as [Photo, Photo] };
}

describe('tags', () => {
  it('are changed with an audit event and the previous values kept', async () => {
    const { patient, photos } = await twoPhotos(['photos-record']);
    const [photo] = photos;
    const updated = await app.ok<Photo>('photos.update', {
      id: photo.id,
      phase: 'after',
      area: 'forehead',
      view: 'left-45',
      sessionId: null,
      takenAt: '2025-03-01T14:05',
    });
    expect(updated).toMatchObject({
      phase: 'after',
      area: 'forehead',
      view: 'left-45',
      takenAt: '2025-03-01T14:05:00',
      takenAtSource: 'edited',
    });
    const changes = await app.ok<PhotoChange[]>('photos.changes', { id: photo.id });
    expect(changes.map((c) => [c.field, c.oldValue, c.newValue]).sort()).toEqual(
      [
        ['area', 'cheeks', 'forehead'],
        ['phase', 'before', 'after'],
        ['taken_at', photo.takenAt, '2025-03-01T14:05:00'],
        ['view', 'front', 'left-45'],
      ].sort(),
    );
    const audit = app.services.state.store.sqlite
      .prepare(
        "SELECT patient_id, object_id, action, outcome FROM audit_event WHERE operation = 'photos.update'",
      )
      .all();
    expect(audit).toEqual([
      { patient_id: patient.id, object_id: photo.id, action: 'update', outcome: 'success' },
    ]);
    // The database itself refuses to change what file a photo is, or to delete it.
    const { sqlite } = app.services.state.store;
    expect(() =>
      sqlite.prepare('UPDATE photo SET sha256 = ? WHERE id = ?').run('0'.repeat(64), photo.id),
    ).toThrow(/never change/);
    expect(() => sqlite.prepare('DELETE FROM photo WHERE id = ?').run(photo.id)).toThrow(
      /archived, not deleted/,
    );
    expect(() => sqlite.prepare('DELETE FROM photo_change').run()).toThrow(/never deleted/);
  });

  it('refuse an invalid date, a session of another patient, and change nothing', async () => {
    const { photos } = await twoPhotos(['photos-record']);
    const before = snapshot(app);
    const bad = await app.call('photos.update', {
      id: photos[0].id,
      phase: 'before',
      area: 'cheeks',
      view: 'front',
      sessionId: null,
      takenAt: '2025-02-30T10:00',
    });
    expect(bad.ok ? null : bad.error.fields?.['takenAt']).toBe('Enter a valid date and time');
    const session = await app.call('photos.update', {
      id: photos[0].id,
      phase: 'before',
      area: 'cheeks',
      view: 'front',
      sessionId: 'not-a-session',
      takenAt: '2025-02-20T10:00',
    });
    expect(session.ok ? null : session.error.fields?.['sessionId']).toMatch(/not one of this/);
    const photoRows = (s: string) =>
      JSON.parse(s).filter((t: [string]) => t[0].startsWith('photo'));
    expect(photoRows(snapshot(app))).toEqual(photoRows(before));
  });

  it('archive keeps the photo and its reason, and hides it from the gallery', async () => {
    const { patient, photos } = await twoPhotos(['photos-record']);
    await app.ok('photos.archive', { id: photos[0].id, archived: true, reason: 'Blurred' });
    expect(await listPhotos(app, patient.id)).toHaveLength(1);
    const all = await app.ok<Photo[]>('photos.list', {
      patientId: patient.id,
      includeArchived: true,
    });
    expect(all.find((p) => p.id === photos[0].id)?.archived).toBe(true);
    const [change] = await app.ok<PhotoChange[]>('photos.changes', { id: photos[0].id });
    expect(change).toMatchObject({ field: 'archived', newValue: 'true', reason: 'Blurred' });
  });
});

describe('comparison exports', () => {
  it('are refused without consent to other uses, with nothing written', async () => {
    const { patient, photos } = await twoPhotos(['photos-record']);
    const target = join(app.dataDir, 'comparison.png');
    const png = await sharp({ create: { width: 80, height: 40, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const image = await app.call('photos.saveComparisonImage', {
      patientId: patient.id,
      leftId: photos[0].id,
      rightId: photos[1].id,
      pngDataUrl: `data:image/png;base64,${png.toString('base64')}`,
      target: fileToken(app, 'save-png', target),
    });
    expect(image.ok ? null : image.error.message).toMatch(/not consented to the use/);
    expect(existsSync(target)).toBe(false);
    const pdf = await app.call('photos.exportComparisonPdf', {
      patientId: patient.id,
      leftId: photos[0].id,
      rightId: photos[1].id,
    });
    expect(pdf.ok ? null : pdf.error.code).toBe('CONFLICT');
    expect(existsSync(join(app.dataDir, 'documents'))).toBe(false);
  });

  it('write the image where chosen and a PDF page into the documents directory', async () => {
    const { patient, photos } = await twoPhotos(['photos-record', 'photos-other']);
    const outside = mkdtempSync(join(tmpdir(), 'mesochart-export-'));
    const target = join(outside, 'comparison.png');
    const png = await sharp({ create: { width: 80, height: 40, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const pngDataUrl = `data:image/png;base64,${png.toString('base64')}`;
    const pair = { patientId: patient.id, leftId: photos[0].id, rightId: photos[1].id };
    await app.ok('photos.saveComparisonImage', {
      ...pair,
      pngDataUrl,
      target: fileToken(app, 'save-png', target),
    });
    expect(readFileSync(target)).toEqual(png);
    rmSync(outside, { recursive: true, force: true });
    // Never into the record's own folder, where it could overwrite clinical files.
    const inside = await app.call('photos.saveComparisonImage', {
      ...pair,
      pngDataUrl,
      target: fileToken(app, 'save-png', join(app.dataDir, 'comparison.png')),
    });
    expect(inside.ok ? null : inside.error.message).toMatch(/outside the Mesochart data folder/);
    expect(existsSync(join(app.dataDir, 'comparison.png'))).toBe(false);

    const pdf = await app.ok<{ path: string; relativePath: string; pageCount: number }>(
      'photos.exportComparisonPdf',
      { patientId: patient.id, leftId: photos[0].id, rightId: photos[1].id, locale: 'en-GB' },
    );
    expect(pdf.path.startsWith(join(app.dataDir, 'documents'))).toBe(true);
    expect(pdf.pageCount).toBe(1);
    const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Photo comparison');
    expect(text).toContain('Şebnem Yılmaz');
    expect(text).toMatch(/Before · /);
    expect(text).toContain('Cheeks · Front');
    // Images really are on the page.
    const images = execFileSync('pdfimages', ['-list', pdf.path], { encoding: 'utf8' });
    expect(images.trim().split('\n').length).toBeGreaterThanOrEqual(4);
    // The page is in the patient's documents, with its hash checked like every archived PDF.
    const documents = await app.ok<{ kind: string; fileCheck: string; pageCount: number }[]>(
      'documents.list',
      { patientId: patient.id },
    );
    expect(documents).toContainEqual(
      expect.objectContaining({ kind: 'photo-comparison', fileCheck: 'ok', pageCount: 1 }),
    );
    expect(pdfInfo(pdf.path)['Page size']).toMatch(/\(A4\)/);
    // On the clinic's paper, like its consents and aftercare sheets.
    // The paper size is the admin's setting; the practitioner then exports again.
    await app.ok('auth.signOut');
    await app.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    await app.ok('documents.updateSettings', { pageSize: 'LETTER' });
    await app.ok('auth.signOut');
    await app.ok('auth.signIn', CLINIC_PRACTITIONER_SIGN_IN);
    const letter = await app.ok<{ path: string }>('photos.exportComparisonPdf', {
      ...pair,
      locale: 'en-US',
    });
    expect(pdfInfo(letter.path)['Page size']).toContain('612 x 792');
    const listed = await app.ok<{ kind: string; pageSize: string }[]>('documents.list', {
      patientId: patient.id,
    });
    expect(listed.filter((d) => d.kind === 'photo-comparison').map((d) => d.pageSize)).toEqual(
      expect.arrayContaining(['A4', 'LETTER']),
    );
  });

  it('refuses to write anything but a .png the save dialog chose', async () => {
    const { patient, photos } = await twoPhotos(['photos-record', 'photos-other']);
    const target = join(app.dataDir, 'evil.sh');
    writeFileSync(target, 'keep');
    // Neither the path itself nor a save-png token for it: a .sh never becomes one.
    expect(() => fileToken(app, 'save-png', target)).toThrow(/\.png/);
    const result = await app.call('photos.saveComparisonImage', {
      patientId: patient.id,
      leftId: photos[0].id,
      rightId: photos[1].id,
      pngDataUrl: 'data:image/png;base64,AAAA',
      target,
    });
    expect(result.ok ? null : result.error.code).toBe('VALIDATION');
    expect(readFileSync(target, 'utf8')).toBe('keep');
  });
});
