/**
 * The diary's benchmark rows, on a clinic of their own (a fresh data folder beside the seeded
 * one): 12 rooms and 12 practitioners, 600 appointments in the current week. Booking a 6-session
 * course through the one wrapper beside six raw INSERTs, and the week view in Chromium from the
 * click on "Week" to the frame showing all 600 appointments.
 */
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import type * as Playwright from '@playwright/test';
import { createServices, type MesochartServices } from '../services/app';
import type { Sender } from '../services/dispatch';
import type { Appointment, CourseProposal } from '../../shared/api/appointments';
import { addDaysToDate, wallClockOf } from '../../shared/appointments/diary-time';
import { chromiumArgs, chromiumPath } from '../../tests/support/chromium';
import { attachHarness } from '../../tests/support/harness';
import { armInputClock, inputToShown } from '../../tests/support/page-clock';
import { APP_TEST_ORIGIN } from '../../tests/support/origin';
import { ratioRow, timePair, type BenchRow } from './bench-stats';

const PLAYWRIGHT = '@playwright/test';
const RESOURCES = 12;
const APPOINTMENTS = 600;
const ADMIN = {
  username: 'diary.admin',
  displayName: 'Diary Admin',
  password: 'diary bench admin',
};

async function ok<T>(services: MesochartServices, sender: Sender, op: string, input: unknown) {
  const result = await services.dispatch(sender, op, input);
  if (!result.ok) throw new Error(`${op} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Monday of the current week on this computer's clock: the diary opens on it. */
function thisMonday(): string {
  const today = wallClockOf(new Date()).slice(0, 10);
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDaysToDate(today, -weekday);
}

interface DiaryClinic {
  services: MesochartServices;
  sender: Sender;
  practitioners: string[];
  patients: string[];
}

/** Rooms, practitioners and 600 bookings through the real operations, none clashing. */
async function diaryClinic(dataDir: string): Promise<DiaryClinic> {
  const sender = { url: `${APP_TEST_ORIGIN}/index.html`, isMainFrame: true };
  const services = await createServices({ dataDir, trustedOrigin: APP_TEST_ORIGIN });
  const call = <T>(op: string, input: unknown) => ok<T>(services, sender, op, input);
  await call('auth.setup', {
    clinic: { name: 'Diary bench', address: '', phone: '', email: '', logo: null },
    admin: ADMIN,
  });
  const practitioners: string[] = [];
  for (let i = 0; i < RESOURCES; i += 1) {
    const staff = await call<{ id: string }>('staff.create', {
      username: `diary.prac${i}`,
      displayName: `Practitioner ${String.fromCharCode(65 + i)}`,
      role: 'practitioner',
      password: `diary practitioner ${i}`,
    });
    practitioners.push(staff.id);
  }
  await call('appointments.updateSettings', {
    rooms: Array.from({ length: RESOURCES }, (_, i) => ({
      id: `room-${i + 1}`,
      name: `Room ${i + 1}`,
    })),
    week: Array(7).fill({ open: '08:00', close: '20:00', breaks: [] }),
  });
  const patients: string[] = [];
  for (let i = 0; i < 60; i += 1) {
    const p = await call<{ id: string }>('patients.create', {
      givenName: `Bench${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
      familyName: 'Diary',
      // A birth year each: similar names born the same day are asked about as duplicates.
      dateOfBirth: `${1940 + i}-03-15`,
      sex: 'female',
      phone: `+33 6 00 00 ${String(i).padStart(2, '0')} 00`,
      email: '',
      address: '',
      preferredLanguage: '',
      emergencyContactName: '',
      emergencyContactPhone: '',
      referralSource: '',
    });
    patients.push(p.id);
  }
  // Practitioner r works in room r; at each hour the 12 rooms hold 12 different patients.
  const monday = thisMonday();
  let made = 0;
  for (let day = 0; day < 7 && made < APPOINTMENTS; day += 1) {
    for (let hour = 8; hour < 18 && made < APPOINTMENTS; hour += 1) {
      for (let r = 0; r < RESOURCES && made < APPOINTMENTS; r += 1) {
        await call('appointments.book', {
          patientId: patients[r + RESOURCES * (hour % 5)],
          practitionerId: practitioners[r],
          roomId: `room-${r + 1}`,
          treatmentTypeId: 'mesotherapy',
          startsAt: `${addDaysToDate(monday, day)}T${String(hour).padStart(2, '0')}:00`,
        });
        made += 1;
      }
    }
  }
  return { services, sender, practitioners, patients };
}

