import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';
import type { Reminder } from '../../../shared/api/reminders';
import type { ConsentKind } from '../../../shared/api/patients';
import { addDaysToDate, at, dateOf } from '../../../shared/appointments/diary-time';
import { instantOf, wallClockIn } from '../../../shared/reminders/zoned-time';
import type { StoredReminderSettings } from './reminder-settings';
import { englishText, type Refusal } from '../core/errors';

export type Channel = 'email' | 'sms';
export type Kind = 'confirmation' | 'pre-care' | 'recall';

const consentFor: Record<Channel, ConsentKind> = {
  email: 'reminders-email',
  sms: 'reminders-sms',
};

/** Delays after the 1st, 2nd, ... failed attempt; after the last one the reminder has failed. */
export const BACKOFF_MINUTES = [1, 5, 15, 60, 240] as const;

/** The channels each patient currently consents to (the latest decision per kind counts). */
export async function consentedChannels(
  db: Queryable,
  patientIds: readonly string[],
): Promise<Map<string, Set<Channel>>> {
  const result = new Map<string, Set<Channel>>();
  if (patientIds.length === 0) return result;
  const rows = await db
    .selectFrom('consent_event')
    .select(['patient_id', 'kind', 'decision'])
    .where('patient_id', 'in', [...new Set(patientIds)])
    .where('kind', 'in', Object.values(consentFor))
    .orderBy('seq')
    .execute();
  const latest = new Map<string, string>();
  for (const r of rows) latest.set(`${r.patient_id}|${r.kind}`, r.decision);
  for (const id of patientIds) {
    const set = new Set<Channel>();
    for (const channel of ['email', 'sms'] as const) {
      if (latest.get(`${id}|${consentFor[channel]}`) === 'given') set.add(channel);
    }
    result.set(id, set);
  }
  return result;
}

interface NewReminder {
  patientId: string;
  appointmentId: string | null;
  courseId: string | null;
  kind: Kind;
  channel: Channel;
  startsAt: string | null;
  status: 'queued' | 'skipped';
  dueAt: string;
  recipient: string | null;
  detail: string | null;
}

export async function insertReminder(db: Queryable, r: NewReminder, now: Date): Promise<string> {
  const id = randomUUID();
  const stamp = now.toISOString();
  await db
    .insertInto('reminder')
    .values({
      id,
      patient_id: r.patientId,
      appointment_id: r.appointmentId,
      course_id: r.courseId,
      kind: r.kind,
      channel: r.channel,
      starts_at: r.startsAt,
      status: r.status,
      due_at: r.dueAt,
      next_attempt_at: r.dueAt,
      recipient: r.recipient,
      detail: r.detail,
      created_at: stamp,
      updated_at: stamp,
    })
    .execute();
  return id;
}

/** Where a message on this channel goes, or why it cannot go. */
export function addressFor(
  channel: Channel,
  patient: { email: string; phone: string },
  consented: ReadonlySet<Channel>,
): { recipient: string } | { skip: string; skipText: Refusal } {
  // `skip` is the reminder log's English; `skipText` the same refusal for the screens.
  const skip = (skipText: Refusal) => ({ skip: englishText(skipText), skipText });
  if (!consented.has(channel)) return skip({ key: `errors.reminders.noConsent.${channel}` });
  const recipient = channel === 'email' ? patient.email.trim() : patient.phone.trim();
  if (recipient === '') return skip({ key: `errors.reminders.noAddress.${channel}` });
  return { recipient };
}

/**
 * Queues what booked appointments call for: a confirmation with the calendar invitation now, and
 * a pre-care reminder the day before at the clinic's chosen time, on each channel the patient
 * consented to. Without any consent one skipped row says so in the log. A reminder made for a
 * time the appointment no longer has (moved, cancelled) becomes obsolete instead of being sent.
 * Rows are unique per appointment, kind, channel and time, so planning again adds nothing.
 */
