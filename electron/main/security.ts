import type { WebPreferences } from 'electron';

/** The Content-Security-Policy of the app's pages: only our own scripts, no eval, no remote loads. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Mantine writes CSS variables into a style element at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const APP_SCHEME = 'app';
export const APP_HOST = 'mesochart';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The window's web preferences, kept here (no runtime 'electron' import) so a Node test can
 * check them: the renderer is sandboxed and isolated and has no Node.
 */
export function windowWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    devTools,
  };
}

/** Whether the window may follow a navigation: only within the app's own pages. */
export function mayNavigate(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * Whether a permission request is granted. Everything is denied except the camera for our own
 * page's main frame: the photo capture view films the patient (video only, never the microphone)
 * to match earlier photos' framing.
 */
export function mayGrantPermission(
  permission: string,
  request: { isMainFrame: boolean; requestingUrl: string; mediaTypes?: readonly string[] },
): boolean {
  const mediaTypes = request.mediaTypes ?? [];
  return (
    permission === 'media' &&
    request.isMainFrame &&
    request.requestingUrl.startsWith(`${APP_ORIGIN}/`) &&
    mediaTypes.length > 0 &&
    mediaTypes.every((type) => type === 'video')
  );
}
