import { op } from './operation';
import { admin, photographers, photoViewers } from './roles';
import { z } from 'zod';
import { emptyInput, idSchema, isoDateTime, text } from './common';
import { treatmentAreas } from '../sessions/treatment-terms';
import { fileTokenSchema } from './file-token';
import {
  photoAlignmentSchema,
  photoDateChecks,
  photoDateReasons,
  photoDateSettingsSchema,
} from '../photos/photo-dates';
import { keyed } from './field-text';

export const photoPhases = ['before', 'after', 'follow-up'] as const;
export const photoPhaseSchema = z.enum(
  photoPhases,
  keyed('validation.photos.choosePhase', 'Choose a phase'),
);
export type PhotoPhase = z.infer<typeof photoPhaseSchema>;

/** The standard views a clinic photographs, so that the same framing can be compared. */
export const photoViews = [
  'front',
  'left-45',
  'right-45',
  'left-90',
  'right-90',
  'top-of-head',
  'back-of-head',
  'other',
] as const;
export const photoViewSchema = z.enum(
  photoViews,
  keyed('validation.photos.chooseView', 'Choose a view'),
);
export type PhotoView = z.infer<typeof photoViewSchema>;

/** The treatment areas, plus the whole face (most facial series) and anything else. */
export const photoAreas = ['full-face', ...treatmentAreas, 'other'] as const;
export const photoAreaSchema = z.enum(
  photoAreas,
  keyed('validation.choose.area', 'Choose an area'),
);
export type PhotoArea = z.infer<typeof photoAreaSchema>;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A wall-clock time without zone ("2025-03-01T14:05" or with seconds), as a camera records it. */
export const localDateTimeSchema = z
  .string()
  .regex(LOCAL_DATE_TIME, keyed('validation.dates.dateTime', 'Enter a date and time'))
  .refine(
    (s) => {
      const m = LOCAL_DATE_TIME.exec(s);
      if (!m) return false;
      const [y, mo, d, h, mi, se] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
      const date = new Date(y!, mo! - 1, d!, h!, mi!, se!);
      return (
        y! >= 1900 &&
        date.getFullYear() === y &&
        date.getMonth() === mo! - 1 &&
        date.getDate() === d &&
        h! < 24 &&
        mi! < 60 &&
        se! < 60
      );
    },
    keyed('validation.dates.validDateTime', 'Enter a valid date and time'),
  );

/** How a photo is tagged; the same fields are the defaults of an import. */
export const photoTagsSchema = z
  .object({
    phase: photoPhaseSchema,
    area: photoAreaSchema,
    view: photoViewSchema,
    sessionId: idSchema.nullable(),
  })
  .strict();
export type PhotoTags = z.infer<typeof photoTagsSchema>;

export const MAX_PHOTOS_PER_IMPORT = 500;

export const photoImportStartInput = z
  .object({
    patientId: idSchema,
    /**
     * The token of the photo dialog's selection or of the files dropped onto the window (at most
     * MAX_PHOTOS_PER_IMPORT); the main process knows the paths, the renderer only the token.
     */
    files: fileTokenSchema('the photos'),
    tags: photoTagsSchema,
  })
  .strict();

/** A frame from the camera, as the capture view encodes it. */
export const MAX_CAPTURE_BYTES = 20 * 1024 * 1024;
export const photoCaptureInput = z
  .object({
    patientId: idSchema,
    dataUrl: z
      .string()
      .max(
        Math.ceil((MAX_CAPTURE_BYTES * 4) / 3) + 64,
        keyed('validation.photos.imageTooLarge', 'The captured image is too large'),
      )
      .regex(
        /^data:image\/(jpeg|png);base64,[A-Za-z0-9+/]+=*$/,
        keyed('validation.photos.jpegOrPng', 'Expected a JPEG or PNG image'),
      ),
    tags: photoTagsSchema,
  })
  .strict();

export const photoJobIdInput = z.object({ jobId: idSchema }).strict();

/** A refusal's catalogue key and its values (ErrorText), for the screens' language. */
const catalogueTextSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const photoJobStatuses = ['running', 'finished', 'cancelled', 'failed'] as const;
export type PhotoJobStatus = (typeof photoJobStatuses)[number];

export const photoRefusalReasons = [
  'invalid-path',
  'not-a-file',
  'unreadable',
  'empty-file',
  'file-too-large',
  'too-many-pixels',
  'unsupported-format',
  'heif-unsupported',
  'corrupt',
  'storage-failed',
  'consent-withdrawn',
  'internal',
] as const;
export type PhotoRefusal = (typeof photoRefusalReasons)[number];