export async function planReminders(
  db: Queryable,
  config: StoredReminderSettings,
  now: Date,
): Promise<void> {
  const wallNow = wallClockIn(config.timeZone, now);
  await db
    .updateTable('reminder')
    .set({ status: 'obsolete', updated_at: now.toISOString() })
    .where('status', '=', 'queued')
    .where('appointment_id', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('appointment')
            .select('appointment.id')
            .whereRef('appointment.id', '=', 'reminder.appointment_id')
            .whereRef('appointment.starts_at', '=', 'reminder.starts_at')
            .where('appointment.status', '=', 'booked'),
        ),
      ),
    )
    .execute();
  const upcoming = await db
    .selectFrom('appointment')
    .innerJoin('patient', 'patient.id', 'appointment.patient_id')
    .select([
      'appointment.id',
      'appointment.patient_id',
      'appointment.starts_at',
      'patient.email',
      'patient.phone',
    ])
    .where('appointment.status', '=', 'booked')
    .where('appointment.starts_at', '>', wallNow)
    .execute();
  if (upcoming.length === 0) return;
  const existing = await db
    .selectFrom('reminder')
    .select(['appointment_id', 'kind', 'starts_at'])
    .where(
      'appointment_id',
      'in',
      upcoming.map((a) => a.id),
    )
    .execute();
  const done = new Set(existing.map((e) => `${e.appointment_id}|${e.kind}|${e.starts_at}`));
  const consents = await consentedChannels(
    db,
    upcoming.map((a) => a.patient_id),
  );
  for (const a of upcoming) {
    const kinds: { kind: Kind; dueAt: string }[] = [];
    if (config.confirmations) kinds.push({ kind: 'confirmation', dueAt: now.toISOString() });
    // Only while the day before has not ended: on the day itself it would come too late.
    if (config.preCare && wallNow < `${dateOf(a.starts_at)}T00:00`) {
      const dayBefore = at(addDaysToDate(dateOf(a.starts_at), -1), config.preCareAt);
      const when = instantOf(dayBefore, config.timeZone);
      kinds.push({ kind: 'pre-care', dueAt: (when < now ? now : when).toISOString() });
    }
    for (const { kind, dueAt } of kinds) {
      if (done.has(`${a.id}|${kind}|${a.starts_at}`)) continue;
      const consented = consents.get(a.patient_id) ?? new Set<Channel>();
      const base = {
        patientId: a.patient_id,
        appointmentId: a.id,
        courseId: null,
        kind,
        startsAt: a.starts_at,
        dueAt,
      };
      if (consented.size === 0) {
        await insertReminder(
          db,
          {
            ...base,
            channel: 'email',
            status: 'skipped',
            recipient: null,
            detail: englishText({ key: 'errors.reminders.noConsent.any' }),
          },
          now,
        );
        continue;
      }
      for (const channel of consented) {
        const address = addressFor(channel, a, consented);
        await insertReminder(
          db,
          'skip' in address
            ? { ...base, channel, status: 'skipped', recipient: null, detail: address.skip }
            : { ...base, channel, status: 'queued', recipient: address.recipient, detail: null },
          now,
        );
      }
    }
  }
}

/** E-mails whose time has come (first send or a retry after backoff). */
export async function dueEmails(db: Queryable, now: Date, limit = 50) {
  return db
    .selectFrom('reminder')
    .selectAll()
    .where('status', '=', 'queued')
    .where('channel', '=', 'email')
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

export async function markSent(db: Queryable, id: string, now: Date): Promise<void> {
  await db
    .updateTable('reminder')
    .set((eb) => ({
      status: 'sent',
      attempts: eb('attempts', '+', 1),
      detail: null,
      updated_at: now.toISOString(),
    }))
    .where('id', '=', id)
    .execute();
}

export async function markSkipped(db: Queryable, id: string, why: string, now: Date) {
  await db
    .updateTable('reminder')
    .set({ status: 'skipped', detail: why, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt: tried again after the backoff, or failed for good after the last one. */
export async function markAttemptFailed(
  db: Queryable,
  row: { id: string; attempts: number },
  error: string,
  now: Date,
): Promise<void> {
  const attempts = row.attempts + 1;
  const delay = BACKOFF_MINUTES[attempts - 1];
  await db
    .updateTable('reminder')
    .set({
      status: delay === undefined ? 'failed' : 'queued',
      attempts,
      detail: error.slice(0, 300),
      next_attempt_at: new Date(now.getTime() + (delay ?? 0) * 60_000).toISOString(),
      updated_at: now.toISOString(),
    })
    .where('id', '=', row.id)
    .execute();
}

export async function listReminders(
  db: Queryable,
  filter: { status?: string | undefined; limit: number; id?: string },
): Promise<Reminder[]> {
  let q = db
    .selectFrom('reminder')
    .innerJoin('patient', 'patient.id', 'reminder.patient_id')
    .selectAll('reminder')
    .select(['patient.given_name', 'patient.family_name', 'patient.clinic_number']);
  if (filter.status) q = q.where('reminder.status', '=', filter.status);
  if (filter.id) q = q.where('reminder.id', '=', filter.id);
  const rows = await q
    .orderBy('reminder.updated_at', 'desc')
    .orderBy('reminder.seq', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    patientName: `${r.given_name} ${r.family_name}`,
    clinicNumber: r.clinic_number,
    appointmentId: r.appointment_id,
    courseId: r.course_id,
    kind: r.kind as Reminder['kind'],
    channel: r.channel as Reminder['channel'],
    startsAt: r.starts_at,
    status: r.status as Reminder['status'],
    dueAt: r.due_at,
    nextAttemptAt: r.next_attempt_at,
    attempts: r.attempts,
    recipient: r.recipient,
    detail: r.detail,
    updatedAt: r.updated_at,
  }));
}
