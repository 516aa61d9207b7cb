import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import i18n from '../../../renderer/src/i18n/index';
import { errorText } from '../../../renderer/src/lib/error-text';
import { keyFieldTexts, keysStatusText } from '../../../renderer/src/features/keys/key-text';
import type { ClinicLauncher } from '../../../electron/services/keys/launcher';
import en from '../../../renderer/src/i18n/en-errors.json';
import fr from '../../../renderer/src/i18n/fr-errors.json';
import tr from '../../../renderer/src/i18n/tr-errors.json';
import ar from '../../../renderer/src/i18n/ar-errors.json';
import type { ApiError } from '../../../shared/api/result';
import { call, freshDir, launch, ok, testKeychain } from './launch';

/**
 * The launcher's refusals (before the clinic is open, nobody signed in) carry their catalogue
 * key, so the start-up screens word them in the language chosen there, not in English only.
 */
const open: ClinicLauncher[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) await l.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
afterAll(() => i18n.changeLanguage('en'));

async function started(mode: 'keychain' | 'passphrase'): Promise<ClinicLauncher> {
  const dir = freshDir();
  dirs.push(dir);
  const launcher = await launch(dir, mode === 'keychain' ? testKeychain() : null);
  open.push(launcher);
  return launcher;
}

async function refused(launcher: ClinicLauncher, operation: string, input: unknown = {}) {
  const result = await call(launcher, operation, input);
  if (result.ok) throw new Error(`${operation} was not refused`);
  return result.error;
}

async function worded(error: ApiError, language: string): Promise<string> {
  await i18n.changeLanguage(language);
  return errorText(error);
}

describe("the launcher's refusals", () => {
  it('are worded in French, Turkish and Arabic, with the English kept as the message', async () => {
    // A new clinic with no keychain: nothing but keys.* answers yet, and it is not locked.
    const fresh = await started('passphrase');
    const first = await refused(fresh, 'auth.state');
    expect(first).toMatchObject({ code: 'LOCKED', key: 'errors.keys.openFirst' });
    expect(first.message).toBe('Open the clinic first (its passphrase or recovery key).');
    expect(await worded(first, 'fr')).toBe(
      'Ouvrez d’abord le cabinet (sa phrase de passe ou sa clé de récupération).',
    );
    const unlock = await refused(fresh, 'keys.unlock', { passphrase: 'anything at all' });
    expect(unlock).toMatchObject({ key: 'errors.keys.notWaitingPassphrase' });
    expect(unlock.message).toBe('The clinic is not waiting for its passphrase.');
    expect(await worded(unlock, 'tr')).toBe('Klinik parolasını beklemiyor.');

    // Open on its keychain: keys are made once, and a server only chosen before set-up.
    const opened = await started('keychain');
    const create = await refused(opened, 'keys.create', {
      passphrase: 'a long clinic passphrase',
      confirm: 'a long clinic passphrase',
    });
    expect(create).toMatchObject({ key: 'errors.keys.alreadyHasKeys' });
    expect(await worded(create, 'ar')).toBe('لهذه العيادة مفاتيحها بالفعل.');
  });

  it("words a wrong passphrase at its field, and a locked clinic's reason, in the chosen language", async () => {
    // A clinic sealed by another computer's keychain, opened on this one: locked, and why.
    const dir = freshDir();
    dirs.push(dir);
    const elsewhere = await launch(dir, testKeychain());
    await elsewhere.close();
    const here = await launch(dir, testKeychain());
    open.push(here);
    const status = here.status();
    expect(status).toMatchObject({
      state: 'locked',
      messageKey: { key: 'errors.keys.keychainRefused' },
    });
    await i18n.changeLanguage('fr');
    expect(keysStatusText(status)).toBe(
      'Le trousseau de cet ordinateur ne peut pas ouvrir les clés du cabinet (elles ont été scellées sur un autre ordinateur ou un autre compte). Ouvrez le cabinet avec sa clé de récupération.',
    );

    // A clinic of this computer's passphrase, started again: the passphrase typed wrong.
    const passphraseDir = freshDir();
    dirs.push(passphraseDir);
    const made = await launch(passphraseDir, null);
    const phrase = 'a long clinic passphrase';
    await ok(made, 'keys.create', { passphrase: phrase, confirm: phrase });
    await made.close();
    const locked = await launch(passphraseDir, null);
    open.push(locked);
    const wrong = await refused(locked, 'keys.unlock', { passphrase: 'not the passphrase' });
    expect(wrong.message).toBe('That is not the clinic passphrase.');
    await i18n.changeLanguage('tr');
    expect(keyFieldTexts(wrong).passphrase).toBe('Bu, kliniğin parolası değil.');
  });

  it('has every launcher text in each language, none left in English', () => {
    const keys = [
      'alreadyHasKeys',
      'notWaitingPassphrase',
      'openingFailed',
      'openFirst',
      'serverSetByAdministrator',
      'wrongKey',
      'notOpen',
      'serverFileDamaged',
      'serverNotOpened',
      'passphraseTooShort',
      'folderHasKeys',
      'keyFileMissing',
      'keyFileMissingEncrypted',
      'opensWithPassphrase',
      'sealedByKeychain',
      'wrongPassphrase',
      'wrongRecoveryKey',
      'notTheseKeys',
      'keyFileDamaged',
      'keychainRefused',
      'noKeychainHere',
      'recoverOpenClinic',
      'folderHoldsClinic',
      'folderNoKeyFile',
      'chooseFolder',
      'recoverPassphraseShort',
    ] as const;
    for (const key of keys) {
      const english = en.errors.keys[key];
      expect(english, key).toBeTruthy();
      for (const other of [fr, tr, ar]) {
        const text = other.errors.keys[key];
        expect(text, key).toBeTruthy();
        expect(text, key).not.toBe(english);
        // The values the English names ({{file}}) are named in each language too.
        for (const value of english.match(/\{\{\w+\}\}/g) ?? []) expect(text).toContain(value);
      }
    }
  });
});
