import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { importPhoto, removeStaleTempFiles } from '../../../electron/services/photos/files';
import { fixture, listFiles, tempDir } from './helpers';

let cleanup = () => {};
afterEach(() => cleanup());

it('removes only leftover temp files from the store', async () => {
  const store = tempDir('photos');
  cleanup = store.cleanup;
  const photo = await importPhoto(fixture('orientation-8.jpg'), { photosRoot: store.dir });
  const shard = join(store.dir, photo.sha256.slice(0, 2));
  writeFileSync(join(shard, '.tmp-0123456789abcdef-x.jpg'), 'half');
  mkdirSync(join(store.dir, 'zz'));
  writeFileSync(join(store.dir, 'zz', '.tmp-keep'), 'not ours');
  expect(await removeStaleTempFiles(store.dir)).toBe(1);
  expect(listFiles(store.dir)).toHaveLength(4);
  expect(listFiles(store.dir).filter((f) => f.startsWith(photo.sha256.slice(0, 2)))).toHaveLength(
    3,
  );
});

it('refuses a relative photos root before touching any file', async () => {
  await expect(importPhoto(fixture('orientation-8.jpg'), { photosRoot: 'photos' })).rejects.toThrow(
    /absolute/,
  );
});

it('refuses a photo it cannot store and leaves nothing of it', async () => {
  const store = tempDir('photos');
  const probe = tempDir('probe');
  cleanup = () => {
    store.cleanup();
    probe.cleanup();
  };
  const { relativePaths } = await importPhoto(fixture('orientation-8.jpg'), {
    photosRoot: probe.dir,
  });
  // A folder where the preview should go: the thumbnail is written first, then the preview fails.
  mkdirSync(join(store.dir, ...relativePaths.preview.split('/')), { recursive: true });
  const error = await importPhoto(fixture('orientation-8.jpg'), { photosRoot: store.dir }).catch(
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ reason: 'storage-failed', code: 'INTERNAL' });
  expect(listFiles(store.dir)).toEqual([]);
});
