import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPhoto, PhotoError } from '../../../electron/services/photos/files';
import type { ImportedPhoto } from '../../../electron/services/photos/files';
import { exiftoolTags, fixture, jpegScan, listFiles, tempDir } from './helpers';

let root: string;
let work: string;
let cleanups: (() => void)[] = [];

beforeEach(() => {
  const store = tempDir('photos');
  const scratch = tempDir('sources');
  root = store.dir;
  work = scratch.dir;
  cleanups = [store.cleanup, scratch.cleanup];
});

afterEach(() => {
  for (const cleanup of cleanups) cleanup();
});

async function refusal(promise: Promise<unknown>): Promise<PhotoError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PhotoError);
  return error as PhotoError;
}

function storedFiles(photo: ImportedPhoto): string[] {
  return [photo.paths.original, photo.paths.thumbnail, photo.paths.preview];
}

describe('orientation', () => {
  it('makes upright derived images from an Orientation 8 photo and keeps the tag on the original', async () => {
    const photo = await importPhoto(fixture('orientation-8.jpg'), { photosRoot: root });
    expect([photo.width, photo.height]).toEqual([480, 640]);

    const preview = await sharp(photo.paths.preview).metadata();
    expect([preview.width, preview.height]).toEqual([480, 640]);
    // Derived images are upright pixels with no orientation left to apply.
    expect(preview.orientation ?? 1).toBe(1);

    const thumb = await sharp(photo.paths.thumbnail).metadata();
    expect(thumb.width! / thumb.height!).toBeCloseTo(3 / 4, 2);
    expect(Math.max(thumb.width!, thumb.height!)).toBe(320);

    const original = await sharp(photo.paths.original).metadata();
    expect([original.width, original.height, original.orientation]).toEqual([640, 480, 8]);
    expect(exiftoolTags(photo.paths.original)['IFD0:Orientation']).toBe(8);
    expect(photo.orientation).toBe(8);
  });

  it('keeps a mirrored orientation too', async () => {
    const photo = await importPhoto(fixture('orientation-4-mirrored.jpg'), { photosRoot: root });
    expect(exiftoolTags(photo.paths.original)['IFD0:Orientation']).toBe(4);
    const upright = await sharp(fixture('orientation-4-mirrored.jpg')).rotate().raw().toBuffer();
    const preview = await sharp(photo.paths.preview).raw().toBuffer({ resolveWithObject: true });
    expect([preview.info.width, preview.info.height]).toEqual([480, 640]);
    // The preview is a JPEG: compare a coarse average, enough to see it is not flipped.
    const top = (buf: Buffer) => buf.subarray(0, buf.length / 4).reduce((a, b) => a + b, 0);
    expect(Math.abs(top(preview.data) - top(upright)) / top(upright)).toBeLessThan(0.05);
  });
});

