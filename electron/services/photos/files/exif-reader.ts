import exifr from 'exifr';

/** What the import keeps from the camera's metadata (never the location). */
export interface PhotoExif {
  /** Raw "YYYY:MM:DD HH:MM:SS" from DateTimeOriginal, when present and plausible. */
  dateTimeOriginal: string | null;
  /** Raw "+HH:MM" from OffsetTimeOriginal, when present. */
  offsetTimeOriginal: string | null;
  /** Local capture time as ISO 8601 ("2013-02-06T16:00:03", with offset when known). */
  takenAt: string | null;
  cameraModel: string | null;
}

const EMPTY: PhotoExif = {
  dateTimeOriginal: null,
  offsetTimeOriginal: null,
  takenAt: null,
  cameraModel: null,
};

const DATE_PATTERN = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const OFFSET_PATTERN = /^[+-](\d{2}):(\d{2})$/;

function plausibleDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  const m = DATE_PATTERN.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // Cameras with an unset clock write "0000:00:00 00:00:00" or similar.
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  return text;
}

function plausibleOffset(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = OFFSET_PATTERN.exec(raw.trim());
  if (!m || Number(m[1]) > 14 || Number(m[2]) > 59) return null;
  return raw.trim();
}

function cleanText(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  // Control characters in a malformed block must not reach the UI or the database.
  // eslint-disable-next-line no-control-regex
  const text = raw.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return text ? text.slice(0, 100) : null;
}

/**
 * Reads the few tags the record needs. Malformed Exif is common (cheap cameras, edited files) and
 * must never stop the import of good pixels, so any parse failure yields empty values.
 */
export async function readPhotoExif(input: Buffer): Promise<PhotoExif> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = (await exifr.parse(input, {
      pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'Model'],
      // Raw strings: a camera's local time has no zone, and Date would invent one.
      reviveValues: false,
      translateValues: false,
      xmp: false,
      icc: false,
      iptc: false,
      jfif: false,
      ihdr: false,
    })) as Record<string, unknown> | undefined;
  } catch {
    return EMPTY;
  }
  if (!tags) return EMPTY;
  const dateTimeOriginal = plausibleDate(tags['DateTimeOriginal']);
  const offsetTimeOriginal = dateTimeOriginal ? plausibleOffset(tags['OffsetTimeOriginal']) : null;
  let takenAt: string | null = null;
  if (dateTimeOriginal) {
    const iso = dateTimeOriginal.replace(/^(\d{4}):(\d{2}):(\d{2}) /, '$1-$2-$3T');
    takenAt = offsetTimeOriginal ? `${iso}${offsetTimeOriginal}` : iso;
  }
  return { dateTimeOriginal, offsetTimeOriginal, takenAt, cameraModel: cleanText(tags['Model']) };
}
