import type { Appointment } from '../../../shared/api/appointments';
import type { Reminder } from '../../../shared/api/reminders';
import { instantOf } from '../../../shared/reminders/zoned-time';
import { register } from '../patients/fixtures';
import { MONDAY, RECEPTIONIST, booked, startDiary, type Diary } from '../appointments/fixtures';
import type { TestApp } from '../../support/helpers';

export { MONDAY, RECEPTIONIST, booked };
export const ZONE = 'Europe/Paris';
export const SMTP_LOGIN = { user: 'clinic', pass: 'smtp secret' };

export interface ReminderClinic extends Diary {
  /** Consents to reminders by e-mail and by SMS. */
  chloe: string;
}

export async function signIn(app: TestApp, who: { username: string; password: string }) {
  await app.ok('auth.signOut');
  await app.ok('auth.signIn', { username: who.username, password: who.password });
}

export const ADMIN_LOGIN = { username: 'amira', password: 'correct horse battery' };

/** The diary clinic with its mail server set (admin), then the front desk signed in. */
export async function startReminderClinic(smtpPort: number): Promise<ReminderClinic> {
  const d = await startDiary();
  await d.app.ok('reminders.updateSettings', {
    smtp: {
      host: '127.0.0.1',
      port: smtpPort,
      security: 'none',
      user: SMTP_LOGIN.user,
      password: SMTP_LOGIN.pass,
      fromAddress: 'rendez-vous@lumiere.example',
      fromName: 'Clinique Lumière',
    },
    enabled: true,
    timeZone: ZONE,
  });
  await signIn(d.app, RECEPTIONIST);
  const chloe = (
    await register(d.app, {
      givenName: 'Chloé',
      familyName: 'Dubois',
      email: 'chloe@example.com',
      phone: '+33 6 12 34 56 78',
      // No preference: the clinic's English wording, which the tests read.
      preferredLanguage: '',
      consents: ['reminders-email', 'reminders-sms'],
    })
  ).id;
  return { ...d, chloe };
}

/** Moves the services' clock to an instant (the front desk signs in again: idle lock). */
export async function jumpTo(d: Diary, wall: string) {
  const target = instantOf(wall, ZONE).getTime();
  const now = d.app.services.state.clock().getTime();
  d.app.advance(target - now);
  await signIn(d.app, RECEPTIONIST);
}

/** One pass of the queue, as the minute timer runs it. */
export async function runQueue(d: Diary) {
  await d.app.ok('reminders.sendNow');
  await d.app.services.state.jobs.settle();
}

export const log = (d: Diary) => d.app.ok<Reminder[]>('reminders.log', {});

export async function bookFor(d: Diary, patientId: string, extra: Record<string, unknown> = {}) {
  const a: Appointment = await booked(d, { patientId, ...extra });
  return a;
}
