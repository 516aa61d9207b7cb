import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { INVOKE_CHANNEL } from '../../shared/api/client';
import { launchClinic, type ClinicLauncher } from '../services/keys/launcher';
import type { SecretStore } from '../services/core/context';
import { documentsRoot } from '../services/documents/archive';
import { FileTokens } from '../services/core/file-tokens';
import { forwardChanges } from './changes';
import { isAllowedExternalUrl } from './external-links';
import { registerHostHandlers } from './host';
import { PatientModeState } from './patient-guard';
import { holdPatientMode } from './patient-window';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  mayGrantPermission,
  mayNavigate,
  windowWebPreferences,
} from './security';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const rendererDir = path.join(__dirname, '..', 'renderer');
/** Patient mode as the services last reported it, for the window's own guards. */
const patientMode = new PatientModeState();
/** Paths chosen in this process's own dialogs, behind the one-time tokens operations take. */
const fileTokens = new FileTokens();

/** In development better-sqlite3-multiple-ciphers is built a second time for Electron's ABI, beside the Node build the tests use. */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const file = path.join(
    app.getAppPath(),
    'node_modules',
    '.mesochart-native',
    `electron-${process.versions.electron}-${process.arch}`,
    'better_sqlite3_multiple_ciphers.node',
  );
  return existsSync(file) ? file : undefined;
}

/**
 * The OS keychain: it seals the clinic's keys (and the backup passphrase). None where it is
 * unavailable: the clinic passphrase then wraps the keys.
 */
function secretStore(): SecretStore | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  // On Linux without a keyring the 'basic_text' backend uses a fixed key: as good as clear text.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return null;
  }
  return {
    seal: (text) => safeStorage.encryptString(text),
    open: (sealed) => safeStorage.decryptString(sealed),
  };
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.normalize(path.join(rendererDir, relative));
    // Nothing outside the built renderer is ever served.
    if (url.host !== APP_HOST || !file.startsWith(rendererDir + path.sep)) {
      return new Response('Not found', { status: 404 });
    }
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function harden(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(
      mayGrantPermission(permission, {
        isMainFrame: details.isMainFrame,
        requestingUrl: details.requestingUrl,
        mediaTypes,
      }),
    );
  });
  session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    mayGrantPermission(permission, {
      isMainFrame: details.isMainFrame,
      requestingUrl: `${requestingOrigin.replace(/\/$/, '')}/`,
      mediaTypes: details.mediaType ? [details.mediaType] : [],
    }),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!mayNavigate(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Mesochart',
    webPreferences: windowWebPreferences(path.join(__dirname, 'preload.cjs'), !app.isPackaged),
  });
  holdPatientMode(win, patientMode);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function registerIpc(clinic: ClinicLauncher): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, operation: unknown, input: unknown) => {
    const frame = event.senderFrame;
    return clinic
      .dispatch(
        { url: frame?.url ?? '', isMainFrame: frame !== null && frame === event.sender.mainFrame },
        operation,
        input,
      )
      .then((result) => {
        // The window's own guards follow the patient mode the services report.
        patientMode.observe(result);
        return result;
      });
  });
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  const dataDir = process.env.MESOCHART_DATA_DIR || app.getPath('userData');
  const binding = nativeBinding();
  // The clinic opens encrypted under its sealed keys; where they wait for the passphrase or the
  // recovery key, the window asks for it before anything else.
  const clinic = await launchClinic({
    checkAtStart: true,
    dataDir,
    trustedOrigin: APP_ORIGIN,
    scheduleBackups: true,
    scheduleReminders: true,
    secretStore: secretStore(),
    fileTokens,
    // A clinic server set for this computer by its administrator (see README, A clinic server).
    ...(process.env.MESOCHART_DATABASE_URL
      ? { databaseUrl: process.env.MESOCHART_DATABASE_URL }
      : {}),
    ...(binding ? { nativeBinding: binding } : {}),
  });
  harden();
  serveRenderer();
  registerIpc(clinic);
  forwardChanges(clinic);
  registerHostHandlers(documentsRoot(dataDir), () => fileTokens);
  let win = createWindow();
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createWindow();
  });
  app.on('window-all-closed', () => {
    void clinic.close().then(() => app.quit());
  });
}

start().catch((error: unknown) => {
  // Start-up errors (a database from a newer version, a damaged file) are told to the user plainly.
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Mesochart cannot start', message);
  app.exit(1);
});