describe('location data', () => {
  it('leaves no GPS in any stored file and keeps the JPEG pixels byte for byte', async () => {
    const source = fixture('iphone4s-gps.jpg');
    const input = readFileSync(source);
    // The fixture really has a location, or this test would prove nothing.
    expect(await exifr.gps(input)).toMatchObject({ latitude: expect.any(Number) });
    expect(Object.keys(exiftoolTags(source)).some((k) => k.includes('GPS'))).toBe(true);

    const photo = await importPhoto(source, { photosRoot: root });
    expect(photo.takenAt).toBe('2013-02-06T16:00:03');
    expect(photo.cameraModel).toBe('iPhone 4S');

    for (const file of storedFiles(photo)) {
      const tags = exiftoolTags(file);
      expect(Object.keys(tags).filter((k) => /GPS/i.test(k))).toEqual([]);
      const bytes = readFileSync(file);
      expect(await exifr.gps(bytes)).toBeUndefined();
      const all = (await exifr.parse(bytes, { gps: true, xmp: true, iptc: true })) as
        Record<string, unknown> | undefined;
      expect(Object.keys(all ?? {}).filter((k) => /GPS|latitude|longitude/i.test(k))).toEqual([]);
    }

    const stored = readFileSync(photo.paths.original);
    expect(jpegScan(stored).equals(jpegScan(input))).toBe(true);
    const [a, b] = await Promise.all([
      sharp(input).raw().toBuffer(),
      sharp(stored).raw().toBuffer(),
    ]);
    expect(a.equals(b)).toBe(true);
    // Only orientation and capture time survive of the camera's Exif.
    const exif = exiftoolTags(photo.paths.original);
    expect(exif['ExifIFD:DateTimeOriginal']).toBe('2013:02:06 16:00:03');
    expect(exif['IFD0:Model']).toBeUndefined();
  });

  it('removes a PNG eXIf chunk that holds GPS', async () => {
    const source = join(work, 'gps.png');
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a06040' } })
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 53/1 6/1' } })
      .png()
      .toFile(source);
    expect(exiftoolTags(source)['GPS:GPSLatitudeRef']).toBe('N');
    expect(readFileSync(source).includes(Buffer.from('eXIf'))).toBe(true);

    const photo = await importPhoto(source, { photosRoot: root });
    const stored = readFileSync(photo.paths.original);
    expect(photo.paths.original.endsWith('.png')).toBe(true);
    expect(stored.includes(Buffer.from('eXIf'))).toBe(false);
    for (const file of storedFiles(photo)) {
      expect(Object.keys(exiftoolTags(file)).filter((k) => /GPS/i.test(k))).toEqual([]);
      expect(await exifr.gps(readFileSync(file))).toBeUndefined();
    }
    const [a, b] = await Promise.all([
      sharp(source).raw().toBuffer(),
      sharp(stored).raw().toBuffer(),
    ]);
    expect(a.equals(b)).toBe(true);
  });

  it('re-encodes a TIFF losslessly to an upright PNG without metadata', async () => {
    const source = join(work, 'scan.tif');
    await sharp({ create: { width: 60, height: 40, channels: 3, background: '#3080c0' } })
      .withMetadata({ orientation: 6 })
      .tiff()
      .toFile(source);
    const photo = await importPhoto(source, { photosRoot: root });
    expect(photo.sourceFormat).toBe('tiff');
    expect(photo.storage).toBe('re-encoded');
    expect([photo.width, photo.height, photo.orientation]).toEqual([40, 60, 1]);
    const stored = await sharp(photo.paths.original).metadata();
    expect([stored.format, stored.width, stored.height]).toEqual(['png', 40, 60]);
    expect(stored.exif).toBeUndefined();
    const [a, b] = await Promise.all([
      sharp(source).rotate().raw().toBuffer(),
      sharp(photo.paths.original).raw().toBuffer(),
    ]);
    expect(a.equals(b)).toBe(true);
  });

  it('re-encodes a HEIF (AVIF here) to JPEG without its GPS', async () => {
    const source = join(work, 'phone.heic');
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808040' } })
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 53/1 6/1' } })
      .heif({ compression: 'av1' })
      .toFile(source);
    const photo = await importPhoto(source, { photosRoot: root });
    expect(photo.sourceFormat).toBe('heif');
    expect(photo.paths.original.endsWith('.jpg')).toBe(true);
    for (const file of storedFiles(photo)) {
      expect(Object.keys(exiftoolTags(file)).filter((k) => /GPS/i.test(k))).toEqual([]);
    }
  });
});

describe('refusals', () => {
  it('refuses the truncated JPEG with a message and writes nothing', async () => {
    const error = await refusal(
      importPhoto(fixture('corrupt-huge-exif-tag.jpg'), { photosRoot: root }),
    );
    expect(error.reason).toBe('corrupt');
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/damaged|incomplete/);
    expect(listFiles(root)).toEqual([]);
  });

  it('refuses a JPEG cut off in its image data, which only a full decode notices', async () => {
    const source = join(work, 'cut.jpg');
    writeFileSync(source, readFileSync(fixture('sony-a6000-24mp.jpg')).subarray(0, 3_000_000));
    const error = await refusal(importPhoto(source, { photosRoot: root }));
    expect(error.reason).toBe('corrupt');
    expect(listFiles(root)).toEqual([]);
  });

  it('imports a photo with malformed Exif, keeping only what it could read safely', async () => {
    const photo = await importPhoto(fixture('malformed-exif-canon.jpg'), { photosRoot: root });
    expect([photo.width, photo.height]).toEqual([640, 480]);
    const tags = exiftoolTags(photo.paths.original);
    expect(Object.keys(tags).filter((k) => k.startsWith('MakerNotes') || /Canon/.test(k))).toEqual(
      [],
    );
    expect(exiftoolTags(photo.paths.original)['ExifTool:Warning']).toBeUndefined();
  });

  it('refuses a text file named .jpg by its content', async () => {
    const source = join(work, 'notes.jpg');
    writeFileSync(source, 'Patient notes, not a photo.\n'.repeat(20));
    const error = await refusal(importPhoto(source, { photosRoot: root }));
    expect(error.reason).toBe('unsupported-format');
    expect(error.message).toMatch(/not a JPEG, PNG, HEIC\/HEIF or TIFF/);
    expect(listFiles(root)).toEqual([]);
  });

  it('refuses a PNG whose header declares 30000 x 30000 pixels', async () => {
    const tiny = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const bomb = Buffer.from(tiny);
    // IHDR data starts at byte 16: width, height; then its CRC at 29.
    bomb.writeUInt32BE(30000, 16);
    bomb.writeUInt32BE(30000, 20);
    const { crc32 } = await import('node:zlib');
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
    const source = join(work, 'bomb.png');
    writeFileSync(source, bomb);
    const error = await refusal(importPhoto(source, { photosRoot: root }));
    expect(error.reason).toBe('too-many-pixels');
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('30000 x 30000');
    expect(listFiles(root)).toEqual([]);
  });

  it('applies the pixel and size limits given as options', async () => {
    const pixels = await refusal(
      importPhoto(fixture('orientation-8.jpg'), { photosRoot: root, maxPixels: 100_000 }),
    );
    expect(pixels.reason).toBe('too-many-pixels');
    const bytes = await refusal(
      importPhoto(fixture('sony-a6000-24mp.jpg'), { photosRoot: root, maxFileBytes: 1_000_000 }),
    );
    expect(bytes.reason).toBe('file-too-large');
    expect(bytes.message).toMatch(/limit is 1 MB/);
  });

  it('refuses NUL bytes, relative paths, folders, devices and missing files', async () => {
    const cases: [string, string][] = [
      [`${fixture('iphone4s-gps.jpg')}\0.png`, 'invalid-path'],
      ['relative/photo.jpg', 'invalid-path'],
      [work, 'not-a-file'],
      ['/dev/null', 'not-a-file'],
      [join(work, 'missing.jpg'), 'unreadable'],
    ];
    for (const [path, reason] of cases) {
      const error = await refusal(importPhoto(path, { photosRoot: root }));
      expect(error.reason).toBe(reason);
    }
    expect(listFiles(root)).toEqual([]);
  });

  it('refuses a HEIC it cannot decode with a clear message', async () => {
    // An HEVC-branded HEIF header: whether or not this build decodes HEVC, it is not a photo.
    const source = join(work, 'phone.heic');
    const ftyp = Buffer.alloc(24);
    ftyp.writeUInt32BE(24, 0);
    ftyp.write('ftypheic', 4, 'latin1');
    ftyp.write('mif1heic', 16, 'latin1');
    writeFileSync(source, Buffer.concat([ftyp, Buffer.alloc(200)]));
    const error = await refusal(importPhoto(source, { photosRoot: root }));
    expect(error.reason).toBe('heif-unsupported');
    expect(error.message).toMatch(/HEIC\/HEIF/);
  });
});

