import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../../renderer/src/i18n/index';
import { errorText, fieldErrorText } from '../../../renderer/src/lib/error-text';
import type { ApiError } from '../../../shared/api/result';
import { ADMIN, startClinic, type TestApp } from '../../support/helpers';

/** Every `errors.*` key the main process names, read from its source. */
function keysNamedByServices(dir: string): string[] {
  const keys: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) keys.push(...keysNamedByServices(file));
    else if (file.endsWith('.ts')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'(errors\.[A-Za-z]+)'/g))
        keys.push(m[1]!);
    }
  }
  return keys;
}

const catalogue = (language: string) =>
  (
    JSON.parse(
      readFileSync(path.join('renderer', 'src', 'i18n', `${language}-errors.json`), 'utf8'),
    ) as { errors: Record<string, string> }
  ).errors;

describe('refusals in the reader’s language', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startClinic();
  });
  afterAll(async () => {
    await app.close();
    await i18n.changeLanguage('en');
  });

  const refusal = async (operation: string, input: unknown): Promise<ApiError> => {
    const result = await app.call(operation, input);
    if (result.ok) throw new Error(`${operation} was not refused`);
    return result.error;
  };

  it('every key a service names is in the catalogue (plural keys by their forms)', () => {
    const en = catalogue('en');
    const named = [...new Set(keysNamedByServices(path.join('electron', 'services')))];
    expect(named.length).toBeGreaterThan(10);
    const missing = named.filter((key) => {
      const base = key.slice('errors.'.length);
      return !(base in en) && !(`${base}_other` in en);
    });
    expect(missing).toEqual([]);
  });

  it('a wrong password: the code, the English reference and the text in French, Turkish and Arabic', async () => {
    await app.call('auth.signOut', {});
    const error = await refusal('auth.signIn', { username: ADMIN.username, password: 'wrong one' });
    expect(error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'User name or password is not correct',
      key: 'errors.badCredentials',
    });
    const shown: string[] = [];
    for (const language of ['en', 'fr', 'tr', 'ar']) {
      await i18n.changeLanguage(language);
      shown.push(errorText(error));
    }
    expect(shown).toEqual([
      'User name or password is not correct',
      'Identifiant ou mot de passe incorrect',
      'Kullanıcı adı veya parola yanlış',
      'اسم المستخدم أو كلمة المرور غير صحيحة',
    ]);
  });

  it('a count travels as a value and is said with the language’s plural', async () => {
    let error: ApiError | undefined;
    for (let i = 0; i < 12 && error?.code !== 'RATE_LIMITED'; i++) {
      error = await refusal('auth.signIn', { username: ADMIN.username, password: `wrong ${i}` });
    }
    expect(error).toMatchObject({ code: 'RATE_LIMITED', key: 'errors.rateLimited' });
    const count = Number(error!.params?.['count']);
    expect(count).toBeGreaterThan(0);
    await i18n.changeLanguage('fr');
    expect(errorText(error!)).toBe(
      `Trop de tentatives échouées. Attendez ${count} seconde${count > 1 ? 's' : ''} et réessayez.`,
    );
  });

  it('the wrapper’s own refusals and a field’s message carry their keys', async () => {
    await app.call('auth.signIn', { username: 'nobody.here', password: 'x' });
    const signedOut = await refusal('patients.search', { query: 'a' });
    expect(signedOut).toMatchObject({ code: 'UNAUTHENTICATED', key: 'errors.signInFirst' });
    await i18n.changeLanguage('tr');
    expect(errorText(signedOut)).toBe('Önce oturum açın');
    const field: ApiError = {
      code: 'VALIDATION',
      message: 'Choose a language the clinic offers',
      key: 'errors.languageNotOffered',
      fields: { preferredLanguage: 'The clinic does not offer "de"; choose one from the list' },
      fieldKeys: {
        preferredLanguage: { key: 'errors.languageNotOfferedField', params: { language: 'de' } },
      },
    };
    await i18n.changeLanguage('fr');
    expect(fieldErrorText(field, 'preferredLanguage', field.fields!['preferredLanguage']!)).toBe(
      'Le cabinet ne propose pas « de » ; choisissez-en une dans la liste',
    );
    // Without a key, the English reference is shown rather than nothing.
    expect(errorText({ code: 'CONFLICT', message: 'Plain English' })).toBe('Plain English');
  });
});
