import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, mimeParts, headerText, type SmtpSink } from '../../support/smtp-sink';
import { register } from '../patients/fixtures';
import {
  ADMIN_LOGIN,
  MONDAY,
  RECEPTIONIST,
  bookFor,
  jumpTo,
  runQueue,
  signIn,
  startReminderClinic,
  type ReminderClinic,
} from './fixtures';

let sink: SmtpSink;
let d: ReminderClinic;
beforeEach(async () => {
  sink = await startSmtpSink();
  d = await startReminderClinic(sink.port);
}, 60_000);
afterEach(async () => {
  await d.app.close();
  await sink.close();
});

const textPart = (raw: string) =>
  mimeParts(raw).parts.find((p) => (p.headers['content-type'] ?? '').startsWith('text/plain'))
    ?.body ?? '';
const subject = (raw: string) => headerText(mimeParts(raw).headers.subject ?? '');
/** Isolates keep a phone number whole inside Arabic; they are not read, so compare without them. */
const withoutIsolates = (s: string) => s.replace(/[\u2066-\u2069]/g, '');

async function patient(preferredLanguage: string, givenName: string, email: string) {
  return (
    await register(d.app, {
      givenName,
      familyName: 'Test',
      dateOfBirth: '1990-05-06',
      email,
      phone: '+90 532 000 11 22',
      preferredLanguage,
      consents: ['reminders-email'],
    })
  ).id;
}

/** The confirmation, then the day-before reminder, for one patient booked on Monday 10:00. */
async function mailsFor(patientId: string): Promise<[string, string]> {
  await signIn(d.app, ADMIN_LOGIN);
  const screening = await d.app.ok<Record<string, unknown>>('screening.settings');
  await d.app.ok('screening.updateSettings', {
    ...screening,
    alcoholHoursBefore: 48,
    holdDays: { aspirin: 7, nsaid: 7, supplement: 14 },
  });
  await signIn(d.app, RECEPTIONIST);
  await bookFor(d, patientId, { startsAt: `${MONDAY}T10:00` });
  await runQueue(d);
  await sink.waitFor(1);
  await jumpTo(d, '2031-03-02T10:00');
  await runQueue(d);
  const mails = await sink.waitFor(2);
  return [mails[0]?.raw ?? '', mails[1]?.raw ?? ''];
}

describe('reminders in the patient’s language', () => {
  it('writes to a patient who prefers Türkçe in Turkish', async () => {
    const [confirmation, preCare] = await mailsFor(await patient('tr', 'Elif', 'elif@example.com'));
    expect(subject(confirmation)).toBe(
      'Clinique Lumière randevunuz: 3 Mart 2031 Pazartesi, saat 10:00',
    );
    expect(textPart(confirmation)).toContain('Sayın Elif Test');
    expect(subject(preCare)).toBe('Yarın Clinique Lumière: tedavinize nasıl hazırlanmalısınız');
    const text = textPart(preCare);
    expect(text).toContain('Randevunuzdan önceki 48 saat boyunca alkol almayın.');
    expect(text).toContain('tedavinizden önceki 14 gün boyunca kullanmayın');
    expect(text).toContain('parasetamol kullanabilirsiniz');
    // Never tells the patient to stop a prescribed medicine: the opposite, in her language.
    expect(text).toContain(
      'Doktorunuzun reçete ettiği hiçbir ilacı, kan sulandırıcı olsa bile, bırakmayın',
    );
  });

  it('writes to a patient who prefers Arabic in Arabic, its counts agreeing with their numbers', async () => {
    const [confirmation, preCare] = await mailsFor(
      await patient('ar', 'ليلى', 'laila@example.com'),
    );
    expect(subject(confirmation)).toContain('موعدك في Clinique Lumière');
    expect(withoutIsolates(textPart(confirmation))).toContain('+33');
    const text = withoutIsolates(textPart(preCare));
    expect(text).toContain('تجنب الكحول لمدة 48 ساعة قبل موعدك.');
    expect(text).toContain('فتجنبها لمدة 7 أيام قبل العلاج');
    expect(text).toContain('لمدة 14 يومًا قبل العلاج');
    expect(text).toContain('لا توقف أي دواء وصفه لك طبيبك');
  });

  it('writes to a patient who prefers Français in French', async () => {
    const [confirmation, preCare] = await mailsFor(await patient('fr', 'Inès', 'ines@example.com'));
    expect(subject(confirmation)).toBe(
      'Votre rendez-vous chez Clinique Lumière le lundi 3 mars 2031 à 10:00',
    );
    expect(textPart(preCare)).toContain('N’arrêtez aucun médicament prescrit par votre médecin');
  });
});