describe('storage', () => {
  it('stores the same photo once and reports the second import as a duplicate', async () => {
    const first = await importPhoto(fixture('iphone4s-gps.jpg'), { photosRoot: root });
    const copy = join(work, 'renamed copy.jpg');
    writeFileSync(copy, readFileSync(fixture('iphone4s-gps.jpg')));
    const second = await importPhoto(copy, { photosRoot: root });
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(second.sha256).toBe(first.sha256);
    expect(second.inputSha256).toBe(first.inputSha256);
    expect(second.paths).toEqual(first.paths);
    expect(listFiles(root)).toHaveLength(3);
  });

  it('names files by the SHA-256 of the stored bytes under the root', async () => {
    const { createHash } = await import('node:crypto');
    const photo = await importPhoto(fixture('orientation-8.jpg'), { photosRoot: root });
    const stored = readFileSync(photo.paths.original);
    expect(createHash('sha256').update(stored).digest('hex')).toBe(photo.sha256);
    const input = readFileSync(fixture('orientation-8.jpg'));
    expect(createHash('sha256').update(input).digest('hex')).toBe(photo.inputSha256);
    expect(photo.relativePaths.original).toBe(`${photo.sha256.slice(0, 2)}/${photo.sha256}.jpg`);
    expect(photo.paths.original).toBe(join(root, photo.relativePaths.original));
  });

  it('repairs a set whose derived images are missing', async () => {
    const first = await importPhoto(fixture('orientation-8.jpg'), { photosRoot: root });
    const { rmSync } = await import('node:fs');
    rmSync(first.paths.preview);
    const again = await importPhoto(fixture('orientation-8.jpg'), { photosRoot: root });
    expect(again.duplicate).toBe(true);
    expect(listFiles(root)).toHaveLength(3);
  });

  it('imports the 24 MP camera photo with a thumbnail and a preview', async () => {
    const started = performance.now();
    const photo = await importPhoto(fixture('sony-a6000-24mp.jpg'), { photosRoot: root });
    const elapsed = performance.now() - started;
    console.log(`24 MP import: ${elapsed.toFixed(0)} ms`);
    expect([photo.width, photo.height]).toEqual([6000, 4000]);
    expect(photo.takenAt).toBe('2014-04-18T20:33:53');
    const preview = await sharp(photo.paths.preview).metadata();
    const thumb = await sharp(photo.paths.thumbnail).metadata();
    expect([preview.width, preview.height]).toEqual([1600, 1067]);
    expect([thumb.width, thumb.height]).toEqual([320, 213]);
    expect(listFiles(root)).toHaveLength(3);
  });
});
