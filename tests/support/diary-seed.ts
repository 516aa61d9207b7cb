/**
 * The diary's end-to-end clinic: two practitioners, a receptionist, two rooms open every day from
 * 08:00 to 20:00 (so a test runs whatever day it is) and two visits today: Anna with Inès at
 * 09:00 in Room 1, Bruno with Marc at 11:00 in Room 2. Nobody is signed in afterwards.
 */
import { expect, type Page } from '@playwright/test';
import type { MesochartServices } from '../../electron/services/app';
import { ADMIN, call, seedClinic } from './flows';

export const INES = {
  username: 'ines.prac',
  displayName: 'Inès Moreau',
  role: 'practitioner',
  password: 'practitioner pass phrase',
};
export const MARC = { ...INES, username: 'marc.prac', displayName: 'Marc Petit' };
export const RECEPTIONIST = {
  username: 'rita.desk',
  displayName: 'Rita Desk',
  role: 'receptionist',
  password: 'reception pass phrase',
};

/** Today on this computer's clock, as the diary names days (YYYY-MM-DD). */
export function localDay(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A day (YYYY-MM-DD) as English screens show it in a date field (day first: 09/03/2027). */
export function shownDay(day: string): string {
  return day.split('-').reverse().join('/');
}

export function patient(
  givenName: string,
  familyName: string,
  phone: string,
  dateOfBirth: string,
  email = '',
) {
  return {
    givenName,
    familyName,
    dateOfBirth,
    sex: 'female',
    phone,
    email,
    address: '',
    preferredLanguage: 'en',
    emergencyContactName: '',
    emergencyContactPhone: '',
    referralSource: '',
  };
}

export interface DiarySeed {
  anna: string;
  bruno: string;
  ines: string;
  marc: string;
}

export async function seedDiary(services: MesochartServices): Promise<DiarySeed> {
  await seedClinic(services, [INES, MARC, RECEPTIONIST]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const day = { open: '08:00', close: '20:00', breaks: [] };
  await call(services, 'appointments.updateSettings', {
    rooms: [
      { id: 'room-1', name: 'Room 1' },
      { id: 'room-2', name: 'Room 2' },
    ],
    week: Array(7).fill(day),
  });
  const anna = (await call(
    services,
    'patients.create',
    patient('Anna', 'Rossi', '+39 06 1234 5678', '1986-04-12'),
  )) as { id: string };
  const bruno = (await call(
    services,
    'patients.create',
    patient('Bruno', 'Keller', '+41 79 555 12 12', '1975-09-30'),
  )) as { id: string };
  const staff = (await call(services, 'appointments.practitioners')) as {
    id: string;
    displayName: string;
  }[];
  const ines = staff.find((s) => s.displayName === INES.displayName)?.id ?? '';
  const marc = staff.find((s) => s.displayName === MARC.displayName)?.id ?? '';
  const today = localDay();
  const book = (patientId: string, practitionerId: string, roomId: string, time: string) =>
    call(services, 'appointments.book', {
      patientId,
      practitionerId,
      roomId,
      treatmentTypeId: 'mesotherapy',
      startsAt: `${today}T${time}`,
    });
  await book(bruno.id, marc, 'room-2', '11:00');
  await book(anna.id, ines, 'room-1', '09:00');
  await call(services, 'auth.signOut');
  return { anna: anna.id, bruno: bruno.id, ines, marc };
}

/** The view switch is a segmented control: its radios are hidden behind their labels. */
export async function chooseView(page: Page, name: string) {
  await page.locator('label', { hasText: new RegExp(`^${name}$`) }).click();
  await expect(page.getByRole('radio', { name })).toBeChecked();
}

export async function openDiary(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Diary' })
    .click();
  await expect(page.getByRole('heading', { name: 'Diary' })).toBeVisible();
}
