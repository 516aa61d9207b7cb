import { startClinic, type TestApp } from '../../support/helpers';
import { register } from '../patients/fixtures';
import type { Appointment } from '../../../shared/api/appointments';

export const RECEPTIONIST = {
  username: 'lea.desk',
  displayName: 'Léa Martin',
  role: 'receptionist',
  password: 'reception pass phrase',
};

/** A Monday, far enough ahead that no test's "today" reaches it. */
export const MONDAY = '2031-03-03';

export interface Diary {
  app: TestApp;
  ines: string;
  marc: string;
  anna: string;
  bruno: string;
}

/** A clinic with two rooms, two practitioners and two patients; the admin is signed in. */
export async function startDiary(): Promise<Diary> {
  const app = await startClinic();
  const staff = (username: string, displayName: string) =>
    app.ok<{ id: string }>('staff.create', {
      username,
      displayName,
      role: 'practitioner',
      password: 'practitioner pass phrase',
    });
  const ines = (await staff('ines.prac', 'Inès Moreau')).id;
  const marc = (await staff('marc.prac', 'Marc Petit')).id;
  await app.ok('staff.create', RECEPTIONIST);
  await app.ok('appointments.updateSettings', {
    rooms: [
      { id: 'room-1', name: 'Room 1' },
      { id: 'room-2', name: 'Room 2' },
    ],
  });
  const anna = (
    await register(app, { givenName: 'Anna', familyName: 'Rossi', email: 'anna@example.com' })
  ).id;
  const bruno = (
    await register(app, {
      givenName: 'Bruno',
      familyName: 'Keller',
      email: '',
      phone: '+41 79 555 12 12',
      dateOfBirth: '1975-09-30',
    })
  ).id;
  return { app, ines, marc, anna, bruno };
}

export function book(d: Diary, overrides: Record<string, unknown> = {}) {
  return d.app.call('appointments.book', {
    patientId: d.anna,
    practitionerId: d.ines,
    roomId: 'room-1',
    treatmentTypeId: 'mesotherapy',
    startsAt: `${MONDAY}T10:00`,
    ...overrides,
  });
}

export async function booked(d: Diary, overrides: Record<string, unknown> = {}) {
  const result = await book(d, overrides);
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`);
  return result.value as Appointment;
}
