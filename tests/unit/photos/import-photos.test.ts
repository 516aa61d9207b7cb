import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPhotos } from '../../../electron/services/photos/files';
import type { PhotoImportProgress } from '../../../electron/services/photos/files';
import { fixture, listFiles, tempDir } from './helpers';

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

/**
 * Copies of the 24 MP fixture that differ in their pixels, so none is a duplicate of another:
 * one quantisation value changes, which keeps each a valid JPEG.
 */
function distinctCameraPhotos(count: number): string[] {
  const bytes = readFileSync(fixture('sony-a6000-24mp.jpg'));
  // Walk the top-level segments: the Exif block holds a thumbnail with tables of its own.
  let dqt = 2;
  while (bytes[dqt + 1] !== 0xdb) dqt += 2 + bytes.readUInt16BE(dqt + 2);
  return Array.from({ length: count }, (_, i) => {
    const copy = Buffer.from(bytes);
    // Marker, length (2), table id (1), then 64 values: change the last one.
    copy[dqt + 4 + 63] = 10 + i;
    const path = join(work, `camera-${i}.jpg`);
    writeFileSync(path, copy);
    return path;
  });
}

describe('importPhotos', () => {
  it('imports good files, refuses bad ones one by one, and reports progress', async () => {
    const text = join(work, 'fake.jpg');
    writeFileSync(text, 'not an image');
    const files = [
      fixture('orientation-8.jpg'),
      fixture('corrupt-huge-exif-tag.jpg'),
      text,
      fixture('iphone4s-gps.jpg'),
      fixture('iphone4s-gps.jpg'),
    ];
    const progress: PhotoImportProgress[] = [];
    const summary = await importPhotos(files, { photosRoot: root }, (p) => progress.push({ ...p }));

    expect(summary.cancelled).toBe(false);
    expect(summary.notImported).toEqual([]);
    expect(summary.imported.map((p) => [p.fileName, p.duplicate])).toEqual([
      ['orientation-8.jpg', false],
      ['iphone4s-gps.jpg', false],
      ['iphone4s-gps.jpg', true],
    ]);
    expect(summary.refused.map((r) => [r.fileName, r.reason])).toEqual([
      ['corrupt-huge-exif-tag.jpg', 'corrupt'],
      ['fake.jpg', 'unsupported-format'],
    ]);
    for (const r of summary.refused) expect(r.message).not.toContain(work);
    expect(listFiles(root)).toHaveLength(6);

    expect(progress[0]).toEqual({ done: 0, total: 5, current: 'orientation-8.jpg' });
    expect(progress.at(-1)).toEqual({ done: 5, total: 5, current: null });
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
  });

  it('keeps photos finished before a cancel and nothing of the rest', async () => {
    const files = [
      fixture('orientation-8.jpg'),
      fixture('iphone4s-gps.jpg'),
      fixture('malformed-exif-canon.jpg'),
    ];
    const controller = new AbortController();
    const summary = await importPhotos(
      files,
      { photosRoot: root },
      (p) => {
        if (p.done === 1) controller.abort();
      },
      controller.signal,
    );
    expect(summary.cancelled).toBe(true);
    expect(summary.imported.map((p) => p.fileName)).toEqual(['orientation-8.jpg']);
    expect(summary.notImported).toEqual(files.slice(1));
    const stored = listFiles(root);
    expect(stored).toHaveLength(3);
    expect(stored.every((f) => f.includes(summary.imported[0]!.sha256))).toBe(true);
  });

  it('drops a photo cancelled while it is being processed, leaving no temp files', async () => {
    const files = [fixture('orientation-8.jpg'), fixture('sony-a6000-24mp.jpg')];
    const controller = new AbortController();
    const summary = await importPhotos(
      files,
      { photosRoot: root },
      (p) => {
        // Cancel just as the big photo starts: it is read and checked, but never written.
        if (p.current === 'sony-a6000-24mp.jpg' && p.done === 1) controller.abort();
      },
      controller.signal,
    );
    expect(summary.imported).toHaveLength(1);
    expect(summary.notImported).toEqual([files[1]]);
    const stored = listFiles(root);
    expect(stored).toHaveLength(3);
    expect(stored.some((f) => f.includes('.tmp-'))).toBe(false);
  });

  it('returns at once for an already aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const summary = await importPhotos(
      [fixture('orientation-8.jpg')],
      { photosRoot: root },
      undefined,
      controller.signal,
    );
    expect(summary).toMatchObject({ cancelled: true, imported: [], refused: [] });
    expect(listFiles(root)).toEqual([]);
  });

  it('stores two copies of one photo once even when imported in parallel', async () => {
    const a = join(work, 'a.jpg');
    const b = join(work, 'b.jpg');
    copyFileSync(fixture('orientation-8.jpg'), a);
    copyFileSync(fixture('orientation-8.jpg'), b);
    const summary = await importPhotos([a, b], { photosRoot: root, concurrency: 2 });
    expect(summary.imported.map((p) => p.duplicate).sort()).toEqual([false, true]);
    expect(listFiles(root)).toHaveLength(3);
  });

  it('keeps the event loop responsive while importing camera photos', async () => {
    const files = distinctCameraPhotos(3);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const summary = await importPhotos(files, { photosRoot: root });
    const elapsed = performance.now() - started;
    delay.disable();
    expect(summary.imported).toHaveLength(3);
    expect(new Set(summary.imported.map((p) => p.sha256)).size).toBe(3);
    const maxLagMs = delay.max / 1e6;
    console.log(
      `3 x 24 MP: ${elapsed.toFixed(0)} ms, event loop lag max ${maxLagMs.toFixed(0)} ms, ` +
        `p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms`,
    );
    // Generous for a loaded machine (other test workers share the cores); a decode on the main
    // thread would block for the whole ~400 ms of a photo.
    expect(maxLagMs).toBeLessThan(250);
  });
});
