import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createServices } from '../../../electron/services/app';
import type { ClinicLauncher } from '../../../electron/services/keys/launcher';
import { isPlainDatabase } from '../../../electron/services/store/encryption';
import type { KeysStatus } from '../../../shared/api/keys';
import { ADMIN, CLINIC, TEST_ORIGIN, TRUSTED } from '../../support/helpers';
import { details } from '../patients/fixtures';
import { call, chosen, freshDir, launch, ok, testKeychain } from './launch';

const PASSPHRASE = 'a long clinic passphrase';
const PATIENT = details({ preferredLanguage: '' });

const open: ClinicLauncher[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) await l.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function started(dataDir: string, keychain: ReturnType<typeof testKeychain> | null) {
  const launcher = await launch(dataDir, keychain);
  open.push(launcher);
  return launcher;
}

function dir(): string {
  const d = freshDir();
  dirs.push(d);
  return d;
}

const db = (d: string) => path.join(d, 'mesochart.sqlite');
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A clinic set up with one patient, its launcher closed again. */
async function clinicWithPatient(d: string, keychain: ReturnType<typeof testKeychain> | null) {
  const launcher = await started(d, keychain);
  if (keychain === null) {
    await ok(launcher, 'keys.create', { passphrase: PASSPHRASE, confirm: PASSPHRASE });
  }
  const { recoveryKey } = await ok<{ recoveryKey: string }>(launcher, 'keys.recoveryKey');
  await ok(launcher, 'keys.confirmRecoveryKey');
  await ok(launcher, 'auth.setup', { clinic: CLINIC, admin: ADMIN });
  await ok(launcher, 'staff.create', {
    username: 'nadia',
    displayName: 'Nadia Benali',
    role: 'practitioner',
    password: 'clinic practitioner pass',
  });
  await ok(launcher, 'auth.signOut');
  await ok(launcher, 'auth.signIn', { username: 'nadia', password: 'clinic practitioner pass' });
  await ok(launcher, 'patients.create', PATIENT);
  await launcher.close();
  open.splice(open.indexOf(launcher), 1);
  return recoveryKey;
}

async function patientNames(launcher: ClinicLauncher): Promise<string[]> {
  await ok(launcher, 'auth.signIn', { username: 'nadia', password: 'clinic practitioner pass' });
  const found = await ok<{ results: { familyName: string }[] }>(launcher, 'patients.search', {
    query: 'yilmaz',
  });
  return found.results.map((p) => p.familyName);
}

describe('keys sealed by the keychain', () => {
  it('opens by itself on the same computer, with the data encrypted and the key file 0600', async () => {
    const d = dir();
    const keychain = testKeychain();
    const recoveryKey = await clinicWithPatient(d, keychain);
    expect(recoveryKey).toMatch(/^(\w{5}-){7}\w{5}$/);
    expect(isPlainDatabase(db(d))).toBe(false);
    expect(statSync(path.join(d, 'mesochart.keys')).mode & 0o777).toBe(0o600);
    expect(existsSync(path.join(d, 'audit.key'))).toBe(false);
    const text = readFileSync(path.join(d, 'mesochart.keys'), 'utf8');
    expect(text).not.toMatch(/[0-9a-f]{64}/);

    const again = await started(d, keychain);
    expect(again.status()).toEqual({
      state: 'open',
      method: 'keychain',
      message: null,
      recoveryKeyPending: false,
      server: null,
    });
    expect(await patientNames(again)).toEqual(['Yılmaz']);
    // Nothing recovered, nothing pending: the key is never shown again.
    expect((await call(again, 'keys.recoveryKey')).ok).toBe(false);
  });

  it('is locked on a computer whose keychain did not seal them, and answers only keys.*', async () => {
    const d = dir();
    await clinicWithPatient(d, testKeychain());
    const before = hash(db(d));
    const elsewhere = await started(d, testKeychain());
    const status = elsewhere.status();
    expect(status.state).toBe('locked');
    expect(status.message).toMatch(/recovery key/);
    const refused = await call(elsewhere, 'patients.search', { query: 'yilmaz' });
    expect(refused.ok || refused.error.code).toBe('LOCKED');
    expect(hash(db(d))).toBe(before);
  });
});

