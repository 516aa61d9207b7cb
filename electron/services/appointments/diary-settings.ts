import type { z } from 'zod';
import type { Queryable } from '../store/db';
import { settingSlot } from '../store/settings';
import { AppError } from '../core/errors';
import {
  appointmentSettingsSchema,
  type AppointmentSettings,
  type appointmentSettingsUpdateInput,
} from '../../../shared/api/appointments';

const lunch = [{ start: '13:00', end: '14:00' }];
const weekday = { open: '09:00', close: '18:00', breaks: lunch };

/** A working start: one room, the usual visit lengths, weekdays with a lunch break, Saturday morning. */
export const appointmentSettingsDefaults: AppointmentSettings = {
  rooms: [{ id: 'room-1', name: 'Room 1' }],
  treatmentTypes: [
    { id: 'mesotherapy', name: 'Mesotherapy session', durationMinutes: 45 },
    { id: 'consultation', name: 'Consultation', durationMinutes: 30 },
    { id: 'follow-up', name: 'Follow-up', durationMinutes: 15 },
  ],
  week: [
    weekday,
    weekday,
    weekday,
    weekday,
    weekday,
    { open: '09:00', close: '13:00', breaks: [] },
    null,
  ],
};

const slot = settingSlot(
  'appointments',
  appointmentSettingsSchema,
  appointmentSettingsDefaults,
  (defaults, stored) =>
    typeof stored === 'object' && stored !== null ? { ...defaults, ...stored } : stored,
);

export const readDiarySettings = slot.read;

export async function updateDiarySettings(
  db: Queryable,
  input: z.output<typeof appointmentSettingsUpdateInput>,
): Promise<AppointmentSettings> {
  const current = await slot.read(db);
  const next = { ...current, ...input };
  // A room or treatment type that booked appointments name stays: the diary would lose them.
  for (const [key, column] of [
    ['rooms', 'room_id'],
    ['treatmentTypes', 'treatment_type'],
  ] as const) {
    const kept = new Set(next[key].map((r) => r.id));
    const used = await db
      .selectFrom('appointment')
      .select(column)
      .distinct()
      .where('status', 'not in', ['cancelled', 'no-show', 'done'])
      .execute();
    const missing = used.map((u) => u[column]).find((id) => !kept.has(id));
    if (missing !== undefined) {
      const text = { key: 'errors.appointments.stillBooked', params: { name: missing } } as const;
      throw new AppError('CONFLICT', text, { fields: { [key]: text } });
    }
  }
  return slot.write(db, next);
}
