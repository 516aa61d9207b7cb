import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type MesochartServices } from '../../../electron/services/app';
import type { Photo } from '../../../shared/api/photos';
import { CLINIC_PRACTITIONER, startClinic, TEST_ORIGIN, TRUSTED } from '../../support/helpers';
import { patientWithPhotosAndPdf } from './plain-clinic';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** Every file under the folder but the database's own, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('mesochart.sqlite'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

function plant(dataDir: string, relative: string, content: string): string {
  const file = path.join(dataDir, ...relative.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return relative;
}

async function call<T>(services: MesochartServices, operation: string, input: unknown = {}) {
  const result = await services.dispatch(TRUSTED, operation, input);
  if (!result.ok) throw new Error(`${operation}: ${result.error.message}`);
  return result.value as T;
}

describe('temp files a crash left in the stores', { timeout: 120_000 }, () => {
  it('are removed at start-up; the stored photos and PDFs, and files not named as temps, stay', async () => {
    const app = await startClinic({ as: 'practitioner' });
    const { dataDir, databaseKey } = app;
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const { patient } = await patientWithPhotosAndPdf(app);
    await app.services.close();
    const stored = filesUnder(dataDir).filter((f) => /^(photos|documents)\//.test(f));
    const pdf = stored.find((f) => f.startsWith('documents/'));
    const original = stored.find((f) => /^photos\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg\.enc$/.test(f));
    expect(pdf).toBeDefined();
    expect(original).toBeDefined();
    const patientFolder = path.posix.dirname(pdf!);
    const shard = path.posix.dirname(original!);

    // What a kill in the middle of a write leaves: the temp name of each store's atomic write
    // (a plain vault's is a readable PDF or photo), and an archive temp of the older writer.
    const hex16 = '0123456789abcdef';
    const temps = [
      plant(dataDir, `${patientFolder}/.tmp-${hex16}-${'a'.repeat(64)}.pdf.enc`, 'MCEF partial'),
      plant(dataDir, `${patientFolder}/.tmp-${hex16}-${'b'.repeat(64)}.pdf`, '%PDF-1.7 Şebnem'),
      plant(dataDir, `${patientFolder}/.${'c'.repeat(64)}.pdf.0123456789ab.tmp`, '%PDF-1.7 half'),
      plant(dataDir, `${shard}/.tmp-${hex16}-${'d'.repeat(64)}.preview.jpg.enc`, 'MCEF partial'),
      plant(dataDir, `server-cache/photos/ab/.tmp-${hex16}-${'e'.repeat(64)}.thumb.jpg.enc`, 'x'),
      plant(dataDir, `server-cache/documents/p1/.tmp-${hex16}-${'f'.repeat(64)}.pdf.enc`, 'x'),
    ];
    // Not temps of ours: kept, whatever they are.
    const others = [
      plant(dataDir, `${patientFolder}/scan-notes.tmp`, 'kept'),
      plant(dataDir, `${patientFolder}/.tmp-notes`, 'kept'),
      plant(dataDir, `server-cache/photos/ab/${'e'.repeat(64)}.thumb.jpg.enc`, 'kept'),
    ];
    const before = filesUnder(dataDir);
    for (const temp of temps) expect(before).toContain(temp);

    const services = await createServices({ dataDir, databaseKey, trustedOrigin: TEST_ORIGIN });
    cleanup.push(() => services.close());
    const after = filesUnder(dataDir);
    for (const temp of temps) expect(existsSync(path.join(dataDir, temp)), temp).toBe(false);
    expect(after).toEqual(before.filter((f) => !temps.includes(f)));
    for (const file of [...stored, ...others]) expect(after).toContain(file);

    // The stored files still open and match their records.
    await call(services, 'auth.signIn', {
      username: CLINIC_PRACTITIONER.username,
      password: CLINIC_PRACTITIONER.password,
    });
    const documents = await call<{ fileCheck: string }[]>(services, 'documents.list', {
      patientId: patient.id,
    });
    expect(documents.map((d) => d.fileCheck)).toEqual(['ok']);
    for (const photo of await call<Photo[]>(services, 'photos.list', { patientId: patient.id })) {
      const image = await call<{ dataUrl: string }>(services, 'photos.image', {
        id: photo.id,
        size: 'preview',
      });
      expect(image.dataUrl.startsWith('data:image/jpeg;base64,/9j/')).toBe(true);
    }
  });
});