describe('keys wrapped by the clinic passphrase', () => {
  it('asks for a new passphrase first, then unlocks with it and refuses a wrong one', async () => {
    const d = dir();
    const first = await started(d, null);
    expect(first.status().state).toBe('new');
    const short = await call(first, 'keys.create', { passphrase: 'short', confirm: 'short' });
    expect(!short.ok && short.error.fields?.passphrase).toMatch(/at least 12/);
    expect(existsSync(path.join(d, 'mesochart.keys'))).toBe(false);
    await first.close();
    open.splice(0);

    await clinicWithPatient(d, null);
    const locked = await started(d, null);
    expect(locked.status()).toMatchObject({ state: 'locked', method: 'passphrase' });
    const wrong = await call(locked, 'keys.unlock', { passphrase: 'not the clinic passphrase' });
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.error.fields?.passphrase).toBe('That is not the clinic passphrase.');
    expect(locked.services).toBeNull();
    const status = await ok<KeysStatus>(locked, 'keys.unlock', { passphrase: PASSPHRASE });
    expect(status.state).toBe('open');
    expect(await patientNames(locked)).toEqual(['Yılmaz']);
  });
});

describe('refusals that change nothing', () => {
  it('refuses to start without the key file and never makes new keys for encrypted data', async () => {
    const d = dir();
    await clinicWithPatient(d, testKeychain());
    unlinkSync(path.join(d, 'mesochart.keys'));
    const before = hash(db(d));
    const launcher = await started(d, testKeychain());
    expect(launcher.status().state).toBe('refused');
    expect(launcher.status().message).toMatch(/key file \(mesochart\.keys\) is missing/);
    expect(launcher.services).toBeNull();
    expect(existsSync(path.join(d, 'mesochart.keys'))).toBe(false);
    expect(hash(db(d))).toBe(before);
  });

  it("refuses another clinic's key file (wrong key) with a typed message", async () => {
    const a = dir();
    const b = dir();
    const keychain = testKeychain();
    await clinicWithPatient(a, keychain);
    await clinicWithPatient(b, keychain);
    writeFileSync(path.join(a, 'mesochart.keys'), readFileSync(path.join(b, 'mesochart.keys')));
    const before = hash(db(a));
    const launcher = await started(a, keychain);
    expect(launcher.status()).toMatchObject({ state: 'refused' });
    expect(launcher.status().message).toMatch(/do not open its database/);
    expect(hash(db(a))).toBe(before);
  });

  it('refuses a damaged key file: a short key, or key settings that would cost gigabytes', async () => {
    const d = dir();
    await clinicWithPatient(d, null);
    const file = path.join(d, 'mesochart.keys');
    const good = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
    const cut = { ...good, recovery: { ...good.recovery, salt: 'AAAA' } };
    writeFileSync(file, JSON.stringify(cut));
    expect((await started(d, null)).status().message).toMatch(/damaged \(recovery slot\)/);
    const costly = {
      ...good,
      passphrase: { ...good.passphrase, kdf: { logN: 20, r: 32, p: 16 } },
    };
    writeFileSync(file, JSON.stringify(costly));
    const startedAt = Date.now();
    const launcher = await started(d, null);
    expect(launcher.status().message).toMatch(/out of bounds/);
    expect(Date.now() - startedAt).toBeLessThan(2000);
  });
});

