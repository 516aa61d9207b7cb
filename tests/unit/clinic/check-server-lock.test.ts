import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { CONNECT_TIMEOUT_MS } from '../../../electron/services/store/postgres';
import { startClinic, type TestApp } from '../../support/helpers';

let app: TestApp | null = null;
let silent: net.Server | null = null;
const held: net.Socket[] = [];
afterEach(async () => {
  for (const socket of held.splice(0)) socket.destroy();
  await new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve()));
  silent = null;
  await app?.close();
  app = null;
});

/** A server that takes the connection and never says a word: a check waits out its timeout. */
async function silentServer(): Promise<number> {
  silent = net.createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => silent?.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  return typeof address === 'object' && address ? address.port : 0;
}

describe('Settings › Server: testing the server to move to', () => {
  it('leaves the clinic working while the server it tests never answers', async () => {
    app = await startClinic();
    const port = await silentServer();
    const began = Date.now();
    const check = app.call('clinic.checkServer', {
      server: {
        host: '127.0.0.1',
        port,
        database: 'mesochart',
        user: 'mesochart_owner',
        password: 'owner password',
        tls: 'off',
      },
      runtimeRole: 'mesochart_app',
    });
    let checked = false;
    void check.then(() => {
      checked = true;
    });
    // The check is now waiting on the silent server.
    await new Promise((resolve) => setTimeout(resolve, 200));

    // Meanwhile the front desk saves: it goes through at once, not after the check.
    const saving = Date.now();
    await app.ok('clinic.updateSettings', { idleLockMinutes: 7 });
    const saveMs = Date.now() - saving;
    expect(checked).toBe(false);
    expect(saveMs).toBeLessThan(CONNECT_TIMEOUT_MS / 2);
    expect(await app.ok('clinic.settings')).toMatchObject({ idleLockMinutes: 7 });

    // The check still answers, after its timeout, with what went wrong.
    expect(await check).toMatchObject({
      ok: true,
      value: { ok: false, reason: 'unreachable', field: 'host' },
    });
    expect(Date.now() - began).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 500);
  });
});
