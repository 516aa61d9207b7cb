import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../electron/services/photos/files/detect-format';

function ftyp(major: string, ...compatible: string[]): Buffer {
  const box = Buffer.alloc(16 + compatible.length * 4);
  box.writeUInt32BE(box.length, 0);
  box.write(`ftyp${major}`, 4, 'latin1');
  compatible.forEach((brand, i) => box.write(brand, 16 + i * 4, 'latin1'));
  return box;
}

describe('detectFormat', () => {
  it('recognises each accepted format by its bytes', () => {
    expect(detectFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ format: 'jpeg' });
    expect(detectFormat(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'))).toEqual({ format: 'png' });
    expect(detectFormat(Buffer.from('II*\0\x08\0\0\0', 'latin1'))).toEqual({ format: 'tiff' });
    expect(detectFormat(Buffer.from('MM\0*\0\0\0\x08', 'latin1'))).toEqual({ format: 'tiff' });
    expect(detectFormat(ftyp('heic', 'mif1', 'heic'))).toEqual({ format: 'heif', codec: 'hevc' });
    expect(detectFormat(ftyp('mif1', 'mif1', 'heic'))).toEqual({ format: 'heif', codec: 'hevc' });
    expect(detectFormat(ftyp('avif', 'mif1', 'avif'))).toEqual({ format: 'heif', codec: 'av1' });
  });

  it('refuses everything else, whatever the file is called', () => {
    expect(detectFormat(Buffer.from('GIF89a'))).toBeNull();
    expect(detectFormat(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(detectFormat(Buffer.from('hello, world'))).toBeNull();
    expect(detectFormat(Buffer.alloc(0))).toBeNull();
    expect(detectFormat(ftyp('isom', 'isom', 'mp41'))).toBeNull();
    // Canon CR2 is TIFF-shaped, but only its embedded preview would be imported.
    expect(detectFormat(Buffer.from('II*\0\x10\0\0\0CR\x02\0', 'latin1'))).toBeNull();
  });
});
