import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fontFiles,
  resolveResourcesDir,
} from '../../../electron/services/documents/render/resources-dir';
import { useTempDir } from './temp-dir';

const temp = useTempDir('resources');

describe('resolveResourcesDir', () => {
  it('finds the repository resources with the embedded fonts and their licence', () => {
    const dir = resolveResourcesDir();
    expect(dir).toBe(path.resolve(import.meta.dirname, '..', '..', '..', 'resources'));
    const fonts = fontFiles(dir);
    expect(existsSync(fonts.regular)).toBe(true);
    expect(existsSync(fonts.bold)).toBe(true);
    expect(existsSync(path.join(dir, 'fonts', 'LICENSE-DejaVu.txt'))).toBe(true);
  });

  it('takes the packaged app path as given, and refuses one without fonts', () => {
    const dir = resolveResourcesDir();
    expect(resolveResourcesDir(dir)).toBe(dir);
    expect(() => resolveResourcesDir(temp.dir)).toThrow(/Resources not found/);
  });
});
