import { z } from 'zod';
import type { Queryable } from '../store/db';
import { settingSlot } from '../store/settings';
import {
  reminderSettingsSchema,
  type ReminderSettings,
  type reminderSettingsUpdateInput,
} from '../../../shared/api/reminders';
import { AppError } from '../core/errors';

/** What is stored: the settings the screen sees, with the password instead of `passwordSet`. */
const storedSchema = reminderSettingsSchema.extend({
  smtp: reminderSettingsSchema.shape.smtp.omit({ passwordSet: true }).extend({
    password: z.string(),
  }),
});
export type StoredReminderSettings = z.infer<typeof storedSchema>;

/** The computer's own zone is the clinic's until an admin says otherwise. */
const systemZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const defaults = (): StoredReminderSettings => ({
  smtp: {
    host: '',
    port: 587,
    security: 'starttls',
    user: '',
    password: '',
    fromAddress: '',
    fromName: '',
  },
  enabled: false,
  timeZone: systemZone(),
  preCareAt: '10:00',
  confirmations: true,
  preCare: true,
});

const slot = settingSlot('reminders', storedSchema, defaults(), (d, stored) =>
  typeof stored === 'object' && stored !== null ? { ...d, ...stored } : stored,
);

export const readReminderConfig = slot.read;

/** The settings as the screen may see them: whether a password is stored, never the password. */
export function publicSettings(stored: StoredReminderSettings): ReminderSettings {
  const { password, ...smtp } = stored.smtp;
  return { ...stored, smtp: { ...smtp, passwordSet: password !== '' } };
}

export async function updateReminderConfig(
  db: Queryable,
  input: z.output<typeof reminderSettingsUpdateInput>,
): Promise<ReminderSettings> {
  const current = await slot.read(db);
  const { smtp, ...options } = input;
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const next: StoredReminderSettings = { ...current, ...defined };
  if (smtp) {
    const { password, ...rest } = smtp;
    next.smtp = { ...rest, password: password ?? current.smtp.password };
  }
  if (next.enabled && (next.smtp.host === '' || next.smtp.fromAddress === '')) {
    const text = { key: 'errors.reminders.mailServerFirst' } as const;
    throw new AppError('VALIDATION', text, {
      fields: { 'smtp.host': text, 'smtp.fromAddress': text },
    });
  }
  return publicSettings(await slot.write(db, next));
}
