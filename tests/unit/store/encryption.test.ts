import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, DATABASE_FILE } from '../../../electron/services/app';
import { DatabaseKeyError, openStore } from '../../../electron/services/store/database';
import { isPlainDatabase } from '../../../electron/services/store/encryption';
import {
  ADMIN,
  CLINIC,
  startClinic,
  TEST_ORIGIN,
  TRUSTED,
  type TestApp,
} from '../../support/helpers';
import { details, register } from '../patients/fixtures';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const NOTE = 'Prefers the left side; mild rosacea flare in May';
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every database file of the folder (the database, its WAL and shared memory). */
function databaseFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.startsWith(DATABASE_FILE))
    .map((n) => path.join(dir, n));
}

describe('the encrypted store', () => {
  it("holds no patient's name or note in any byte of the database or its WAL", async () => {
    app = await startClinic();
    await register(app, { familyName: 'Quennell-Ashdown', address: NOTE });
    await app.ok('patients.search', { query: 'quennell' });
    await app.services.state.auditQueue.flush();
    const files = databaseFiles(app.dataDir);
    expect(files.some((f) => f.endsWith('-wal') && statSync(f).size > 0)).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of ['Quennell', 'quennell', 'rosacea', 'SQLite format 3']) {
        expect(bytes.includes(Buffer.from(secret)), `${secret} in ${path.basename(file)}`).toBe(
          false,
        );
      }
      expect(statSync(file).mode & 0o777, path.basename(file)).toBe(0o600);
    }
  });

  it('refuses a wrong key, or none, cleanly and without touching the file', async () => {
    app = await startClinic();
    await register(app);
    const { dataDir, databaseKey } = app;
    await app.services.close();
    const file = path.join(dataDir, DATABASE_FILE);
    const before = hash(file);
    expect(() => openStore(file, { key: randomBytes(32) })).toThrow(DatabaseKeyError);
    expect(() => openStore(file)).toThrow(DatabaseKeyError);
    await expect(
      createServices({ dataDir, databaseKey: randomBytes(32), trustedOrigin: TEST_ORIGIN }),
    ).rejects.toThrow(/could not be opened/);
    expect(hash(file)).toBe(before);
    // The right key still opens it.
    const reopened = openStore(file, { key: databaseKey });
    expect(reopened.sqlite.prepare('SELECT count(*) AS n FROM patient').get()).toEqual({ n: 1 });
    await reopened.close();
    rmSync(dataDir, { recursive: true, force: true });
    app = null;
  });

  it('encrypts an unencrypted clinic in place on opening, keeping every row', async () => {
    const plain = await startClinic();
    const dataDir = plain.dataDir;
    await plain.services.close();
    // The same folder as an older, unencrypted version left it: made without a key.
    rmSync(dataDir, { recursive: true, force: true });
    const old = await createServices({ dataDir, trustedOrigin: TEST_ORIGIN });
    await old.dispatch(TRUSTED, 'auth.setup', { clinic: CLINIC, admin: ADMIN });
    const created = await old.dispatch(TRUSTED, 'patients.create', details({ address: NOTE }));
    expect(created.ok).toBe(true);
    await old.close();
    const file = path.join(dataDir, DATABASE_FILE);
    expect(isPlainDatabase(file)).toBe(true);
    expect(readFileSync(file).includes(Buffer.from('rosacea'))).toBe(true);

    const databaseKey = randomBytes(32);
    const services = await createServices({ dataDir, databaseKey, trustedOrigin: TEST_ORIGIN });
    try {
      expect(isPlainDatabase(file)).toBe(false);
      for (const f of databaseFiles(dataDir)) {
        expect(readFileSync(f).includes(Buffer.from('rosacea'))).toBe(false);
      }
      expect(readdirSync(dataDir).filter((n) => n.includes('encrypting'))).toEqual([]);
      const signIn = await services.dispatch(TRUSTED, 'auth.signIn', {
        username: ADMIN.username,
        password: ADMIN.password,
      });
      expect(signIn.ok).toBe(true);
      const found = await services.dispatch(TRUSTED, 'patients.search', { query: 'sebnem' });
      expect(found).toMatchObject({ ok: true });
      expect(JSON.stringify(found)).toContain('Yılmaz');
      expect(await services.dispatch(TRUSTED, 'audit.verify', {})).toMatchObject({
        ok: true,
        value: { ok: true },
      });
    } finally {
      await services.close();
    }
    // Opened again with the key, it is simply opened.
    const again = await createServices({ dataDir, databaseKey, trustedOrigin: TEST_ORIGIN });
    await again.close();
    expect(existsSync(file)).toBe(true);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
