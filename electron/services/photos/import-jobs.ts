import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppState } from '../core/context';
import type { PhotoJob, PhotoRefusal, PhotoTags } from '../../../shared/api/photos';
import type { Role } from '../../../shared/api/roles';
import type { Job as RegistryJob } from '../jobs/registry';
import { appendAudit } from '../audit/audit-log';
import { auditEntry } from '../audit/audit-entry';
import type { ErrorText } from '../../../shared/api/result';
import { AppError, englishText } from '../core/errors';
import { importPhoto, PhotoError, removeStaleTempFiles } from './files';
import type { ImportedPhoto } from './files';
import {
  PhotoConsentError,
  insertPhotoRow,
  photoFileInUse,
  photoKey,
  photoStorage,
  photosRoot,
  requirePhotoConsent,
} from './photos';
import { vaultOf } from '../vault/file-vault';

/** One file of a job: a path the user chose, or the bytes of a camera frame. */
type JobItem =
  | { kind: 'file'; path: string; fileName: string }
  | { kind: 'capture'; bytes: Buffer; fileName: string; extension: 'jpg' | 'png' };

/** What a running import works from; kept beside the polled state, never shown. */
interface Work {
  actor: { id: string; username: string; role: string };
  tags: PhotoTags;
  items: JobItem[];
}

type Job = RegistryJob<PhotoJob>;

const KIND = 'photo-import';
/** Finished jobs are kept a while so the screen that started one can read its summary. */
const KEEP_FINISHED_MS = 30 * 60_000;
const MAX_RUNNING_JOBS = 4;
export const CAPTURE_TEMP_DIR = 'capture-temp';

function snapshotOf(job: Job): PhotoJob {
  const s = job.state;
  return { ...s, imported: [...s.imported], refused: [...s.refused] };
}

export interface StartJob extends Work {
  patientId: string;
}

/** Starts an import in the background; each photo is recorded in its own short transaction. */
export function startPhotoJob(app: AppState, start: StartJob): PhotoJob {
  const nowMs = Date.now();
  app.jobs.prune<PhotoJob>(KIND, (j) => nowMs - (j.finishedAtMs ?? nowMs) > KEEP_FINISHED_MS);
  if (app.jobs.running(KIND) >= MAX_RUNNING_JOBS) {
    throw new AppError('CONFLICT', { key: 'errors.photos.importsRunning' });
  }
  const work: Work = { actor: start.actor, tags: start.tags, items: start.items };
  const job = app.jobs.start<PhotoJob>(
    KIND,
    (id) => ({
      id,
      patientId: start.patientId,
      status: 'running',
      done: 0,
      total: start.items.length,
      current: start.items[0]?.fileName ?? null,
      imported: [],
      refused: [],
      notImported: 0,
      error: null,
    }),
    (j) => runJob(app, j, work),
  );
  return snapshotOf(job);
}

function requireJob(app: AppState, jobId: string): Job {
  const job = app.jobs.find<PhotoJob>(KIND, jobId);
  if (!job) throw new AppError('NOT_FOUND', { key: 'errors.photos.unknownImport' });
  return job;
}

export function photoJobStatus(app: AppState, jobId: string): PhotoJob {
  return snapshotOf(requireJob(app, jobId));
}

export function photoJobPatient(app: AppState, jobId: string): string {
  return requireJob(app, jobId).state.patientId;
}

/** Asks the job to stop; photos already stored stay, with their records. */
export function cancelPhotoJob(app: AppState, jobId: string): PhotoJob {
  const job = requireJob(app, jobId);
  if (job.state.status === 'running') job.controller.abort(new Error('cancelled'));
  return snapshotOf(job);
}

/** Waits for every background job of this app to end (for tests). */
export const settlePhotoJobs = (app: AppState): Promise<void> => app.jobs.settle();

/** Why one file was refused: the English for the log, and its catalogue text for the screens. */
function refusalOf(error: unknown): { reason: PhotoRefusal; message: string; text?: ErrorText } {
  const worded = (reason: PhotoRefusal, e: AppError) => ({
    reason,
    message: e.message,
    ...(e.text ? { text: e.text } : {}),
  });
  if (error instanceof PhotoConsentError) return worded('consent-withdrawn', error);
  if (error instanceof PhotoError) return worded(error.reason, error);
  // A bug, not a bad file: library messages may quote paths, so none is passed on.
  const text = { key: 'errors.photos.importInternal' } as const;
  return { reason: 'internal', message: englishText(text), text };
}

