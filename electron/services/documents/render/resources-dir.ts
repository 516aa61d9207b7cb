import { existsSync } from 'node:fs';
import path from 'node:path';

const fontMarker = path.join('fonts', 'DejaVuSans.ttf');

/**
 * The resources directory holding the embedded fonts. The packaged app passes its own path
 * (resources are unpacked beside the app); in development and tests the repository's
 * `resources/` is found by walking up from this module, which works both from the source tree
 * and from the bundled main process in dist/.
 */
export function resolveResourcesDir(resourcesRoot?: string): string {
  if (resourcesRoot !== undefined) {
    if (!existsSync(path.join(resourcesRoot, fontMarker))) {
      throw new Error(`Resources not found: ${fontMarker} is missing under the given directory`);
    }
    return resourcesRoot;
  }
  // __dirname exists in the CommonJS bundle and under Vitest; cwd is the last resort.
  const start = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources');
    if (existsSync(path.join(candidate, fontMarker))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error('Resources not found: no resources/fonts directory above the documents module');
}

export interface FontFiles {
  regular: string;
  bold: string;
}

export function fontFiles(resourcesDir: string): FontFiles {
  return {
    regular: path.join(resourcesDir, 'fonts', 'DejaVuSans.ttf'),
    bold: path.join(resourcesDir, 'fonts', 'DejaVuSans-Bold.ttf'),
  };
}
