import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import i18n from '../../../renderer/src/i18n/index';
import { fieldErrorText } from '../../../renderer/src/lib/error-text';
import { wordFieldMessagesInScreensLanguage } from '../../../renderer/src/lib/field-text';
import { setFieldWording } from '../../../shared/api/field-text';
import { patientDetailsSchema } from '../../../shared/api/patients';
import { staffCreateInput } from '../../../shared/api/staff';
import { volumeMlSchema } from '../../../shared/sessions/treatment-terms';
import type { ApiError } from '../../../shared/api/result';
import { startClinic, type TestApp } from '../../support/helpers';

/** A registration a receptionist might send: names left empty or too long, bad contact details. */
const badRegistration = {
  givenName: '',
  familyName: 'x'.repeat(101),
  dateOfBirth: '',
  sex: 'unknown',
  phone: '12',
  email: 'not-an-address',
  address: '',
  preferredLanguage: '',
  emergencyContactName: '',
  emergencyContactPhone: '',
  referralSource: '',
};

/** The first message of each field, as a form shows it. */
function messages(result: { success: boolean; error?: z.ZodError }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) out[issue.path.join('.')] ??= issue.message;
  return out;
}

afterAll(() => i18n.changeLanguage('en'));

describe('the services: English field messages with their catalogue keys', () => {
  let app: TestApp;
  beforeAll(async () => {
    // As in the main process: nothing words the messages but English.
    setFieldWording(null);
    app = await startClinic();
  });
  afterAll(async () => {
    await app.close();
    wordFieldMessagesInScreensLanguage();
  });

  const refusal = async (operation: string, input: unknown): Promise<ApiError> => {
    const result = await app.call(operation, input);
    if (result.ok) throw new Error(`${operation} was not refused`);
    return result.error;
  };

  it('a refused registration keeps its English messages and names each one by its key', async () => {
    const error = await refusal('patients.create', badRegistration);
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual({
      givenName: 'Given name is required',
      familyName: 'Family name must be at most 100 characters',
      dateOfBirth: 'Date of birth is required',
      sex: 'Choose one',
      phone: 'Enter a valid phone number',
      email: 'Enter a valid email address',
    });
    expect(error.fieldKeys).toEqual({
      givenName: {
        key: 'validation.text.required',
        params: { label: 'validation.labels.givenName' },
      },
      familyName: {
        key: 'validation.text.tooLong',
        params: { label: 'validation.labels.familyName', max: 100 },
      },
      dateOfBirth: { key: 'validation.patients.dateOfBirthRequired' },
      sex: { key: 'validation.patients.chooseSex' },
      phone: { key: 'validation.contact.phone' },
      email: { key: 'validation.contact.email' },
    });
  });

  it('the screens word the refusal’s field messages in their reader’s language', async () => {
    const error = await refusal('patients.create', badRegistration);
    const worded = async (language: string) => {
      await i18n.changeLanguage(language);
      return Object.fromEntries(
        Object.entries(error.fields!).map(([field, english]) => [
          field,
          fieldErrorText(error, field, english),
        ]),
      );
    };
    // The English catalogue reads exactly as the schemas' English.
    expect(await worded('en')).toEqual(error.fields);
    expect(await worded('fr')).toEqual({
      givenName: 'Prénom : champ obligatoire',
      familyName: 'Nom de famille : 100 caractères au maximum',
      dateOfBirth: 'La date de naissance est obligatoire',
      sex: 'Choisissez une réponse',
      phone: 'Saisissez un numéro de téléphone valide',
      email: 'Saisissez une adresse e-mail valide',
    });
    expect((await worded('tr')).givenName).toBe('Ad: zorunlu alan');
    expect((await worded('ar')).familyName).toBe('اسم العائلة: يجب ألا يتجاوز عدد الأحرف 100');
  });

  it('zod’s own checks get plain words and keys too', async () => {
    const error = await refusal('patients.archive', { id: '', archived: true, reason: '' });
    expect(error.fields?.id).toBe('Required');
    expect(error.fieldKeys?.id).toEqual({ key: 'validation.generic.required' });
    await i18n.changeLanguage('fr');
    expect(fieldErrorText(error, 'id', error.fields!.id!)).toBe('Obligatoire');
  });
});

describe('the forms: the same schemas checked in the screens’ language', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('each check words its messages in the language of that moment', async () => {
    await i18n.changeLanguage('fr');
    const french = messages(patientDetailsSchema.safeParse(badRegistration));
    expect(french).toMatchObject({
      givenName: 'Prénom : champ obligatoire',
      dateOfBirth: 'La date de naissance est obligatoire',
      sex: 'Choisissez une réponse',
    });
    // The same schema, the screens switched to Turkish: the next check speaks Turkish.
    await i18n.changeLanguage('tr');
    expect(messages(patientDetailsSchema.safeParse(badRegistration))).toMatchObject({
      givenName: 'Ad: zorunlu alan',
      familyName: 'Soyadı: en fazla 100 karakter olabilir',
      sex: 'Birini seçin',
    });
    await i18n.changeLanguage('ar');
    expect(messages(patientDetailsSchema.safeParse(badRegistration))).toMatchObject({
      givenName: 'الاسم الأول: حقل مطلوب',
      email: 'أدخل عنوان بريد إلكتروني صالحًا',
    });
  });

  it('numbers in a message are written as the language writes them', async () => {
    await i18n.changeLanguage('fr');
    expect(messages(volumeMlSchema.safeParse(50))['']).toBe('Volume : entre 0,01 et 20 ml');
    await i18n.changeLanguage('ar');
    // Latin digits on Arabic screens, as doses are typed.
    expect(messages(volumeMlSchema.safeParse(50))['']).toBe(
      'الحجم: يجب أن تكون القيمة بين 0.01 و20 ml',
    );
  });

  it('a form’s resolver gives the field messages it shows, in the screens’ language', async () => {
    await i18n.changeLanguage('fr');
    const resolver = zodResolver(staffCreateInput);
    const result = await resolver(
      { username: 'A B', displayName: ' ', role: 'receptionist', password: 'short' },
      undefined,
      { fields: {}, shouldUseNativeValidation: false },
    );
    expect(result.errors.username?.message).toBe(
      'Utilisez des minuscules, des chiffres, le point, le tiret ou le tiret bas',
    );
    expect(result.errors.displayName?.message).toBe('Nom complet : champ obligatoire');
    expect(result.errors.password?.message).toBe('Le mot de passe compte au moins 10 caractères');
  });

  it('zod’s own checks read as plain words, not as type names', async () => {
    const schema = z.object({ count: z.number(), note: z.string().max(5), when: z.iso.date() });
    await i18n.changeLanguage('fr');
    expect(messages(schema.safeParse({ note: 'too long', when: 'soon' }))).toEqual({
      count: 'Obligatoire',
      note: '5 caractères au maximum',
      when: 'Saisissez une date valide',
    });
    await i18n.changeLanguage('en');
    expect(messages(schema.safeParse({ count: 'two', note: '', when: '2026-13-01' }))).toEqual({
      count: 'Enter a number',
      when: 'Enter a valid date',
    });
  });
});