describe('the recovery key', () => {
  it('opens the clinic on a new computer from its copied folder, then the keys are sealed there', async () => {
    const oldDir = dir();
    const recoveryKey = await clinicWithPatient(oldDir, testKeychain());
    const newDir = dir();
    const newComputer = testKeychain();
    const fresh = await started(newDir, newComputer);
    expect(fresh.status().state).toBe('open');

    // The folder comes from the folder dialog as a token; a typed path is refused, nothing copied.
    const typed = await call(fresh, 'keys.recover', {
      recoveryKey,
      folder: oldDir,
      passphrase: '',
      confirm: '',
    });
    expect(!typed.ok && typed.error.fields?.folder).toMatch(/typed path is not accepted/);
    expect(fresh.status().state).toBe('open');

    const typo = `${recoveryKey.slice(0, 6)}${recoveryKey[6] === 'A' ? 'B' : 'A'}${recoveryKey.slice(7)}`;
    const mistyped = await call(fresh, 'keys.recover', {
      recoveryKey: typo,
      folder: chosen('clinic-folder', oldDir),
      passphrase: '',
      confirm: '',
    });
    expect(!mistyped.ok && mistyped.error.fields?.recoveryKey).toMatch(/Group 2/);
    const other = await ok<{ recoveryKey: string }>(fresh, 'keys.recoveryKey');
    const wrong = await call(fresh, 'keys.recover', {
      recoveryKey: other.recoveryKey,
      folder: chosen('clinic-folder', oldDir),
      passphrase: '',
      confirm: '',
    });
    expect(!wrong.ok && wrong.error.fields?.recoveryKey).toMatch(/not this clinic's/);

    const status = await ok<KeysStatus>(fresh, 'keys.recover', {
      recoveryKey: recoveryKey.toLowerCase(),
      folder: chosen('clinic-folder', oldDir),
      passphrase: '',
      confirm: '',
    });
    expect(status).toMatchObject({ state: 'open', recoveryKeyPending: false });
    expect(await patientNames(fresh)).toEqual(['Yılmaz']);
    await fresh.close();
    open.splice(0);

    // Sealed for the new computer now: it opens by itself, and the sheet still works.
    const reopened = await started(newDir, newComputer);
    expect(reopened.status().state).toBe('open');
    expect(await patientNames(reopened)).toEqual(['Yılmaz']);
  });

  it('opens a passphrase clinic whose passphrase is forgotten, with a new passphrase', async () => {
    const d = dir();
    const recoveryKey = await clinicWithPatient(d, null);
    const locked = await started(d, null);
    const noPassphrase = await call(locked, 'keys.recover', {
      recoveryKey,
      folder: null,
      passphrase: '',
      confirm: '',
    });
    expect(!noPassphrase.ok && noPassphrase.error.fields?.passphrase).toMatch(/at least 12/);
    await ok(locked, 'keys.recover', {
      recoveryKey,
      folder: null,
      passphrase: 'the new clinic passphrase',
      confirm: 'the new clinic passphrase',
    });
    expect(await patientNames(locked)).toEqual(['Yılmaz']);
    await locked.close();
    open.splice(0);
    const again = await started(d, null);
    expect((await call(again, 'keys.unlock', { passphrase: PASSPHRASE })).ok).toBe(false);
    await ok(again, 'keys.unlock', { passphrase: 'the new clinic passphrase' });
  });

  it('is refused once a clinic is open and set up here', async () => {
    const oldDir = dir();
    const recoveryKey = await clinicWithPatient(oldDir, testKeychain());
    const here = dir();
    await clinicWithPatient(here, testKeychain());
    const keychain = testKeychain();
    const launcher = await started(oldDir, keychain);
    await ok(launcher, 'keys.recover', { recoveryKey, folder: null, passphrase: '', confirm: '' });
    const again = await call(launcher, 'keys.recover', {
      recoveryKey,
      folder: chosen('clinic-folder', here),
      passphrase: '',
      confirm: '',
    });
    expect(!again.ok && again.error.message).toMatch(/already has an open clinic/);
  });
});

describe('upgrade of an unencrypted clinic', () => {
  it('encrypts it in place under new keys, keeps its audit key and its chain', async () => {
    const d = dir();
    const plain = await createServices({ dataDir: d, trustedOrigin: TEST_ORIGIN });
    const sent = (op: string, input: unknown = {}) => plain.dispatch(TRUSTED, op, input);
    await sent('auth.setup', { clinic: CLINIC, admin: ADMIN });
    await sent('staff.create', {
      username: 'nadia',
      displayName: 'Nadia Benali',
      role: 'practitioner',
      password: 'clinic practitioner pass',
    });
    await sent('auth.signOut');
    await sent('auth.signIn', { username: 'nadia', password: 'clinic practitioner pass' });
    expect((await sent('patients.create', PATIENT)).ok).toBe(true);
    await plain.close();
    expect(isPlainDatabase(db(d))).toBe(true);
    const oldAuditKey = readFileSync(path.join(d, 'audit.key'), 'utf8');

    const launcher = await started(d, testKeychain());
    expect(launcher.status()).toMatchObject({ state: 'open', recoveryKeyPending: true });
    expect(isPlainDatabase(db(d))).toBe(false);
    expect(existsSync(path.join(d, 'audit.key'))).toBe(false);
    expect(launcher.services?.state.auditKey.toString('hex')).toBe(oldAuditKey.trim());
    expect(readFileSync(db(d)).includes(Buffer.from('Yılmaz'))).toBe(false);
    expect(await patientNames(launcher)).toEqual(['Yılmaz']);
    await ok(launcher, 'auth.signOut');
    await ok(launcher, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(await ok(launcher, 'audit.verify')).toMatchObject({ ok: true });
  });
});
