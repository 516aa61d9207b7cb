/**
 * A writer for crash tests: opens a data folder through the real services and records patients,
 * medical histories, consents and photo imports until it is killed. After each committed write
 * it prints one acknowledgement line:
 *   ACK patient <id> | ACK history <patient id> <version> | ACK consent <id> | ACK photo <id> <sha256>
 * Usage: node dist/tools/crash-writer.mjs <data dir> <scratch dir> <seed>
 * With MESOCHART_CRASH_KEYCHAIN (64 hex digits, the same for every run over one folder) the clinic
 * is opened as the desktop app opens it: keys made at the first start and sealed by that stand-in
 * keychain, then opened by it; the database and the files are encrypted. Without it the folder is
 * an unencrypted clinic, as older versions kept it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { createServices, type MesochartServices } from '../services/app';
import { launchClinic } from '../services/keys/launcher';
import { CRASH_KEYCHAIN_ENV, crashKeychain } from './stand-in-keychain';
import { emptyHistoryAnswers } from '../../shared/api/history';
import type { PhotoJob } from '../../shared/api/photos';

const ORIGIN = 'mesochart://crash';
const SENDER = { url: `${ORIGIN}/index.html`, isMainFrame: true };
const ADMIN = { username: 'crash', displayName: 'Crash Writer', password: 'crash writer password' };
/** The admin writes nothing clinical: the writer records as a practitioner the admin creates. */
const PRACTITIONER = {
  username: 'crash.prac',
  displayName: 'Crash Practitioner',
  role: 'practitioner',
  password: 'crash practitioner password',
};

const [dataDir, scratchDir, seedText] = process.argv.slice(2);
if (!dataDir || !scratchDir) {
  console.error('usage: crash-writer <data dir> <scratch dir> [seed]');
  process.exit(2);
}
let state = Number(seedText ?? '1') >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const keychain = crashKeychain(process.env[CRASH_KEYCHAIN_ENV]);
const launcher = keychain
  ? await launchClinic({ dataDir, trustedOrigin: ORIGIN, secretStore: keychain })
  : null;
const opened = launcher
  ? launcher.services
  : await createServices({ dataDir, trustedOrigin: ORIGIN });
if (!opened) {
  console.error(`the clinic did not open: ${launcher?.status().message ?? 'no services'}`);
  process.exit(1);
}
const services: MesochartServices = opened;
async function ok<T>(operation: string, input: unknown = {}): Promise<T> {
  const result = await services.dispatch(SENDER, operation, input);
  if (!result.ok) throw new Error(`${operation}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
const ack = (line: string) => process.stdout.write(`ACK ${line}\n`);

const auth = await ok<{ needsSetup: boolean }>('auth.state');
if (auth.needsSetup) {
  await ok('auth.setup', {
    clinic: { name: 'Crash Clinic', address: '', phone: '', email: '', logo: null },
    admin: ADMIN,
  });
  await ok('staff.create', PRACTITIONER);
  await ok('auth.signOut');
}
await ok('auth.signIn', { username: PRACTITIONER.username, password: PRACTITIONER.password });
const sources: string = scratchDir;
mkdirSync(sources, { recursive: true });
process.stdout.write('READY\n');

/** A distinct photo each time, so each import writes new files to the store. */
async function newPhoto(n: number): Promise<string> {
  const file = path.join(sources, `source-${process.pid}-${n}.jpg`);
  const channel = () => Math.floor(random() * 256);
  await sharp({
    create: {
      width: 400 + Math.floor(random() * 800),
      height: 300 + Math.floor(random() * 600),
      channels: 3,
      background: { r: channel(), g: channel(), b: channel() },
    },
  })
    .jpeg({ quality: 90 })
    .toFile(file);
  return file;
}

function letters(value: number): string {
  let out = '';
  for (let v = value; v > 0; v = Math.floor(v / 26)) out += String.fromCharCode(97 + (v % 26));
  return out || 'a';
}

for (let n = 0; ; n += 1) {
  const suffix = letters(process.pid * 100_000 + n) + letters(Math.floor(random() * 1e9));
  const patient = await ok<{ id: string }>('patients.create', {
    givenName: `Given${suffix}`,
    familyName: `Family${suffix}`,
    dateOfBirth: `19${50 + Math.floor(random() * 49)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
    sex: 'female',
    phone: `+33 6 ${Math.floor(random() * 1e8)}`,
    email: '',
    address: '',
    preferredLanguage: '',
    emergencyContactName: '',
    emergencyContactPhone: '',
    referralSource: '',
  });
  ack(`patient ${patient.id}`);
  const history = await ok<{ version: number }>('history.submit', {
    patientId: patient.id,
    answers: emptyHistoryAnswers(),
    takenBy: 'staff',
  });
  ack(`history ${patient.id} ${history.version}`);
  const consent = await ok<{ id: string }>('consents.record', {
    patientId: patient.id,
    kind: 'photos-record',
    decision: 'given',
    note: '',
  });
  ack(`consent ${consent.id}`);
  const source = await newPhoto(n);
  let job = await ok<PhotoJob>('photos.startImport', {
    patientId: patient.id,
    // As the photo dialog hands it over: a one-time token for the chosen file.
    files: services.state.fileTokens.register('photos', [source]),
    tags: { phase: 'before', area: 'cheeks', view: 'front', sessionId: null },
  });
  while (job.status === 'running') {
    await new Promise((r) => setTimeout(r, 5));
    job = await ok<PhotoJob>('photos.importStatus', { jobId: job.id });
  }
  for (const photo of job.imported) ack(`photo ${photo.photoId}`);
}