/** Booking the six sessions of a proposed course, beside six raw INSERTs in one transaction. */
async function courseRow(clinic: DiaryClinic, runs: number): Promise<BenchRow> {
  const { services, sender } = clinic;
  const call = <T>(op: string, input: unknown) => ok<T>(services, sender, op, input);
  await call('auth.signOut', {});
  await call('auth.signIn', { username: 'diary.prac0', password: 'diary practitioner 0' });
  const sqlite = services.state.store.sqlite;
  const insert = sqlite.prepare(
    `INSERT INTO appointment (id, patient_id, practitioner_id, room_id, treatment_type,
      course_id, starts_at, ends_at, status, status_reason, notes, created_by, created_at,
      updated_at)
     SELECT ?, patient_id, practitioner_id, room_id, treatment_type, NULL, ?, ?, 'cancelled',
      'bench baseline', notes, created_by, created_at, updated_at FROM appointment LIMIT 1`,
  );
  const raw = sqlite.transaction((base: string) => {
    for (let k = 0; k < 6; k += 1) {
      const day = addDaysToDate(base, k * 14);
      insert.run(randomUUID(), `${day}T07:00`, `${day}T07:45`);
    }
  });
  // Each run books a new course of its own, three years out and after the one before.
  const prepared: {
    courseId: string;
    slots: { startsAt: string; endsAt: string; roomId: string }[];
  }[] = [];
  const total = runs + 20;
  for (let i = 0; i < total; i += 1) {
    const course = await call<{ id: string }>('courses.create', {
      patientId: clinic.patients[i % clinic.patients.length],
      indication: 'skin-ageing',
      indicationNote: '',
      areas: ['cheeks'],
      plannedSessions: 6,
      intervalDays: 14,
      protocol: {
        productIds: [],
        technique: null,
        depthMm: null,
        needleGauge: null,
        needleLengthMm: null,
      },
    });
    const proposal = await call<CourseProposal>('appointments.proposeCourse', {
      courseId: course.id,
      practitionerId: clinic.practitioners[0],
      treatmentTypeId: 'mesotherapy',
      // 85 days apart: the six sessions of one course (70 days) never meet another's proposal.
      firstOn: addDaysToDate(thisMonday(), 3 * 365 + i * 85),
    });
    if (proposal.slots.length !== 6) throw new Error('the bench clinic had no room for a course');
    prepared.push({
      courseId: course.id,
      slots: proposal.slots.map(({ startsAt, endsAt, roomId }) => ({ startsAt, endsAt, roomId })),
    });
  }
  let next = 0;
  const [booking, baseline] = await timePair(
    runs,
    async () => {
      const p = prepared[next++];
      if (!p) throw new Error('no prepared course left');
      const booked = await call<Appointment[]>('appointments.bookCourse', {
        courseId: p.courseId,
        practitionerId: clinic.practitioners[0],
        treatmentTypeId: 'mesotherapy',
        slots: p.slots,
      });
      if (booked.length !== 6) throw new Error('a course was not booked whole');
    },
    (i) => raw(addDaysToDate(thisMonday(), 6 * 365 + i + 30)),
  );
  return ratioRow(
    'book a 6-session course',
    booking,
    baseline,
    { maxP95: 50 },
    'appointments.bookCourse through the wrapper (validation, role, each slot checked against the diary and the ones before it, one transaction, audit) for a proposed course; baseline = six raw INSERTs in one transaction',
  );
}

/**
 * The visits a diary view shows: each as its own event, or as a line of its hour's block in the
 * week view (an hour with more visits than fit side by side, see diary-week.ts).
 */
const SHOWN_VISITS = '.ec-event:not(.diary-hour), .diary-hour .diary-visit';

/** The week view with 600 appointments in 12 rooms: the click on "Week" to the frame showing them. */
async function weekViewRow(clinic: DiaryClinic, rounds: number): Promise<BenchRow> {
  const { chromium } = (await import(PLAYWRIGHT)) as typeof Playwright;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const errors: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    page.on('pageerror', (e) => errors.push(e.message));
    const listTimes: number[] = [];
    await attachHarness(
      page,
      async (sender, operation, input) => {
        const start = performance.now();
        const result = await clinic.services.dispatch(sender, operation, input);
        if (operation === 'appointments.list') listTimes.push(performance.now() - start);
        return result;
      },
      {
        tokens: () => clinic.services.state.fileTokens,
        nextPickedPhotos: [],
        nextSavePath: null,
        opened: [],
      },
    );
    await page.goto(`${APP_TEST_ORIGIN}/#/diary`);
    await page.getByRole('heading', { name: 'Diary' }).waitFor();
    const shown: number[] = [];
    const lists: number[] = [];
    for (let round = 0; round < rounds + 2; round += 1) {
      await page.locator('label', { hasText: /^Day$/ }).click();
      await page.waitForFunction(
        ([shown, count]) => document.querySelectorAll(shown).length < count,
        [SHOWN_VISITS, APPOINTMENTS] as const,
      );
      const before = listTimes.length;
      await armInputClock(page, ['pointerdown']);
      await page.locator('label', { hasText: /^Week$/ }).click();
      await page.waitForFunction(
        ([shown, count]) => {
          const done = document.querySelectorAll(shown).length >= count;
          const w = window as unknown as { __shownAt: number | null };
          if (done) w.__shownAt ??= window.performance.now();
          return done;
        },
        [SHOWN_VISITS, APPOINTMENTS] as const,
        { polling: 'raf' },
      );
      if (round < 2) continue;
      shown.push(await inputToShown(page));
      lists.push(listTimes.slice(before).reduce((a, b) => a + b, 0) || Number.NaN);
    }
    if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
    return ratioRow(
      'diary week, 12 rooms, 600 visits',
      shown,
      lists.some(Number.isNaN) ? shown.map(() => 1) : lists,
      { maxP95: 200 },
      "the click on 'Week' reaching the page to the first frame with all 600 appointments laid out, each as its own event or a line of its hour's block (page clock, Chromium); baseline = the appointments.list calls the switch made (none when the week was still fresh in the cache: then 1 ms)",
    );
  } finally {
    await browser.close();
  }
}

export async function diaryRows(
  dataDir: string,
  runs: number,
  rounds: number,
): Promise<BenchRow[]> {
  const clinic = await diaryClinic(dataDir);
  try {
    const rows = [await courseRow(clinic, runs)];
    // The window signs in as the front desk would see the whole diary: the admin.
    await ok(clinic.services, clinic.sender, 'auth.signOut', {});
    await ok(clinic.services, clinic.sender, 'auth.signIn', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    rows.push(await weekViewRow(clinic, Math.max(rounds * 4, 20)));
    return rows;
  } finally {
    await clinic.services.close();
  }
}
