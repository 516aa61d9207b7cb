import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchClinic, type ClinicLauncher } from '../../../electron/services/keys/launcher';
import { sweepVerifyFolders } from '../../../electron/services/audit/startup-check';
import { ADMIN, CLINIC, TEST_ORIGIN, TRUSTED } from '../../support/helpers';
import { TEST_KDF, testKeychain } from '../../support/keys';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function launch(dataDir: string, keychain: ReturnType<typeof testKeychain>) {
  const launcher = await launchClinic({
    dataDir,
    trustedOrigin: TEST_ORIGIN,
    secretStore: keychain,
    kdf: TEST_KDF,
    checkAtStart: true,
  });
  cleanup.push(() => launcher.close());
  return launcher;
}

async function lastCheck(launcher: ClinicLauncher) {
  await launcher.services!.state.jobs.settle();
  const result = await launcher.dispatch(TRUSTED, 'audit.lastCheck', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { ok: boolean; firstBroken: number | null; at: string } | null;
}

describe('the audit check at start-up', () => {
  it('verifies the chain in the background and keeps the result for the admin', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-check-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const keychain = testKeychain();
    const first = await launch(dataDir, keychain);
    await first.dispatch(TRUSTED, 'auth.setup', { clinic: CLINIC, admin: ADMIN });
    expect(await lastCheck(first)).toMatchObject({ ok: true, firstBroken: null });
    // Someone with the database rewrites an event behind the app's back.
    const sqlite = first.services!.state.store.sqlite;
    sqlite.exec('DROP TRIGGER audit_event_no_update;');
    sqlite.prepare("UPDATE audit_event SET outcome = 'failed' WHERE seq = 1").run();
    await first.close();
    cleanup.pop();

    const second = await launch(dataDir, keychain);
    await second.dispatch(TRUSTED, 'auth.signIn', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(await lastCheck(second)).toMatchObject({ ok: false, firstBroken: 1 });
    await second.dispatch(TRUSTED, 'auth.signOut', {});
    const anonymous = await second.dispatch(TRUSTED, 'audit.lastCheck', {});
    expect(!anonymous.ok && anonymous.error.code).toBe('UNAUTHENTICATED');
  });

  it('removes old temp folders of backup checks, and leaves one another run may be using', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-tmp-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const old = path.join(dir, 'mesochart-verify-abc123');
    const fresh = path.join(dir, 'mesochart-verify-def456');
    const other = path.join(dir, 'something-else');
    for (const d of [old, fresh, other]) mkdirSync(d);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    utimesSync(other, twoHoursAgo, twoHoursAgo);
    expect(await sweepVerifyFolders(Date.now(), dir)).toEqual(['mesochart-verify-abc123']);
    expect([old, fresh, other].map((d) => existsSync(d))).toEqual([false, true, true]);
  });
});
