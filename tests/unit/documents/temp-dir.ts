import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** A temp folder for one test file, removed when the file's tests are done. */
export function useTempDir(prefix: string): {
  dir: string;
  save: (name: string, bytes: Uint8Array) => string;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), `mesochart-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    save: (name, bytes) => {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      return file;
    },
  };
}
