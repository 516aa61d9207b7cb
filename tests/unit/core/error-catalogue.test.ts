import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import i18n from '../../../renderer/src/i18n/index';
import { errorText, fieldErrorText } from '../../../renderer/src/lib/error-text';
import { AppError, englishText } from '../../../electron/services/core/errors';
import { missingForSigning } from '../../../shared/sessions/session-completeness';
import type { SessionDraftFields } from '../../../shared/api/sessions';
import { startClinic } from '../../support/helpers';

const catalogue = (language: string) =>
  JSON.parse(
    readFileSync(path.join('renderer', 'src', 'i18n', `${language}-errors.json`), 'utf8'),
  ) as object;

function flat(tree: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out[prefix + k] = v;
    else Object.assign(out, flat(v as object, `${prefix}${k}.`));
  }
  return out;
}

const englishTexts = flat(catalogue('en'));
const baseKeys = [...new Set(Object.keys(englishTexts).map((k) => k.replace(/_(one|other)$/, '')))];

/** Values for a text's placeholders, as a service would give them. */
function sampleParams(key: string): Record<string, string | number> {
  const text = englishTexts[key] ?? englishTexts[`${key}_other`] ?? '';
  const params: Record<string, string | number> = {};
  for (const [, name] of text.matchAll(/\{\{\s*(\w+)/g)) {
    params[name!] =
      name === 'area' ? 'cheeks' : name === 'from' ? 'booked' : name === 'to' ? 'done' : 3;
  }
  return params;
}

describe('the refusal catalogue', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('a refusal named by its key says the catalogue’s English, with its values', () => {
    const taken = { key: 'errors.staff.usernameTaken' } as const;
    const error = new AppError('CONFLICT', taken, { fields: { username: taken } });
    expect(error.message).toBe('That user name is already taken');
    expect(error.toApiError()).toEqual({
      code: 'CONFLICT',
      message: 'That user name is already taken',
      key: 'errors.staff.usernameTaken',
      fields: { username: 'That user name is already taken' },
      fieldKeys: { username: taken },
    });
    expect(englishText({ key: 'errors.rateLimited', params: { count: 1 } })).toBe(
      'Too many failed attempts. Wait 1 second and try again.',
    );
    expect(englishText({ key: 'errors.appointments.sessionsLeft', params: { count: 2 } })).toBe(
      'This course has 2 sessions left to book',
    );
    expect(englishText({ key: 'errors.audit.tooManyToExport', params: { max: 20000 } })).toBe(
      'More than 20,000 events match: narrow the dates or the filters',
    );
    expect(
      englishText({ key: 'errors.sessions.missing.depth', params: { area: 'periorbital' } }),
    ).toBe('Depth for the periorbital area');
  });

  it('every English text is whole once its values are given', () => {
    expect(baseKeys.length).toBeGreaterThan(250);
    const broken = baseKeys
      .map((key) => [key, englishText({ key, params: sampleParams(key) })] as const)
      .filter(([key, text]) => text === key || /\{\{|\$t\(/.test(text));
    expect(broken).toEqual([]);
  });

  it.each(['fr', 'tr', 'ar'])(
    '%s says every refusal with its values and nested words, never the English',
    async (language) => {
      await i18n.changeLanguage(language);
      const problems = baseKeys.flatMap((key) => {
        const params = sampleParams(key);
        const shown = errorText({ code: 'CONFLICT', message: 'English', key, params });
        if (shown === 'English') return [`${key}: missing`];
        if (/\{\{|\$t\(/.test(shown)) return [`${key}: ${shown}`];
        return [];
      });
      expect(problems).toEqual([]);
    },
  );

  it('what a session lacks is said in the reader’s language, area words included', async () => {
    const draft = {
      areas: [{ area: 'cheeks', depthMm: null }],
      products: [],
      cocktails: [],
      technique: null,
      needleGauge: null,
      needleLengthMm: null,
      anaesthesia: null,
      passes: null,
      points: null,
      immediateReactions: '',
    } as unknown as SessionDraftFields;
    const missing = missingForSigning(draft);
    expect(missing.map((m) => englishText(m.text))).toContain('Depth for the cheeks');
    await i18n.changeLanguage('fr');
    const depth = missing.find((m) => m.field === 'areas.0.depthMm')!;
    expect(i18n.t(depth.text.key, depth.text.params ?? {})).toBe('Profondeur pour les joues');
    await i18n.changeLanguage('ar');
    expect(i18n.t(depth.text.key, depth.text.params ?? {})).toBe('العمق في الخدين');
  });

  it('a refused account: the service’s key and values, shown in French and Arabic', async () => {
    const app = await startClinic();
    try {
      const nurse = {
        username: 'nurse',
        displayName: 'Nurse Ayla',
        role: 'practitioner',
        password: 'practitioner 123',
      };
      await app.ok('staff.create', nurse);
      const again = await app.call('staff.create', { ...nurse, displayName: 'Someone else' });
      if (again.ok) throw new Error('a second "nurse" was accepted');
      expect(again.error).toMatchObject({
        code: 'CONFLICT',
        message: 'That user name is already taken',
        key: 'errors.staff.usernameTaken',
        fieldKeys: { username: { key: 'errors.staff.usernameTaken' } },
      });
      await i18n.changeLanguage('fr');
      expect(errorText(again.error)).toBe('Cet identifiant est déjà pris');
      await i18n.changeLanguage('ar');
      expect(fieldErrorText(again.error, 'username', 'English')).toBe(
        'اسم المستخدم هذا مأخوذ بالفعل',
      );
    } finally {
      await app.close();
    }
  });

  it('an appointment’s statuses are the diary’s own words in each language', async () => {
    const text = {
      code: 'CONFLICT' as const,
      message: 'An appointment that is done cannot become booked',
      key: 'errors.appointments.statusChange',
      params: { from: 'done', to: 'no-show' },
    };
    await i18n.changeLanguage('fr');
    expect(errorText(text)).toBe(
      'Un rendez-vous au statut « Terminé » ne peut pas passer à « Absent »',
    );
    await i18n.changeLanguage('tr');
    expect(errorText(text)).not.toMatch(/done|no-show/);
  });
});
