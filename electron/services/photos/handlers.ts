import type { DomainHandlers } from '../core/handler-kit';
import type { HandlerContext } from '../core/context';
import { MAX_PHOTOS_PER_IMPORT, type photosOperations } from '../../../shared/api/photos';
import { basename } from 'node:path';
import { AppError } from '../core/errors';
import {
  checkImportTags,
  listPhotoChanges,
  listPhotos,
  readPhotoImage,
  requirePhotoConsent,
  requirePhotoRow,
  setPhotoArchived,
  updatePhotoTags,
} from './photos';
import { cancelPhotoJob, photoJobPatient, photoJobStatus, startPhotoJob } from './import-jobs';
import { comparisonPair, exportComparisonPdf, saveComparisonImage } from './comparison';
import { insertDocument } from '../documents/archive';
import { readDocumentSettings } from '../documents/settings';
import { forPatient, forRecord, requireActor } from '../core/handler-kit';
import { photoDateHandlers } from './date-handlers';

async function forPhoto(ctx: HandlerContext, photoId: string) {
  return forRecord(ctx, await requirePhotoRow(ctx.db, photoId));
}

/** What an import needs before it may begin: the patient, their consent, sensible tags. */
async function beforeImport(
  ctx: HandlerContext,
  input: { patientId: string; tags: Parameters<typeof checkImportTags>[2] },
) {
  await forPatient(ctx, input.patientId);
  await requirePhotoConsent(ctx.db, input.patientId, 'photos-record');
  await checkImportTags(ctx.db, input.patientId, input.tags);
  const actor = requireActor(ctx);
  return { id: actor.id, username: actor.username, role: actor.role };
}

function decodeCapture(dataUrl: string): { bytes: Buffer; extension: 'jpg' | 'png' } {
  const extension = dataUrl.startsWith('data:image/png') ? 'png' : 'jpg';
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION', { key: 'errors.photos.captureEmpty' });
  return { bytes, extension };
}

export const photosHandlers = {
  ...photoDateHandlers,

  'photos.startImport': async (ctx, input) => {
    // The token is spent whatever follows: a refused import is chosen again in the dialog.
    const paths = ctx.app.fileTokens.take('photos', input.files, 'files');
    if (paths.length > MAX_PHOTOS_PER_IMPORT) {
      const text = {
        key: 'errors.photos.tooMany',
        params: { max: MAX_PHOTOS_PER_IMPORT },
      } as const;
      throw new AppError('VALIDATION', text, { fields: { files: text } });
    }
    const actor = await beforeImport(ctx, input);
    const job = startPhotoJob(ctx.app, {
      patientId: input.patientId,
      tags: input.tags,
      actor,
      items: paths.map((p) => ({ kind: 'file', path: p, fileName: basename(p) })),
    });
    ctx.subject.objectId = job.id;
    return job;
  },

  'photos.importCapture': async (ctx, input) => {
    const actor = await beforeImport(ctx, input);
    const frame = decodeCapture(input.dataUrl);
    const job = startPhotoJob(ctx.app, {
      patientId: input.patientId,
      tags: input.tags,
      actor,
      items: [{ kind: 'capture', fileName: 'Camera capture', ...frame }],
    });
    ctx.subject.objectId = job.id;
    return job;
  },

  'photos.importStatus': (ctx, input) => Promise.resolve(photoJobStatus(ctx.app, input.jobId)),

  'photos.cancelImport': (ctx, input) => {
    ctx.subject.patientId = photoJobPatient(ctx.app, input.jobId);
    ctx.subject.objectId = input.jobId;
    return Promise.resolve(cancelPhotoJob(ctx.app, input.jobId));
  },

  'photos.list': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return listPhotos(ctx.db, input.patientId, input.includeArchived);
  },

  'photos.image': async (ctx, input) => {
    const row = await requirePhotoRow(ctx.db, input.id);
    return { dataUrl: await readPhotoImage(ctx.app.dataDir, row, input.size) };
  },

  'photos.update': async (ctx, input) => {
    await forPhoto(ctx, input.id);
    return updatePhotoTags(ctx.db, input, requireActor(ctx).id, ctx.now);
  },

  'photos.archive': async (ctx, input) => {
    await forPhoto(ctx, input.id);
    return setPhotoArchived(ctx.db, input, requireActor(ctx).id, ctx.now);
  },

  'photos.changes': async (ctx, input) => {
    await forPhoto(ctx, input.id);
    return listPhotoChanges(ctx.db, input.id);
  },

  'photos.saveComparisonImage': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    await comparisonPair(ctx.db, input.patientId, input.leftId, input.rightId);
    return saveComparisonImage(
      ctx.app.dataDir,
      input.pngDataUrl,
      ctx.app.fileTokens.takeOne('save-png', input.target, 'target'),
    );
  },

  'photos.exportComparisonPdf': async (ctx, input) => {
    const patient = await forPatient(ctx, input.patientId);
    const photos = await comparisonPair(ctx.db, input.patientId, input.leftId, input.rightId);
    const clinic = ctx.app.settings?.clinic;
    const { pageSize } = await readDocumentSettings(ctx.db);
    const result = await exportComparisonPdf(ctx.db, {
      patient: {
        fullName: `${patient.given_name} ${patient.family_name}`,
        dateOfBirth: patient.date_of_birth,
        clinicNumber: patient.clinic_number,
      },
      clinic: {
        name: clinic?.name ?? 'Clinic',
        address: clinic?.address ?? '',
        phone: clinic?.phone ?? '',
        email: clinic?.email ?? '',
        logoDataUrl: clinic?.logo ?? null,
      },
      photos,
      locale: input.locale,
      pageSize,
      now: ctx.now,
      dataDir: ctx.app.dataDir,
    });
    // Listed in the patient's documents with the other archived PDFs, hash-checked like them.
    const documentId = await insertDocument(ctx.db, {
      patientId: input.patientId,
      kind: 'photo-comparison',
      procedureKind: null,
      sessionId: null,
      templateId: null,
      templateVersion: null,
      language: 'en',
      pageSize,
      renderData: { leftId: input.leftId, rightId: input.rightId, locale: input.locale },
      pageCount: result.pageCount,
      file: { filePath: result.relativePath, sha256: result.sha256, size: result.size },
      generatedAt: ctx.now.toISOString(),
      generatedBy: requireActor(ctx).id,
    });
    ctx.subject.objectId = documentId;
    return result;
  },
} satisfies DomainHandlers<typeof photosOperations>;
