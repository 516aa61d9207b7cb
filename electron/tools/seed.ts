/**
 * Fills a data directory with synthetic patients for demos and for trying the UI at volume:
 *   npm run seed -- --dir <data dir> [--patients N] [--seed S]
 *   npm run seed -- --dir <data dir> --size S|L   (clinic scale: sessions, photos, a heavy patient)
 *   ... --unencrypted   (a new folder as versions before encryption kept it, for upgrade tests)
 * With MESOCHART_DATABASE_URL (and MESOCHART_DATABASE_OWNER_URL to migrate) the patients go to
 * the clinic server; the folder holds the clinic's keys.
 * A directory without a clinic is set up first with an admin account printed at the end.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openToolServices, serverFromEnv } from './tool-keys';
import { createServices } from '../services/app';
import { createPatient } from '../services/patients/patients';
import { findDuplicates } from '../services/patients/search';
import { submitHistory } from '../services/history/medical-history';
import { findStaffByUsername } from '../services/staff/staff';
import {
  emptyHistoryAnswers,
  conditionKeys,
  allergyTicks,
  fitzpatrickTypes,
  glogauClasses,
  smokingHabits,
  alcoholHabits,
  type HistoryAnswers,
} from '../../shared/api/history';
import { consentKinds, localToday, sexes, type PatientDetails } from '../../shared/api/patients';
import { allergiesOther, medicines, peoples, referrals, treatments } from './seed-data';
import { HEAVY, seedVolume, volumeSizes, type SizeName } from './seed-volume';

const ORIGIN = 'mesochart://seed';
const ADMIN = { username: 'admin', displayName: 'Demo Admin', password: 'mesochart demo admin' };

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    patients: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    size: { type: 'string' },
    unencrypted: { type: 'boolean', default: false },
  },
});
if (!values.dir) {
  console.error('usage: npm run seed -- --dir <data dir> [--patients N | --size S|L] [--seed S]');
  process.exit(2);
}
if (values.size !== undefined && values.size !== 'S' && values.size !== 'L') {
  console.error('--size must be S or L');
  process.exit(2);
}
const size = values.size === undefined ? null : volumeSizes[values.size as SizeName];
const count = size ? size.patients : Number(values.patients);
if (!Number.isInteger(count) || count < 0 || count > 200_000) {
  console.error('--patients must be a whole number up to 200000');
  process.exit(2);
}
const random = rng(Number(values.seed) || 1);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const chance = (p: number) => random() < p;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
const pastDate = (maxDaysAgo: number) => {
  const d = new Date(Date.now() - Math.floor(random() * maxDaysAgo) * 86_400_000);
  return localToday(d);
};

function person(): PatientDetails {
  const people = pick(peoples);
  const givenName = pick(people.given);
  const familyName = pick(people.family);
  const year = 1945 + Math.floor(random() * 62);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const phone = `${people.phone.replace(/#/g, () => digits(1))} ${digits(3)} ${digits(2)} ${digits(2)}`;
  const ascii = `${givenName}.${familyName}`
    .normalize('NFKD')
    .replace(/[^A-Za-z.]/g, '')
    .toLowerCase();
  return {
    givenName,
    familyName,
    dateOfBirth: `${year}-${month}-${day}`,
    sex: chance(0.85) ? 'female' : pick(sexes),
    phone,
    email: chance(0.8) && ascii.length > 3 ? `${ascii}${digits(2)}@example.com` : '',
    address: chance(0.7) ? `${1 + Math.floor(random() * 120)} ${pick(people.family)} Street` : '',
    preferredLanguage: people.language,
    emergencyContactName: chance(0.5) ? `${pick(people.given)} ${familyName}` : '',
    emergencyContactPhone: '',
    referralSource: pick(referrals),
  };
}

function history(): HistoryAnswers {
  const a = emptyHistoryAnswers();
  for (const key of conditionKeys)
    a.conditions[key] = chance(key === 'pregnancy' ? 0.02 : 0.05) ? 'yes' : 'no';
  for (const tick of allergyTicks) a.allergies.ticks[tick] = chance(0.03) ? 'yes' : 'no';
  a.allergies.other = pick(allergiesOther);
  const lines = Math.floor(random() * 4);
  for (let i = 0; i < lines; i += 1)
    a.medicines.push({ text: pick(medicines), lastDose: chance(0.6) ? pastDate(30) : '' });
  if (chance(0.4)) a.treatments.push({ ...pick(treatments), date: pastDate(1500) });
  if (chance(0.1)) a.surgery = { recent: 'yes', date: pastDate(200), details: 'Rhinoplasty' };
  if (chance(0.03)) a.isotretinoin = { taken: 'yes', lastDate: pastDate(400) };
  a.fitzpatrick = pick(fitzpatrickTypes);
  a.glogau = chance(0.8) ? pick(glogauClasses) : null;
  a.smoking = pick(smokingHabits);
  a.alcohol = pick(alcoholHabits);
  return a;
}

const dataDir = path.resolve(values.dir);
if (size && serverFromEnv().databaseUrl) {
  // The volume rows are written straight into the SQLite file in large transactions.
  console.error(
    'A clinic-scale seed (--size) is made in a data folder; move it to the server afterwards ' +
      'with `npm run admin -- move-to-server --data <folder>`. --patients N seeds a server.',
  );
  process.exit(2);
}
// The clinic's keys: a new folder gets keys wrapped by a clinic passphrase (asked for, or
// MESOCHART_CLINIC_PASSPHRASE), an existing one is opened with its passphrase or recovery key.
const services = values.unencrypted
  ? await createServices({ dataDir, trustedOrigin: ORIGIN })
  : await openToolServices(dataDir, ORIGIN, { create: true });
const sender = { url: `${ORIGIN}/index.html`, isMainFrame: true };
let createdAdmin = false;
if (!(await findStaffByUsername(services.state.store.db, ADMIN.username))) {
  const setup = await services.dispatch(sender, 'auth.setup', {
    clinic: { name: 'Demo Clinic', address: '', phone: '', email: '', logo: null },
    admin: ADMIN,
  });
  createdAdmin = setup.ok;
}
const admin = await findStaffByUsername(services.state.store.db, ADMIN.username);
if (!admin) {
  console.error('This data directory has no "admin" account to record the patients under.');
  process.exit(1);
}

const started = Date.now();
const patientIds: string[] = [];
const BATCH = 500;
for (let done = 0; done < count; done += BATCH) {
  // One transaction per batch: one disk sync per 500 patients instead of one per patient.
  await services.state.store.db.transaction().execute(async (db) => {
    for (let i = done; i < Math.min(count, done + BATCH); i += 1) {
      const now = new Date();
      const details = person();
      const duplicates = await findDuplicates(db, details);
      const consents = consentKinds.filter(() => chance(0.7));
      const patient = await createPatient(
        db,
        { ...details, consents, notDuplicateOf: duplicates.map((d) => d.id) },
        admin.id,
        now,
      );
      patientIds.push(patient.id);
      if (chance(0.9))
        await submitHistory(
          db,
          { patientId: patient.id, answers: history(), takenBy: 'staff' },
          admin.id,
          now,
        );
    }
  });
  process.stdout.write(`\r${Math.min(count, done + BATCH)} / ${count} patients`);
}
if (size) {
  const heavy = await services.state.store.db.transaction().execute(async (db) => {
    const now = new Date();
    const patient = await createPatient(
      db,
      { ...person(), consents: [...consentKinds], notDuplicateOf: [] },
      admin.id,
      now,
    );
    await submitHistory(
      db,
      { patientId: patient.id, answers: history(), takenBy: 'staff' },
      admin.id,
      now,
    );
    return patient;
  });
  console.log('');
  await seedVolume(
    services,
    admin.id,
    patientIds,
    heavy.id,
    { sessions: size.sessions, photos: size.photos, heavy: HEAVY },
    random,
    (line) => process.stdout.write(`\r${line}`.padEnd(40)),
  );
}
await services.close();
console.log(
  `\nSeeded ${count} patients into ${dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
);
if (createdAdmin)
  console.log(`Sign in as "${ADMIN.username}" with the password "${ADMIN.password}".`);