async function captureFile(app: AppState, item: Extract<JobItem, { kind: 'capture' }>) {
  const dir = path.join(app.dataDir, CAPTURE_TEMP_DIR);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${randomBytes(12).toString('hex')}.${item.extension}`);
  await writeFile(file, item.bytes, { mode: 0o600, flag: 'wx' });
  return file;
}

/** Removes a picture this job stored when no record ended up pointing at it. */
async function removeUnrecorded(app: AppState, photo: ImportedPhoto) {
  if (photo.duplicate) return;
  if (await photoFileInUse(app.store.db, photo.sha256)) return;
  const vault = vaultOf(app.dataDir);
  await Promise.all(
    Object.values(photo.relativePaths).map((p: string) =>
      vault.remove(photoKey(p)).catch(() => undefined),
    ),
  );
}

async function recordPhoto(
  app: AppState,
  job: Job,
  work: Work,
  item: JobItem,
  photo: ImportedPhoto,
) {
  const now = app.clock();
  return app.store.transaction(async (db) => {
    // Consent is asked again for each photo: a withdrawal during a long import stops it.
    await requirePhotoConsent(db, job.state.patientId, 'photos-record');
    const row = await insertPhotoRow(db, {
      patientId: job.state.patientId,
      tags: work.tags,
      photo,
      source: item.kind === 'capture' ? 'camera' : 'file',
      actorId: work.actor.id,
      now,
    });
    if (!row.alreadyInRecord) {
      const operation = item.kind === 'capture' ? 'photos.importCapture' : 'photos.startImport';
      const { id, username, role } = work.actor;
      const subject = {
        patientId: job.state.patientId,
        objectId: row.id,
        actor: { userId: id, username, role: role as Role },
      };
      await appendAudit(
        db,
        app.auditKey,
        auditEntry(operation, now, null, subject, 'success', null, {
          action: 'create',
          objectType: 'photo',
        }),
      );
    }
    return row;
  });
}

async function importItem(app: AppState, job: Job, work: Work, item: JobItem): Promise<void> {
  const { signal } = job.controller;
  let source: string;
  let temp: string | null = null;
  if (item.kind === 'capture') {
    temp = await captureFile(app, item);
    source = temp;
  } else {
    source = item.path;
  }
  try {
    const photo = await importPhoto(
      source,
      { photosRoot: photosRoot(app.dataDir), storage: photoStorage(vaultOf(app.dataDir)) },
      signal,
    );
    try {
      const row = await recordPhoto(app, job, work, item, photo);
      job.state.imported.push({
        fileName: item.fileName,
        photoId: row.id,
        alreadyInRecord: row.alreadyInRecord,
      });
    } catch (error) {
      await removeUnrecorded(app, photo);
      throw error;
    }
  } finally {
    if (temp) await rm(temp, { force: true }).catch(() => undefined);
  }
}

async function runJob(app: AppState, job: Job, work: Work): Promise<void> {
  const { signal } = job.controller;
  const { state } = job;
  try {
    for (const item of work.items) {
      if (signal.aborted) break;
      state.current = item.fileName;
      try {
        await importItem(app, job, work, item);
      } catch (error) {
        // An abort before the photo's first write: the file is left untouched, not refused.
        if (signal.aborted && !(error instanceof PhotoError)) break;
        const refusal = refusalOf(error);
        state.refused.push({ fileName: item.fileName, ...refusal });
        if (error instanceof PhotoConsentError) {
          state.done += 1;
          state.error = error.message;
          state.errorText = error.text ?? null;
          job.controller.abort(error);
          break;
        }
      }
      state.done += 1;
    }
    state.notImported = state.total - state.done;
    if (state.error) state.status = 'failed';
    else state.status = state.notImported > 0 ? 'cancelled' : 'finished';
  } catch {
    state.status = 'failed';
    const stopped = { key: 'errors.photos.importStopped' } as const;
    state.error = englishText(stopped);
    state.errorText = stopped;
    state.notImported = state.total - state.done;
  } finally {
    state.current = null;
    // A capture's bytes are patient data: do not keep them in memory once the job ends.
    work.items = [];
  }
}

/**
 * Start-up housekeeping: temp files a crash left in the photo store and captured frames that
 * were never imported. Runs before any import can start.
 */
export async function sweepPhotoTempFiles(dataDir: string): Promise<void> {
  await removeStaleTempFiles(photosRoot(dataDir));
  const captures = path.join(dataDir, CAPTURE_TEMP_DIR);
  const names = await readdir(captures).catch(() => [] as string[]);
  await Promise.all(names.map((n) => rm(path.join(captures, n), { force: true })));
}
