/**
 * Writes the smallest TIFF/Exif block the stored original needs: its orientation, so viewers show
 * it the right way up, and when it is known the capture time. Nothing else of the camera's Exif
 * is carried over, so no location, serial number or maker note can survive.
 */

export interface MinimalExif {
  /** EXIF orientation 1..8. */
  orientation: number;
  /** Raw Exif DateTimeOriginal, "YYYY:MM:DD HH:MM:SS". */
  dateTimeOriginal?: string | null;
  /** Raw Exif OffsetTimeOriginal, "+HH:MM". */
  offsetTimeOriginal?: string | null;
}

const TYPE_ASCII = 2;
const TYPE_SHORT = 3;
const TYPE_LONG = 4;

const TAG_ORIENTATION = 0x0112;
const TAG_EXIF_IFD = 0x8769;
const TAG_DATE_TIME_ORIGINAL = 0x9003;
const TAG_OFFSET_TIME_ORIGINAL = 0x9011;

const DATE_PATTERN = /^\d{4}:\d{2}:\d{2} \d{2}:\d{2}:\d{2}$/;
const OFFSET_PATTERN = /^[+-]\d{2}:\d{2}$/;

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** Value of 4 bytes or less, stored inline. */
  inline?: Buffer;
  /** Longer value, stored after the IFD. */
  data?: Buffer;
}

function asciiValue(text: string): Buffer {
  return Buffer.from(`${text}\0`, 'latin1');
}

/** Serialises one IFD at `offset` (from the TIFF header) with its out-of-line data after it. */
function writeIfd(entries: Entry[], offset: number): Buffer {
  const tableLength = 2 + entries.length * 12 + 4;
  const table = Buffer.alloc(tableLength);
  const extra: Buffer[] = [];
  let dataOffset = offset + tableLength;
  table.writeUInt16BE(entries.length, 0);
  entries.forEach((entry, i) => {
    const at = 2 + i * 12;
    table.writeUInt16BE(entry.tag, at);
    table.writeUInt16BE(entry.type, at + 2);
    table.writeUInt32BE(entry.count, at + 4);
    if (entry.data) {
      table.writeUInt32BE(dataOffset, at + 8);
      // Values start on a word boundary.
      const padded =
        entry.data.length % 2 ? Buffer.concat([entry.data, Buffer.alloc(1)]) : entry.data;
      extra.push(padded);
      dataOffset += padded.length;
    } else if (entry.inline) {
      entry.inline.copy(table, at + 8);
    }
  });
  // Next-IFD offset stays 0: no IFD1, so no embedded thumbnail.
  return Buffer.concat([table, ...extra]);
}

function shortValue(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt16BE(value, 0);
  return b;
}

function longValue(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value, 0);
  return b;
}

/** A big-endian TIFF block (what follows "Exif\0\0" in JPEG, and the whole eXIf chunk in PNG). */
export function buildExifTiff(exif: MinimalExif): Buffer {
  const orientation =
    Number.isInteger(exif.orientation) && exif.orientation >= 1 && exif.orientation <= 8
      ? exif.orientation
      : 1;
  const exifEntries: Entry[] = [];
  if (exif.dateTimeOriginal && DATE_PATTERN.test(exif.dateTimeOriginal)) {
    const data = asciiValue(exif.dateTimeOriginal);
    exifEntries.push({ tag: TAG_DATE_TIME_ORIGINAL, type: TYPE_ASCII, count: data.length, data });
    if (exif.offsetTimeOriginal && OFFSET_PATTERN.test(exif.offsetTimeOriginal)) {
      const offset = asciiValue(exif.offsetTimeOriginal);
      exifEntries.push({
        tag: TAG_OFFSET_TIME_ORIGINAL,
        type: TYPE_ASCII,
        count: offset.length,
        data: offset,
      });
    }
  }

  const header = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08]);
  const ifd0Entries: Entry[] = [
    { tag: TAG_ORIENTATION, type: TYPE_SHORT, count: 1, inline: shortValue(orientation) },
  ];
  const ifd0Length = 2 + (exifEntries.length ? 2 : 1) * 12 + 4;
  if (exifEntries.length) {
    ifd0Entries.push({
      tag: TAG_EXIF_IFD,
      type: TYPE_LONG,
      count: 1,
      inline: longValue(header.length + ifd0Length),
    });
  }
  const ifd0 = writeIfd(ifd0Entries, header.length);
  const exifIfd = exifEntries.length ? writeIfd(exifEntries, header.length + ifd0.length) : null;
  return Buffer.concat(exifIfd ? [header, ifd0, exifIfd] : [header, ifd0]);
}
