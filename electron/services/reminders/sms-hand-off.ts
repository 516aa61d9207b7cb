import type { Queryable } from '../store/db';
import { csvCell } from '../core/csv';
import { composeReminder } from './reminder-message';
import { addressFor, consentedChannels, markSkipped, planReminders } from './reminder-queue';
import type { StoredReminderSettings } from './reminder-settings';

/**
 * Mesochart talks to no SMS provider itself: the SMS reminders that are due are handed off as a
 * file the clinic's own tool sends (a provider's CSV upload, a script calling its API). Each row
 * has the reminder's id, so a second export never repeats one: handed-off rows leave the queue.
 */
export async function handOffSms(db: Queryable, config: StoredReminderSettings, now: Date) {
  if (config.enabled) await planReminders(db, config, now);
  const due = await db
    .selectFrom('reminder')
    .selectAll()
    .where('status', '=', 'queued')
    .where('channel', '=', 'sms')
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('next_attempt_at')
    .execute();
  const consents = await consentedChannels(
    db,
    due.map((r) => r.patient_id),
  );
  const items: {
    id: string;
    to: string;
    text: string;
    kind: string;
    appointmentAt: string | null;
  }[] = [];
  for (const row of due) {
    const patient = await db
      .selectFrom('patient')
      .select(['email', 'phone'])
      .where('id', '=', row.patient_id)
      .executeTakeFirstOrThrow();
    const address = addressFor('sms', patient, consents.get(row.patient_id) ?? new Set());
    if ('skip' in address) {
      await markSkipped(db, row.id, address.skip, now);
      continue;
    }
    const message = await composeReminder(db, row, config, now);
    items.push({
      id: row.id,
      to: address.recipient,
      text: message.text,
      kind: row.kind,
      appointmentAt: row.starts_at,
    });
    await db
      .updateTable('reminder')
      .set({ status: 'handed-off', recipient: address.recipient, updated_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
  const header = ['reminder_id', 'phone', 'message', 'kind', 'appointment_at'];
  const csv = [
    header.join(','),
    ...items.map((i) => [i.id, i.to, i.text, i.kind, i.appointmentAt].map(csvCell).join(',')),
  ].join('\r\n');
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return {
    count: items.length,
    fileName: `sms-reminders-${stamp}.csv`,
    csv: `${csv}\r\n`,
    json: JSON.stringify(items, null, 2),
  };
}