export const photoJobSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  status: z.enum(photoJobStatuses),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  /** The file being worked on; null once the job has ended. */
  current: z.string().nullable(),
  imported: z.array(
    z.object({
      fileName: z.string(),
      photoId: idSchema,
      /** The same picture was already in this patient's record: no second row was made. */
      alreadyInRecord: z.boolean(),
    }),
  ),
  refused: z.array(
    z.object({
      fileName: z.string(),
      reason: z.enum(photoRefusalReasons),
      message: z.string(),
      /** The refusal's catalogue key and values, for the screens' language. */
      text: catalogueTextSchema.optional(),
    }),
  ),
  /** Files left untouched because the job was cancelled or stopped. */
  notImported: z.number().int().min(0),
  /** Why the whole job stopped, when it did: the English, and its catalogue text. */
  error: z.string().nullable(),
  errorText: catalogueTextSchema.nullable().optional(),
});
export type PhotoJob = z.infer<typeof photoJobSchema>;

export const photoSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  sessionId: idSchema.nullable(),
  /** The linked session's place in the patient's sessions (1 for the first), when known. */
  sessionNumber: z.number().int().nullable(),
  sessionDate: z.string().nullable(),
  phase: photoPhaseSchema,
  area: photoAreaSchema,
  view: photoViewSchema,
  takenAt: z.string(),
  takenAtSource: z.enum(['exif', 'import', 'edited']),
  /** What the camera wrote, kept after the date was corrected; null when it wrote none. */
  cameraTakenAt: z.string().nullable(),
  /** 'unconfirmed': the camera's date looked wrong at import and waits for a person. */
  dateCheck: z.enum(photoDateChecks),
  dateCheckReason: z.enum(photoDateReasons).nullable(),
  width: z.number().int(),
  height: z.number().int(),
  byteSize: z.number().int(),
  sha256: z.string(),
  cameraModel: z.string().nullable(),
  source: z.enum(['file', 'camera']),
  importedAt: isoDateTime,
  importedBy: z.string(),
  archived: z.boolean(),
});
export type Photo = z.infer<typeof photoSchema>;

export const photoListInput = z
  .object({ patientId: idSchema, includeArchived: z.boolean().default(false) })
  .strict();

export const photoUpdateInput = photoTagsSchema
  .extend({ id: idSchema, takenAt: localDateTimeSchema })
  .strict();

export const photoArchiveInput = z
  .object({
    id: idSchema,
    archived: z.boolean(),
    reason: text(500, 'Reason').refine(
      (s) => s.trim().length > 0,
      keyed('validation.photos.giveReason', 'Give a reason'),
    ),
  })
  .strict();

export const photoChangeSchema = z.object({
  changedAt: isoDateTime,
  changedBy: z.string(),
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  reason: z.string(),
});
export type PhotoChange = z.infer<typeof photoChangeSchema>;

export const photoIdInput = z.object({ id: idSchema }).strict();

/** The camera's date is right (takenAt null), or the real date the user entered. */
export const photoConfirmDateInput = z
  .object({ id: idSchema, takenAt: localDateTimeSchema.nullable() })
  .strict();

/** A comparison pair: first the earlier photo, then the one laid over it. */
export const photoPairInput = z
  .object({ patientId: idSchema, firstId: idSchema, secondId: idSchema })
  .strict();
export const photoAlignmentSaveInput = photoPairInput
  .extend({ alignment: photoAlignmentSchema.strict() })
  .strict();
export const savedAlignmentSchema = photoAlignmentSchema.extend({
  updatedAt: isoDateTime,
  updatedBy: z.string(),
});

export const photoImageInput = z
  .object({ id: idSchema, size: z.enum(['thumbnail', 'preview']) })
  .strict();
export const photoImageOutput = z.object({
  dataUrl: z.string().regex(/^data:image\/jpeg;base64,/),
});

export const MAX_COMPARISON_PNG_BYTES = 40 * 1024 * 1024;

export const comparisonImageSaveInput = z
  .object({
    patientId: idSchema,
    leftId: idSchema,
    rightId: idSchema,
    pngDataUrl: z
      .string()
      .max(Math.ceil((MAX_COMPARISON_PNG_BYTES * 4) / 3) + 64)
      .regex(
        /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/,
        keyed('validation.photos.png', 'Expected a PNG image'),
      ),
    /** The token of the save dialog's choice (a .png outside the data folder). */
    target: fileTokenSchema('where to save the image'),
  })
  .strict();

