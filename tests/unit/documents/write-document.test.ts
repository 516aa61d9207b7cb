import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentGenerationError } from '../../../electron/services/documents/render/document-errors';
import { renderAftercarePdf } from '../../../electron/services/documents/render/render-aftercare-pdf';
import { writeDocumentAtomically } from '../../../electron/services/documents/render/write-document';
import { aftercareData } from './fixtures';
import { useTempDir } from './temp-dir';

const temp = useTempDir('archive');

describe('writeDocumentAtomically', () => {
  it('archives a rendered PDF under its hash, and the hash matches the file', async () => {
    const { bytes } = await renderAftercarePdf(aftercareData());
    const dir = path.join(temp.dir, 'documents', '2025');
    const archived = await writeDocumentAtomically(dir, bytes);
    const onDisk = readFileSync(archived.path);
    expect(createHash('sha256').update(onDisk).digest('hex')).toBe(archived.sha256);
    expect(archived.path).toBe(path.join(dir, `${archived.sha256}.pdf`));
    expect(archived.size).toBe(bytes.length);
    expect(onDisk.subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(dir)).toEqual([`${archived.sha256}.pdf`]);

    // Writing the same bytes again is harmless and gives the same answer.
    expect(await writeDocumentAtomically(dir, bytes)).toEqual(archived);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('gives byte-identical output for identical input', async () => {
    const a = await renderAftercarePdf(aftercareData());
    const b = await renderAftercarePdf(aftercareData());
    const dir = path.join(temp.dir, 'repeat');
    const first = await writeDocumentAtomically(dir, a.bytes);
    const second = await writeDocumentAtomically(dir, b.bytes);
    expect(second.sha256).toBe(first.sha256);
  });

  it('uses a given file name and refuses one that leaves the directory', async () => {
    const dir = path.join(temp.dir, 'named');
    const archived = await writeDocumentAtomically(dir, Buffer.from('%PDF-1.3 test'), {
      fileName: 'DOC-1.pdf',
    });
    expect(path.basename(archived.path)).toBe('DOC-1.pdf');
    await expect(
      writeDocumentAtomically(dir, Buffer.from('%PDF'), { fileName: '../escape.pdf' }),
    ).rejects.toBeInstanceOf(DocumentGenerationError);
  });

  it('leaves no half file when the write fails, and says why', async () => {
    const dir = path.join(temp.dir, 'failing');
    // A directory where the file should go makes the final rename fail after the data is written.
    mkdirSync(path.join(dir, 'taken.pdf', 'inside'), { recursive: true });
    const error = await writeDocumentAtomically(dir, Buffer.from('%PDF-1.3 data'), {
      fileName: 'taken.pdf',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentGenerationError);
    const e = error as DocumentGenerationError;
    expect(e.stage).toBe('write');
    expect(e.code).toBe('INTERNAL');
    expect(e.reason).toMatch(/could not be written \(E[A-Z]+\)/);
    expect(readdirSync(dir)).toEqual(['taken.pdf']);
  });

  it('refuses empty output', async () => {
    await expect(writeDocumentAtomically(temp.dir, new Uint8Array())).rejects.toMatchObject({
      reason: 'the document is empty',
    });
  });
});
