import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildExifTiff } from '../../../electron/services/photos/files/exif-writer';
import { stripPngMetadata } from '../../../electron/services/photos/files/png-metadata';
import { pngChunk, pngChunkTypes } from './helpers';

async function plainPng(): Promise<Buffer> {
  return sharp({ create: { width: 20, height: 10, channels: 4, background: '#10203080' } })
    .png()
    .toBuffer();
}

/** Inserts chunks right after IHDR (8-byte signature + 25-byte IHDR chunk). */
function withChunks(png: Buffer, ...chunks: Buffer[]): Buffer {
  return Buffer.concat([png.subarray(0, 33), ...chunks, png.subarray(33)]);
}

describe('stripPngMetadata', () => {
  it('drops text, time and Exif chunks and anything after IEND, keeping the pixels', async () => {
    const base = await plainPng();
    const input = Buffer.concat([
      withChunks(
        base,
        pngChunk('tEXt', Buffer.from('Location\0Main Street')),
        pngChunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>')),
        pngChunk('zTXt', Buffer.from('Comment\0\0x')),
        pngChunk('tIME', Buffer.alloc(7)),
        pngChunk('eXIf', buildExifTiff({ orientation: 1 })),
        pngChunk('prVt', Buffer.from('private')),
        pngChunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f])),
      ),
      Buffer.from('trailing bytes'),
    ]);
    const out = stripPngMetadata(input, null);
    expect(pngChunkTypes(out)).toEqual(['IHDR', 'gAMA', ...pngChunkTypes(base).slice(1)]);
    const [a, b] = await Promise.all([sharp(input).raw().toBuffer(), sharp(out).raw().toBuffer()]);
    expect(a.equals(b)).toBe(true);
  });

  it('writes the orientation back as the only eXIf chunk, before the image data', async () => {
    const out = stripPngMetadata(await plainPng(), buildExifTiff({ orientation: 6 }));
    const types = pngChunkTypes(out);
    expect(types.indexOf('eXIf')).toBeLessThan(types.indexOf('IDAT'));
    expect((await sharp(out).metadata()).orientation).toBe(6);
  });

  it('refuses a truncated PNG', async () => {
    const png = await plainPng();
    expect(() => stripPngMetadata(png.subarray(0, png.length - 20), null)).toThrow(/damaged/);
  });
});
