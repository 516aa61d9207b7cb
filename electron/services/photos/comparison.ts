import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';
import type { Photo } from '../../../shared/api/photos';
import type { ClinicInfo, PageSize } from '../../../shared/documents/document-data';
import { AppError } from '../core/errors';
import { checkExportTarget } from '../core/export-path';
import { writeFileAtomic } from './files/atomic-file';
import { getPhoto, readStoredPhotoFile, requirePhotoConsent, requirePhotoRow } from './photos';
import { buildPdf } from '../documents/render/pdf/build-pdf';
import { fieldBox, title } from '../documents/render/pdf/layout';
import { colors, fonts, sizes } from '../documents/render/pdf/theme';
import { formatDate } from '../documents/render/format-date';
import { archiveBytes, viewingPath } from '../documents/archive';
import { intervalParts } from '../../../shared/photos/photo-dates';

/** Documents directory of the data directory; the documents archive registers files under it. */
export const COMPARISON_SUBDIR = 'photo-comparisons';

/**
 * Both photos of a comparison, checked to be this patient's, and the consent that lets the
 * comparison leave the record. Throws before anything is written.
 */
export async function comparisonPair(
  db: Queryable,
  patientId: string,
  leftId: string,
  rightId: string,
): Promise<[Photo, Photo]> {
  if (leftId === rightId) {
    throw new AppError('VALIDATION', { key: 'errors.photos.twoDifferent' });
  }
  const rows = await Promise.all([requirePhotoRow(db, leftId), requirePhotoRow(db, rightId)]);
  if (rows.some((r) => r.patient_id !== patientId)) {
    throw new AppError('NOT_FOUND', { key: 'errors.photos.notBothHere' });
  }
  await requirePhotoConsent(db, patientId, 'photos-other');
  return [await getPhoto(db, leftId), await getPhoto(db, rightId)];
}

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** Writes the comparison image the renderer drew to the place the user chose in the dialog. */
export async function saveComparisonImage(
  dataDir: string,
  pngDataUrl: string,
  targetPath: string,
): Promise<{ path: string; size: number }> {
  const target = await checkExportTarget(dataDir, targetPath, '.png');
  const bytes = Buffer.from(pngDataUrl.slice(pngDataUrl.indexOf(',') + 1), 'base64');
  if (bytes.length < 64 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new AppError('VALIDATION', { key: 'errors.photos.comparisonNotPng' });
  }
  try {
    await writeFileAtomic(target, bytes);
  } catch {
    throw new AppError('INTERNAL', { key: 'errors.photos.imageNotSaved' });
  }
  return { path: target, size: bytes.length };
}

const phaseNames: Record<Photo['phase'], string> = {
  before: 'Before',
  after: 'After',
  'follow-up': 'Follow-up',
};

const viewNames: Record<Photo['view'], string> = {
  front: 'Front',
  'left-45': 'Left 45°',
  'right-45': 'Right 45°',
  'left-90': 'Left profile (90°)',
  'right-90': 'Right profile (90°)',
  'top-of-head': 'Top of head',
  'back-of-head': 'Back of head',
  other: 'Other view',
};

function areaName(area: Photo['area']): string {
  if (area === 'full-face') return 'Full face';
  if (area === 'decollete') return 'Décolleté';
  return area.charAt(0).toUpperCase() + area.slice(1);
}

function caption(photo: Photo, locale: string): string[] {
  const lines = [
    `${phaseNames[photo.phase]} · ${formatDate(photo.takenAt.slice(0, 10), locale)}`,
    `${areaName(photo.area)} · ${viewNames[photo.view]}`,
  ];
  if (photo.sessionNumber !== null) lines.push(`Session ${photo.sessionNumber}`);
  return lines;
}

export interface ComparisonPdfInput {
  patient: { fullName: string; dateOfBirth: string; clinicNumber: string };
  clinic: ClinicInfo;
  photos: [Photo, Photo];
  locale: string;
  /** The clinic's paper, as for its consents and aftercare sheets. */
  pageSize: PageSize;
  now: Date;
  dataDir: string;
}

/** One page in the documents directory: the two photos side by side with their dates. */
export async function exportComparisonPdf(db: Queryable, input: ComparisonPdfInput) {
  const previews = await Promise.all(
    input.photos.map(async (p) => {
      const row = await requirePhotoRow(db, p.id);
      return readStoredPhotoFile(input.dataDir, row.preview_path);
    }),
  );
  const documentId = randomUUID().slice(0, 8).toUpperCase();
  const { locale } = input;
  const rendered = await buildPdf(
    {
      meta: {
        documentId,
        generatedAt: input.now.toISOString(),
        locale,
        pageSize: input.pageSize,
      },
      clinic: input.clinic,
      title: 'Photo comparison',
      subject: 'Before and after photographs',
      language: 'en',
      resourcesDir: undefined,
    },
    (doc) => {
      const [left, right] = input.photos;
      title(doc, 'Photo comparison', `${areaName(left.area)} · ${viewNames[left.view]}`);
      fieldBox(doc, [
        [
          { label: 'Patient', value: input.patient.fullName },
          { label: 'Date of birth', value: formatDate(input.patient.dateOfBirth, locale) },
        ],
        [
          { label: 'Clinic number', value: input.patient.clinicNumber },
          {
            label: 'Interval',
            value: intervalText(left, right),
          },
        ],
      ]);
      const gap = 14;
      const x0 = doc.page.margins.left;
      const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
      const boxWidth = (width - gap) / 2;
      const top = doc.y + 6;
      const boxHeight = Math.min(440, doc.page.height - doc.page.margins.bottom - top - 80);
      input.photos.forEach((photo, i) => {
        const x = x0 + i * (boxWidth + gap);
        doc.rect(x, top, boxWidth, boxHeight).fillColor('#f6f7f9').fill();
        doc.image(previews[i]!, x, top, {
          fit: [boxWidth, boxHeight],
          align: 'center',
          valign: 'center',
        });
        let y = top + boxHeight + 6;
        caption(photo, locale).forEach((line, n) => {
          doc
            .font(n === 0 ? fonts.bold : fonts.regular)
            .fontSize(n === 0 ? sizes.heading : sizes.body)
            .fillColor(n === 0 ? colors.text : colors.muted)
            .text(line, x, y, { width: boxWidth, align: 'center' });
          y = doc.y + 1;
        });
      });
      doc.fillColor(colors.text);
    },
  );
  const archived = await archiveBytes(input.dataDir, COMPARISON_SUBDIR, rendered.bytes);
  return {
    // The system viewer gets a plain copy; the archive keeps the encrypted file.
    path: await viewingPath(
      input.dataDir,
      archived.filePath,
      rendered.bytes,
      `photo-comparison-${documentId}.pdf`,
    ),
    relativePath: archived.filePath,
    sha256: archived.sha256,
    size: archived.size,
    pageCount: rendered.pageCount,
  };
}

/** The interval printed; a camera date nobody confirmed gives none rather than a wrong one. */
function intervalText(from: Photo, to: Photo): string {
  if (from.dateCheck === 'unconfirmed' || to.dateCheck === 'unconfirmed') {
    return 'Not shown: a photo date is not confirmed';
  }
  const { unit, count } = intervalParts(from.takenAt, to.takenAt);
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
