import nodemailer from 'nodemailer';
import type { AppState } from '../core/context';
import type { Job } from '../jobs/registry';
import { readReminderConfig, type StoredReminderSettings } from './reminder-settings';
import { composeReminder } from './reminder-message';
import {
  addressFor,
  consentedChannels,
  dueEmails,
  markAttemptFailed,
  markSent,
  markSkipped,
  planReminders,
} from './reminder-queue';

export const REMINDER_JOB = 'reminders';

export interface ReminderRun {
  id: string;
  sent: number;
  failed: number;
}

function transportFor(config: StoredReminderSettings) {
  const { smtp } = config;
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    ...(smtp.user !== '' ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
}

/** Only the error's kind and the server's words: the message may be retried and shown in the log. */
function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${typeof code === 'string' ? `${code}: ` : ''}${error.message}`;
  }
  return 'Unknown error';
}

/**
 * One pass of the queue: plan what booked appointments call for, then send every e-mail whose
 * time has come, each in its own short transaction so a slow mail server never holds the store.
 * Consent is checked again just before sending: a withdrawal since planning stops the message.
 */
export async function runReminderQueue(app: AppState, run: ReminderRun): Promise<void> {
  const now = app.clock();
  const config = await readReminderConfig(app.store.db);
  if (!config.enabled) return;
  await app.store.transaction((db) => planReminders(db, config, now));
  const due = await app.store.transaction((db) => dueEmails(db, now));
  if (due.length === 0) return;
  const transport = transportFor(config);
  try {
    for (const row of due) {
      const prepared = await app.store.transaction(async (db) => {
        const patient = await db
          .selectFrom('patient')
          .select(['email', 'phone'])
          .where('id', '=', row.patient_id)
          .executeTakeFirstOrThrow();
        const consented = (await consentedChannels(db, [row.patient_id])).get(row.patient_id);
        const address = addressFor('email', patient, consented ?? new Set());
        if ('skip' in address) {
          await markSkipped(db, row.id, address.skip, now);
          return null;
        }
        return { to: address.recipient, message: await composeReminder(db, row, config, now) };
      });
      if (!prepared) continue;
      try {
        await transport.sendMail({
          from: { name: config.smtp.fromName, address: config.smtp.fromAddress },
          to: prepared.to,
          subject: prepared.message.subject,
          text: prepared.message.text,
          attachments: prepared.message.ics
            ? [
                {
                  filename: 'appointment.ics',
                  content: prepared.message.ics,
                  contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
                  contentTransferEncoding: 'base64',
                },
              ]
            : [],
        });
        await app.store.transaction((db) => markSent(db, row.id, app.clock()));
        run.sent += 1;
      } catch (error) {
        await app.store.transaction((db) =>
          markAttemptFailed(db, row, describe(error), app.clock()),
        );
        run.failed += 1;
      }
    }
  } finally {
    transport.close();
    // The log screen refreshes when reminders were sent or failed.
    app.changes.emit({ domains: ['reminders'], patientIds: [] });
  }
}

/** Starts a pass unless one is running; the running one is returned then. */
export function startReminderJob(app: AppState): Job<ReminderRun> {
  const running = app.jobs.list<ReminderRun>(REMINDER_JOB).find((j) => j.finishedAtMs === null);
  if (running) return running;
  app.jobs.prune<ReminderRun>(REMINDER_JOB, (_job, index, finished) => index < finished - 5);
  return app.jobs.start<ReminderRun>(
    REMINDER_JOB,
    (id) => ({ id, sent: 0, failed: 0 }),
    (job) => runReminderQueue(app, job.state),
  );
}

const TICK_MS = 60_000;

/** Runs the queue every minute, as the backup schedule does; returns the function that stops it. */
export function startReminderScheduler(app: AppState): () => void {
  const timer = setInterval(() => {
    try {
      startReminderJob(app);
    } catch {
      // Closing: the registry refuses new jobs.
    }
  }, TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
