import type { DomainHandlers } from '../core/handler-kit';
import type { remindersOperations } from '../../../shared/api/reminders';
import { AppError } from '../core/errors';
import { forPatient } from '../core/handler-kit';
import { publicSettings, readReminderConfig, updateReminderConfig } from './reminder-settings';
import { listReminders } from './reminder-queue';
import { startReminderJob } from './reminder-sender';
import { queueRecallReminder } from './recall-reminder';
import { handOffSms } from './sms-hand-off';

async function oneReminder(db: Parameters<typeof listReminders>[0], id: string) {
  const [row] = await listReminders(db, { id, limit: 1 });
  if (!row) throw new AppError('NOT_FOUND', { key: 'errors.reminders.notFound' });
  return row;
}

export const remindersHandlers = {
  'reminders.settings': async (ctx) => publicSettings(await readReminderConfig(ctx.db)),

  'reminders.updateSettings': async (ctx, input) => {
    ctx.subject.objectId = 'reminders';
    return updateReminderConfig(ctx.db, input);
  },

  'reminders.log': async (ctx, input) => listReminders(ctx.db, input),

  'reminders.sendNow': async (ctx) => {
    const config = await readReminderConfig(ctx.db);
    if (!config.enabled) {
      throw new AppError('CONFLICT', { key: 'errors.reminders.turnedOff' });
    }
    const job = startReminderJob(ctx.app);
    ctx.subject.objectId = job.id;
    return { jobId: job.id };
  },

  'reminders.retry': async (ctx, input) => {
    const row = await oneReminder(ctx.db, input.id);
    await forPatient(ctx, row.patientId, row.id);
    if (row.status !== 'failed') {
      throw new AppError('CONFLICT', { key: 'errors.reminders.onlyFailedRetried' });
    }
    await ctx.db
      .updateTable('reminder')
      .set({
        status: 'queued',
        attempts: 0,
        next_attempt_at: ctx.now.toISOString(),
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', row.id)
      .execute();
    return oneReminder(ctx.db, row.id);
  },

  'reminders.recall': async (ctx, input) => {
    const id = await queueRecallReminder(ctx.db, input, ctx.now);
    const row = await oneReminder(ctx.db, id);
    await forPatient(ctx, row.patientId, id);
    if (input.channel === 'email' && (await readReminderConfig(ctx.db)).enabled) {
      // Sent by the queue after this call commits, not inside it.
      startReminderJob(ctx.app);
    }
    return row;
  },

  'reminders.exportSms': async (ctx) =>
    handOffSms(ctx.db, await readReminderConfig(ctx.db), ctx.now),
} satisfies DomainHandlers<typeof remindersOperations>;
