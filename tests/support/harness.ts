/**
 * What makes a Chromium page run the built renderer against real services: the renderer served
 * from dist/renderer under the test origin, `window.mesochart` bound to a dispatcher, and a
 * scripted host. Shared by the end-to-end fixtures and the UI benchmarks.
 */
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { MesochartServices } from '../../electron/services/app';
import { withSaveExtension, type FileTokens } from '../../electron/services/core/file-tokens';
import type { FileTokenKind, PickedFile } from '../../shared/api/file-token';
import { folderKinds, saveKinds, type FolderKind, type SaveKind } from '../../shared/api/host';
import type { ChangeListener } from '../../electron/services/core/changes';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { APP_TEST_ORIGIN } from './origin';

const root = path.resolve(import.meta.dirname, '..', '..');
const rendererDir = path.join(root, 'dist', 'renderer');

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

let bridgeScript: Promise<string> | undefined;
function bridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [path.join(root, 'tests', 'support', 'bridge.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
  }).then((r) => r.outputFiles[0]!.text);
  return bridgeScript;
}

async function serveRenderer(page: Page): Promise<void> {
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` before the e2e tests');
  }
  await page.route(`${APP_TEST_ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    const relative = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    const file = path.normalize(path.join(rendererDir, relative));
    if (!file.startsWith(rendererDir + path.sep) || !existsSync(file)) {
      return route.fulfill({ status: 404, body: 'Not found' });
    }
    return route.fulfill({
      status: 200,
      body: readFileSync(file),
      headers: {
        'Content-Type': mimeTypes[path.extname(file)] ?? 'application/octet-stream',
        // The same policy the app's protocol handler sends.
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      },
    });
  });
}

/**
 * The scripted stand-in for the system dialogs: set what the next dialog returns, read what the
 * app asked the system to open.
 */
export interface ScriptedHost {
  /**
   * The registry the services take file tokens from: each scripted dialog registers its path
   * here and gives the page only the token, as the main process's dialogs do.
   */
  tokens: () => FileTokens;
  /** Paths the next photo dialog returns (then reset to empty, as a cancelled dialog). */
  nextPickedPhotos: string[];
  /** Path the next save dialog returns; null means the user cancelled. */
  nextSavePath: string | null;
  /** Path the next backup-file dialog returns; null means cancelled. */
  nextBackupFile?: string | null;
  /** Path the next folder dialog returns; null means cancelled. */
  nextFolder?: string | null;
  /** What each dialog was asked for (`save-pdf mesochart-audit.pdf`, `folder export-folder`). */
  asked?: string[];
  /** Every path the app asked the system viewer to open. */
  opened: string[];
}

/** Where the services announce committed changes (the launcher's `onChange`). */
export type ChangeSource = (listener: ChangeListener) => () => void;

/**
 * Serves the renderer to `page` and binds its API to `dispatch` and its host to `host`; with
 * `changes`, each committed change reaches the page as the main process sends it to a window.
 */
export async function attachHarness(
  page: Page,
  dispatch: MesochartServices['dispatch'],
  host: ScriptedHost,
  changes?: ChangeSource,
): Promise<void> {
  await serveRenderer(page);
  if (changes) {
    const stop = changes((change) => {
      // A page still loading (or closed) misses the change, as a window would: it reads afresh.
      void page
        .evaluate((c) => window.__mesochartChange?.(c), {
          domains: change.domains,
          patientIds: change.patientIds,
        })
        .catch(() => undefined);
    });
    page.once('close', stop);
  }
  // The bridge sends and receives JSON text (see bridge.ts).
  await page.exposeBinding(
    '__mesochartInvoke',
    async (source, operation: unknown, payload: string) =>
      JSON.stringify(
        await dispatch(
          { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() },
          operation,
          (JSON.parse(payload) as { input?: unknown }).input,
        ),
      ),
  );
  await page.exposeBinding('__mesochartHost', (_source, call: string, arg: unknown) => {
    const answer = (kind: FileTokenKind, paths: readonly string[]): PickedFile | null =>
      paths.length === 0 ? null : host.tokens().pick(kind, paths);
    switch (call) {
      case 'pickPhotos': {
        const picked = host.nextPickedPhotos;
        host.nextPickedPhotos = [];
        return answer('photos', picked);
      }
      case 'dropPhotos':
        return answer('photos', arg as string[]);
      case 'pickBackupFile':
        return answer('backup-file', host.nextBackupFile ? [host.nextBackupFile] : []);
      case 'pickFolder': {
        const kind = String(arg) as FolderKind;
        if (!folderKinds.includes(kind)) throw new Error(`Unknown folder kind ${kind}`);
        host.asked?.push(`folder ${kind}`);
        return answer(kind, host.nextFolder ? [host.nextFolder] : []);
      }
      case 'chooseSaveFile': {
        const { kind, name } = arg as { kind: SaveKind; name: string };
        if (!saveKinds.includes(kind)) throw new Error(`Unknown save kind ${kind}`);
        host.asked?.push(`${kind} ${name}`);
        const chosen = host.nextSavePath;
        return answer(kind, chosen ? [withSaveExtension(kind, chosen)] : []);
      }
      case 'openPath':
        host.opened.push(String(arg));
        return undefined;
      default:
        throw new Error(`Unknown host call ${call}`);
    }
  });
  await page.addInitScript({ content: await bridge() });
}
