import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileToken, type TestApp } from '../../support/helpers';
import { register } from '../patients/fixtures';
import type { PhotoJob, Photo } from '../../../shared/api/photos';

export const FIXTURES = join(import.meta.dirname, '../../../../shared/fixtures/photos');
export const fixture = (name: string) => join(FIXTURES, name);

export const TAGS = { phase: 'before', area: 'cheeks', view: 'front', sessionId: null } as const;

export async function patientWith(app: TestApp, consents: string[], givenName = 'Şebnem') {
  // A second patient must not look like a duplicate of the first.
  const other =
    givenName === 'Şebnem'
      ? {}
      : { familyName: 'Ångström', phone: '+46 70 123 45 67', email: '', dateOfBirth: '1979-11-03' };
  return register(app, { consents, givenName, ...other });
}

/** Polls an import until it ends, as the screen does. */
export async function waitForJob(app: TestApp, jobId: string, seen?: PhotoJob[]) {
  for (let i = 0; i < 2000; i++) {
    const job = await app.ok<PhotoJob>('photos.importStatus', { jobId });
    seen?.push(job);
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('import did not finish');
}

export async function importFiles(
  app: TestApp,
  patientId: string,
  names: string[],
  tags: Record<string, unknown> = TAGS,
) {
  // As the photo dialog hands them over: one token for the selection.
  const job = await app.ok<PhotoJob>('photos.startImport', {
    patientId,
    files: fileToken(app, 'photos', names.map(fixture)),
    tags,
  });
  return waitForJob(app, job.id);
}

export function listPhotos(app: TestApp, patientId: string) {
  return app.ok<Photo[]>('photos.list', { patientId });
}

/** Every file in the photo store, temp files included, relative to it. */
export function storedFiles(app: TestApp): string[] {
  const root = join(app.dataDir, 'photos');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

export function photoRowCount(app: TestApp): number {
  const row = app.services.state.store.sqlite.prepare('SELECT count(*) AS n FROM photo').get() as {
    n: number;
  };
  return row.n;
}
