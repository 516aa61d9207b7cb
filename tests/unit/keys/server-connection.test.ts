import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { ClinicLauncher } from '../../../electron/services/keys/launcher';
import {
  SERVER_FILE,
  savedServerUrl,
  saveServerConnection,
} from '../../../electron/services/keys/server-connection';
import type { ServerCheckAnswer } from '../../../shared/api/keys';
import { ADMIN, CLINIC } from '../../support/helpers';
import { call, freshDir, launch, ok, testKeychain } from './launch';

const open: ClinicLauncher[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) await l.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dir(): string {
  const d = freshDir();
  dirs.push(d);
  return d;
}

const keys = () => ({ dataKey: randomBytes(32), auditKey: randomBytes(32) });
const PASSWORD = 'clinic server password 7Qx';
const settings = (port: number) => ({
  host: '127.0.0.1',
  port,
  database: 'mesochart',
  user: 'mesochart_app',
  password: PASSWORD,
  tls: 'off' as const,
});

/** A loopback port nothing listens on: a server that is switched off. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 1;
}

describe("the clinic server's saved connection", () => {
  it('keeps the password sealed by the keychain, never in clear, and only that keychain opens it', () => {
    const d = dir();
    const clinic = keys();
    const keychain = testKeychain();
    saveServerConnection(d, settings(5432), keychain, clinic);
    const text = readFileSync(path.join(d, SERVER_FILE), 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(JSON.parse(text)).toMatchObject({ host: '127.0.0.1', password: { by: 'keychain' } });
    const url = new URL(savedServerUrl(d, keychain, clinic) ?? '');
    expect(decodeURIComponent(url.password)).toBe(PASSWORD);
    // Another computer's (or account's) keychain cannot open it: a typed refusal, no guess.
    expect(() => savedServerUrl(d, testKeychain(), clinic)).toThrow(/sealed by another computer/);
  });

  it("without a keychain seals it under the clinic's keys (opened by the clinic passphrase)", () => {
    const d = dir();
    const clinic = keys();
    saveServerConnection(d, settings(5432), null, clinic);
    const text = readFileSync(path.join(d, SERVER_FILE), 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(JSON.parse(text)).toMatchObject({ password: { by: 'clinic-key' } });
    expect(savedServerUrl(d, null, clinic)).toContain(encodeURIComponent(PASSWORD));
    expect(() => savedServerUrl(d, null, keys())).toThrow(/cannot be opened here/);
    expect(savedServerUrl(dir(), null, clinic)).toBeNull();
  });
});

describe('"Connect to the clinic server" at first run', () => {
  it('says a server that does not answer is unreachable, next to the server field, and keeps nothing', async () => {
    const d = dir();
    const launcher = await launch(d, testKeychain());
    open.push(launcher);
    const port = await closedPort();
    const answer = await ok<ServerCheckAnswer>(launcher, 'keys.checkServer', settings(port));
    expect(answer).toMatchObject({ ok: false, reason: 'unreachable', field: 'host' });
    expect(answer.message).toContain(`127.0.0.1:${port}`);

    const refused = await call(launcher, 'keys.connectServer', settings(port));
    expect(refused.ok ? null : refused.error.fields).toEqual({
      host: expect.stringMatching(/No answer from 127\.0\.0\.1/),
    });
    expect(existsSync(path.join(d, SERVER_FILE))).toBe(false);
    // This computer's own record still answers: the first-run setup goes on as before.
    await ok(launcher, 'auth.setup', { clinic: CLINIC, admin: ADMIN });
  });

  it('refuses a field left empty with its message, before trying anything', async () => {
    const launcher = await launch(dir(), testKeychain());
    open.push(launcher);
    const refused = await call(launcher, 'keys.checkServer', { ...settings(5432), host: ' ' });
    expect(refused.ok ? null : refused.error.fields).toEqual({
      host: 'Server is required',
    });
  });

  it('is not offered once the clinic is set up on this computer', async () => {
    const launcher = await launch(dir(), testKeychain());
    open.push(launcher);
    await ok(launcher, 'auth.setup', { clinic: CLINIC, admin: ADMIN });
    for (const operation of ['keys.checkServer', 'keys.connectServer']) {
      const refused = await call(launcher, operation, settings(await closedPort()));
      // The catalogue's text, so the screen words it in its language.
      expect(refused.ok ? null : refused.error, operation).toMatchObject({
        message: 'This computer already works on its clinic',
        key: 'errors.keys.alreadyWorks',
      });
    }
  });
});