export const comparisonImageSaveOutput = z.object({ path: z.string(), size: z.number().int() });

export const comparisonPdfInput = z
  .object({
    patientId: idSchema,
    leftId: idSchema,
    rightId: idSchema,
    /** BCP 47 tag for the dates printed on the page. */
    locale: z.string().min(2).max(35).default('en-GB'),
  })
  .strict();

export const comparisonPdfOutput = z.object({
  /** Absolute path under the data directory's documents, for the system viewer. */
  path: z.string(),
  /** Relative to the documents directory, '/'-separated, as the documents archive records it. */
  relativePath: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  pageCount: z.number().int(),
});

export const photosOperations = {
  // Starts the import and returns at once; the files are read and stored outside the request.
  'photos.startImport': op({
    input: photoImportStartInput,
    output: photoJobSchema,
    access: photographers,
    audit: { action: 'create', objectType: 'photo-import' },
    maxInputBytes: 2_500_000,
  }),
  'photos.importCapture': op({
    input: photoCaptureInput,
    output: photoJobSchema,
    access: photographers,
    audit: { action: 'create', objectType: 'photo-import' },
    maxInputBytes: Math.ceil((MAX_CAPTURE_BYTES * 4) / 3) + 4096,
  }),
  // Progress of a running job: polled several times a second, it touches no record itself.
  'photos.importStatus': op({
    input: photoJobIdInput,
    output: photoJobSchema,
    access: photographers,
    audit: null,
  }),
  'photos.cancelImport': op({
    input: photoJobIdInput,
    output: photoJobSchema,
    access: photographers,
    audit: { action: 'execute', objectType: 'photo-import-cancel' },
  }),
  // The gallery list is the audited read; the images it then shows are not audited one by one.
  'photos.list': op({
    input: photoListInput,
    output: z.array(photoSchema),
    access: photoViewers,
    audit: { action: 'read', objectType: 'photo' },
  }),
  'photos.image': op({
    input: photoImageInput,
    output: photoImageOutput,
    access: photoViewers,
    audit: null,
  }),
  'photos.update': op({
    input: photoUpdateInput,
    output: photoSchema,
    access: photographers,
    audit: { action: 'update', objectType: 'photo' },
  }),
  'photos.archive': op({
    input: photoArchiveInput,
    output: photoSchema,
    access: photographers,
    audit: { action: 'update', objectType: 'photo-archive' },
  }),
  'photos.confirmDate': op({
    input: photoConfirmDateInput,
    output: photoSchema,
    access: photographers,
    audit: { action: 'update', objectType: 'photo-date' },
  }),
  // Reopening a comparison restores its alignment; the photos themselves were read by the list.
  'photos.alignment': op({
    input: photoPairInput,
    output: savedAlignmentSchema.nullable(),
    access: photoViewers,
    audit: null,
  }),
  // A viewing aid, not a clinical write: whoever may compare may keep the pair aligned.
  'photos.saveAlignment': op({
    input: photoAlignmentSaveInput,
    output: savedAlignmentSchema,
    access: photoViewers,
    audit: { action: 'update', objectType: 'photo-alignment' },
  }),
  'photos.dateSettings': op({
    input: emptyInput,
    output: photoDateSettingsSchema,
    access: 'signed-in',
    audit: null,
  }),
  'photos.updateDateSettings': op({
    input: photoDateSettingsSchema.strict(),
    output: photoDateSettingsSchema,
    access: admin,
    audit: { action: 'update', objectType: 'settings' },
  }),
  'photos.changes': op({
    input: photoIdInput,
    output: z.array(photoChangeSchema),
    access: photoViewers,
    audit: { action: 'read', objectType: 'photo-changes' },
  }),
  'photos.saveComparisonImage': op({
    input: comparisonImageSaveInput,
    output: comparisonImageSaveOutput,
    access: photoViewers,
    audit: { action: 'execute', objectType: 'photo-comparison-image' },
    maxInputBytes: Math.ceil((MAX_COMPARISON_PNG_BYTES * 4) / 3) + 8192,
  }),
  'photos.exportComparisonPdf': op({
    input: comparisonPdfInput,
    output: comparisonPdfOutput,
    access: photographers,
    audit: { action: 'create', objectType: 'photo-comparison-pdf' },
  }),
} as const;
