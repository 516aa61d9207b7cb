import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  mayGrantPermission,
  mayNavigate,
  windowWebPreferences,
} from '../../../electron/main/security';

describe('the window', () => {
  it('is sandboxed, isolated and without Node', () => {
    expect(windowWebPreferences('/app/preload.cjs', false)).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('allows only its own scripts, no eval and no remote connections', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/);
  });
});

describe('the session handlers', () => {
  it('keep navigation inside the app', () => {
    expect(mayNavigate('app://mesochart/index.html#/patients')).toBe(true);
    for (const url of [
      'https://evil.example/',
      'app://mesochart.evil/',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      expect(mayNavigate(url), url).toBe(false);
    }
  });

  it('deny every permission but the camera (video only) for the app main frame', () => {
    const ours = { isMainFrame: true, requestingUrl: 'app://mesochart/index.html' };
    expect(mayGrantPermission('media', { ...ours, mediaTypes: ['video'] })).toBe(true);
    expect(mayGrantPermission('media', { ...ours, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(mayGrantPermission('media', { ...ours, mediaTypes: ['audio'] })).toBe(false);
    expect(mayGrantPermission('media', { ...ours, mediaTypes: [] })).toBe(false);
    expect(
      mayGrantPermission('media', { ...ours, isMainFrame: false, mediaTypes: ['video'] }),
    ).toBe(false);
    expect(
      mayGrantPermission('media', {
        isMainFrame: true,
        requestingUrl: 'https://evil.example/',
        mediaTypes: ['video'],
      }),
    ).toBe(false);
    for (const permission of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      expect(mayGrantPermission(permission, { ...ours, mediaTypes: ['video'] }), permission).toBe(
        false,
      );
    }
  });
});
