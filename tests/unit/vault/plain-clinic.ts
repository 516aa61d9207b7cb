import { createServices } from '../../../electron/services/app';
import {
  ADMIN,
  CLINIC,
  CLINIC_PRACTITIONER,
  TEST_ORIGIN,
  TRUSTED,
  type TestApp,
} from '../../support/helpers';
import { importFiles, listPhotos, patientWith } from '../photos/records-fixtures';

/**
 * An unencrypted clinic as an older Mesochart kept it (no data key: a plain database, photos and
 * PDFs named by the SHA-256 of their content, audit.key beside the database), set up and driven
 * through the same operations, its practitioner signed in.
 */
export async function plainClinic(dataDir: string): Promise<TestApp> {
  const services = await createServices({ dataDir, trustedOrigin: TEST_ORIGIN });
  const call = (operation: string, input: unknown = {}) =>
    services.dispatch(TRUSTED, operation, input);
  const app: TestApp = {
    services,
    dataDir,
    databaseKey: Buffer.alloc(0),
    database: null,
    advance: () => undefined,
    call,
    ok: async <T>(operation: string, input: unknown = {}) => {
      const result = await call(operation, input);
      if (!result.ok) throw new Error(`${operation}: ${result.error.message}`);
      return result.value as T;
    },
    close: () => services.close(),
  };
  await app.ok('auth.setup', { clinic: CLINIC, admin: ADMIN });
  await app.ok('staff.create', CLINIC_PRACTITIONER);
  await app.ok('auth.signOut');
  await app.ok('auth.signIn', {
    username: CLINIC_PRACTITIONER.username,
    password: CLINIC_PRACTITIONER.password,
  });
  return app;
}

/**
 * A patient with two photos (orientation-8.jpg, iphone4s-gps.jpg) and the PDF comparing them:
 * six stored photo files and one archived PDF. Run as a practitioner.
 */
export async function patientWithPhotosAndPdf(app: TestApp) {
  const patient = await patientWith(app, ['photos-record', 'photos-other']);
  const job = await importFiles(app, patient.id, ['orientation-8.jpg', 'iphone4s-gps.jpg']);
  if (job.status !== 'finished') throw new Error(`photos not imported: ${JSON.stringify(job)}`);
  const photos = await listPhotos(app, patient.id);
  await app.ok('photos.exportComparisonPdf', {
    patientId: patient.id,
    leftId: photos[0]!.id,
    rightId: photos[1]!.id,
    locale: 'en-GB',
  });
  return { patient, photos };
}
