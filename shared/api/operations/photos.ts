import { z } from 'zod';
import { op } from '../operation';
import {
  MAX_CAPTURE_BYTES,
  MAX_COMPARISON_PNG_BYTES,
  comparisonImageSaveInput,
  comparisonImageSaveOutput,
  comparisonPdfInput,
  comparisonPdfOutput,
  photoArchiveInput,
  photoCaptureInput,
  photoChangeSchema,
  photoIdInput,
  photoImageInput,
  photoImageOutput,
  photoImportStartInput,
  photoJobIdInput,
  photoJobSchema,
  photoListInput,
  photoSchema,
  photoUpdateInput,
} from '../domains/photos';

/**
 * Photographs often show intimate areas: practitioners take and compare them, and the admin
 * (usually the clinic's doctor) may too. Reception registers patients but does not see photos.
 */
const photographers = ['practitioner', 'admin'] as const;

export const photoOperations = {
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
    access: photographers,
    audit: { action: 'read', objectType: 'photo' },
  }),
  'photos.image': op({
    input: photoImageInput,
    output: photoImageOutput,
    access: photographers,
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
  'photos.changes': op({
    input: photoIdInput,
    output: z.array(photoChangeSchema),
    access: photographers,
    audit: { action: 'read', objectType: 'photo-changes' },
  }),
  'photos.saveComparisonImage': op({
    input: comparisonImageSaveInput,
    output: comparisonImageSaveOutput,
    access: photographers,
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
