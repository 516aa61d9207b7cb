import { readFileSync } from 'node:fs';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildExifTiff } from '../../../electron/services/photos/files/exif-writer';
import {
  jpegExifSegment,
  jpegHeaderLength,
  stripJpegMetadata,
} from '../../../electron/services/photos/files/jpeg-metadata';
import { PhotoError } from '../../../electron/services/photos/files/photo-error';
import { fixture, jpegScan } from './helpers';

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** Inserts segments right after SOI. */
function withSegments(jpeg: Buffer, ...segments: Buffer[]): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

function markers(jpeg: Buffer): string[] {
  const found: string[] = [];
  let pos = 2;
  while (pos + 4 <= jpeg.length && jpeg[pos] === 0xff && jpeg[pos + 1] !== 0xda) {
    const length = jpeg.readUInt16BE(pos + 2);
    const name = jpeg.subarray(pos + 4, pos + 4 + 4).toString('latin1');
    found.push(`${jpeg[pos + 1]!.toString(16)}:${name}`);
    pos += 2 + length;
  }
  return found;
}

describe('stripJpegMetadata', () => {
  it('drops XMP, IPTC, comments and unknown APPn, keeping ICC and Adobe segments', async () => {
    const base = await sharp({
      create: { width: 16, height: 16, channels: 3, background: '#336699' },
    })
      .jpeg()
      .toBuffer();
    const icc = segment(0xe2, Buffer.from('ICC_PROFILE\0\x01\x01fake-profile', 'latin1'));
    const input = withSegments(
      base,
      segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPS</x:xmpmeta>')),
      segment(0xed, Buffer.from('Photoshop 3.0\0 8BIM location')),
      segment(0xfe, Buffer.from('Taken at 12 Main Street')),
      segment(0xe5, Buffer.from('Vendor block')),
      icc,
      segment(0xee, Buffer.from('Adobe\0\x64\0\0\0\0\x01', 'latin1')),
    );
    const out = await stripJpegMetadata(input, null);
    expect(out.includes(Buffer.from('xmpmeta'))).toBe(false);
    expect(out.includes(Buffer.from('8BIM'))).toBe(false);
    expect(out.includes(Buffer.from('Main Street'))).toBe(false);
    expect(out.includes(Buffer.from('Vendor'))).toBe(false);
    expect(out.includes(icc)).toBe(true);
    expect(markers(out).filter((m) => m.startsWith('ee:'))).toEqual(['ee:Adob']);
    expect(jpegScan(out).equals(jpegScan(input))).toBe(true);
  });

  it('drops what follows EOI, where phones append preview images with their own Exif', async () => {
    const input = readFileSync(fixture('orientation-8.jpg'));
    const trailer = Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      Buffer.from('Exif GPS trailer'),
      Buffer.from([0xff, 0xd9]),
    ]);
    const out = await stripJpegMetadata(Buffer.concat([input, trailer]), null);
    expect(out.includes(Buffer.from('trailer'))).toBe(false);
    expect(out.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
  });

  it('puts the minimal Exif right after JFIF and exifr reads it back', async () => {
    const input = readFileSync(fixture('orientation-8.jpg'));
    const tiff = buildExifTiff({
      orientation: 8,
      dateTimeOriginal: '2024:03:01 09:15:00',
      offsetTimeOriginal: '+03:00',
    });
    const out = await stripJpegMetadata(input, jpegExifSegment(tiff));
    expect(markers(out).slice(0, 2)).toEqual(['e0:JFIF', 'e1:Exif']);
    const tags = (await exifr.parse(out, {
      reviveValues: false,
      translateValues: false,
    })) as Record<string, unknown>;
    expect(tags).toMatchObject({
      Orientation: 8,
      DateTimeOriginal: '2024:03:01 09:15:00',
      OffsetTimeOriginal: '+03:00',
    });
    expect((await sharp(out).metadata()).orientation).toBe(8);
  });

  it('keeps every scan of a progressive JPEG and its tables between scans', async () => {
    const input = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#884422' },
    })
      .jpeg({ progressive: true })
      .toBuffer();
    const out = await stripJpegMetadata(input, null);
    const [a, b] = await Promise.all([sharp(input).raw().toBuffer(), sharp(out).raw().toBuffer()]);
    expect(a.equals(b)).toBe(true);
    expect(
      out.subarray(jpegHeaderLength(out)).equals(input.subarray(jpegHeaderLength(input))),
    ).toBe(true);
  });

  it('refuses a file with no image data or a truncated segment', async () => {
    await expect(stripJpegMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), null)).rejects.toThrow(
      PhotoError,
    );
    await expect(
      stripJpegMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0, 0]), null),
    ).rejects.toThrow(PhotoError);
    const cut = readFileSync(fixture('orientation-8.jpg'));
    await expect(stripJpegMetadata(cut.subarray(0, cut.length - 100), null)).rejects.toThrow(
      /damaged/,
    );
  });
});
