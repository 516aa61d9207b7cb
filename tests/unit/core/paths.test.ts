import { mkdirSync, readdirSync, symlinkSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BackupError,
  createBackup,
  type BackupResult,
} from '../../../electron/services/backup/archive';
import { restoreBackup } from '../../../electron/services/backup/restore';
import { ChunkWriter, newHeader } from '../../../electron/services/backup/archive/encrypted-file';
import { writeEnd, writeFileHeader } from '../../../electron/services/backup/archive/archive';
import {
  generate,
  startDocumentsClinic,
  type DocumentsClinic,
} from '../documents/archive-fixtures';
import { importFiles, patientWith } from '../photos/records-fixtures';
import { fileToken } from '../../support/helpers';
import { FAST_KDF, PASSPHRASE, tempDir } from '../backup/backup-fixtures';

let clinic: DocumentsClinic;
let outside: string;
let backup: BackupResult;
const dirs: string[] = [];

const long = 'a'.repeat(300);
const reserved = ['CON', 'NUL', 'COM1', 'LPT1', 'con.pdf', 'NUL.pdf', 'COM1.png'];

/** Every entry under a folder, relative to it; links are listed, not followed. */
function tree(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    out.push(rel);
    if (entry.isDirectory()) out.push(...tree(path.join(dir, entry.name), rel));
  }
  return out.sort();
}

async function refused(promise: Promise<unknown>): Promise<BackupError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

beforeAll(async () => {
  clinic = await startDocumentsClinic();
  outside = tempDir('outside');
  dirs.push(outside);
  writeFileSync(path.join(outside, 'secret.txt'), 'not for the record');
  const folder = tempDir('path-backups');
  dirs.push(folder);
  backup = await createBackup({
    sqlite: clinic.app.services.state.store.sqlite,
    snapshot: (file) => clinic.app.services.state.store.snapshotTo(file),
    dataDir: clinic.app.dataDir,
    folder,
    passphrase: PASSPHRASE,
    keep: 2,
    now: new Date(),
    kdf: FAST_KDF,
  });
}, 60_000);

afterAll(async () => {
  await clinic.app.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('backup output folder', () => {
  it('refuses relative, NUL, missing, file, data-folder and linked-to-data paths, writing nothing', async () => {
    const { dataDir } = clinic.app;
    const link = path.join(outside, 'link-to-data');
    symlinkSync(dataDir, link);
    const candidates = [
      '../backups',
      'backups',
      `${outside}/a\0b`,
      path.join(outside, 'missing'),
      path.join(outside, 'secret.txt'),
      dataDir,
      path.join(dataDir, 'photos'),
      `${dataDir}/../${path.basename(dataDir)}`,
      link,
      path.join(outside, long),
      ...reserved,
    ];
    const before = tree(outside);
    const dataBefore = tree(dataDir);
    for (const folder of candidates) {
      const error = await refused(
        createBackup({
          sqlite: clinic.app.services.state.store.sqlite,
          snapshot: (file) => clinic.app.services.state.store.snapshotTo(file),
          dataDir,
          folder,
          passphrase: PASSPHRASE,
          keep: 1,
          now: new Date(),
          kdf: FAST_KDF,
        }),
      );
      expect(error.reason, folder).toBe('invalid-path');
    }
    expect(tree(outside)).toEqual(before);
    expect(tree(dataDir)).toEqual(dataBefore);
  });
});

describe('restore target', () => {
  it('refuses relative, NUL, linked and reserved-name targets without writing', async () => {
    const parent = tempDir('restore-parent');
    dirs.push(parent);
    const emptyElsewhere = tempDir('empty-elsewhere');
    dirs.push(emptyElsewhere);
    symlinkSync(emptyElsewhere, path.join(parent, 'link'));
    for (const target of [
      '../restored',
      'restored',
      `${parent}/x\0y`,
      path.join(parent, 'link'),
      ...reserved,
    ]) {
      await refused(restoreBackup(backup.file, PASSPHRASE, target));
    }
    expect(tree(parent)).toEqual(['link']);
    expect(tree(emptyElsewhere)).toEqual([]);
  });

  it('refuses a backup that names a file outside the record, and writes nothing outside', async () => {
    const evilDir = tempDir('evil');
    dirs.push(evilDir);
    for (const name of [
      '../escape.txt',
      'photos/../../escape.txt',
      '/tmp/escape.txt',
      'photos/ab/..',
      'photos\\..\\x',
      'other/file',
      'photos/a\0b',
      `photos/${long}`,
      'photos/.hidden',
    ]) {
      const file = path.join(evilDir, 'evil.mcbak');
      rmSync(file, { force: true });
      const { header, keys } = await newHeader(PASSPHRASE, FAST_KDF);
      const handle = await open(file, 'wx');
      const writer = new ChunkWriter(handle, header, keys);
      await writer.start();
      await writeFileHeader(writer, name, 5);
      await writer.write(Buffer.from('owned'));
      await writeEnd(writer, {
        format: 1,
        app: 'mesochart',
        createdAt: '',
        schemaVersion: 1,
        files: [],
      });
      await writer.finish();
      await handle.close();
      const parent = tempDir('evil-target');
      dirs.push(parent);
      const error = await refused(restoreBackup(file, PASSPHRASE, path.join(parent, 'data')));
      expect(error.reason, name).toBe('damaged');
      expect(tree(parent), name).toEqual([]);
      expect(existsSync(path.join(path.dirname(parent), 'escape.txt'))).toBe(false);
      expect(existsSync('/tmp/escape.txt')).toBe(false);
    }
  });
});

describe('document copies and photo imports', () => {
  it('never writes a document copy outside the chosen folder or into the data folder', async () => {
    const { app } = clinic;
    const doc = await generate(clinic);
    const target = tempDir('copies');
    dirs.push(target);
    mkdirSync(path.join(target, 'sub'));
    symlinkSync(app.dataDir, path.join(target, 'data-link'));
    const dataBefore = tree(app.dataDir);
    const bad = [
      '../copy.pdf',
      'copy.pdf',
      `${target}/a\0.pdf`,
      `${target}/sub/../../copy.pdf/..`,
      path.join(app.dataDir, 'copy.pdf'),
      path.join(app.dataDir, 'documents', 'copy.pdf'),
      path.join(target, 'data-link', 'copy.pdf'),
      path.join(target, 'missing', 'copy.pdf'),
      path.join(target, `${long}.pdf`),
      path.join(target, 'CON'),
      path.join(target, 'sub'),
    ];
    for (const targetPath of bad) {
      // Typed in place of the save dialog's token: refused by the contract.
      const typed = await app.call('documents.saveCopy', {
        documentId: doc.id,
        target: targetPath,
      });
      expect(typed.ok, targetPath).toBe(false);
      // Chosen in the dialog: a path without .pdf (or not absolute) never becomes a token; one
      // that does is checked again by the service.
      let token: string;
      try {
        token = fileToken(app, 'save-pdf', targetPath);
      } catch {
        const dialogCould =
          targetPath.endsWith('.pdf') && path.isAbsolute(targetPath) && !targetPath.includes('\0');
        expect(dialogCould, targetPath).toBe(false);
        continue;
      }
      const result = await app.call('documents.saveCopy', { documentId: doc.id, target: token });
      expect(result.ok, targetPath).toBe(false);
    }
    expect(tree(app.dataDir)).toEqual(dataBefore);
    expect(tree(target)).toEqual(['data-link', 'sub']);
    const good = await app.call('documents.saveCopy', {
      documentId: doc.id,
      target: fileToken(app, 'save-pdf', path.join(target, 'sub', 'copy.pdf')),
    });
    expect(good.ok).toBe(true);
    expect(tree(target)).toEqual(['data-link', 'sub', 'sub/copy.pdf']);
  });

  it('imports no photo from hostile paths and writes only inside the photo store', async () => {
    const { app } = clinic;
    const patient = await patientWith(app, ['health-data', 'photos-record'], 'Νίκος');
    const fixtures = path.resolve(import.meta.dirname, '../../../../shared/fixtures/photos');
    const linkDir = tempDir('photo-links');
    dirs.push(linkDir);
    symlinkSync(linkDir, path.join(linkDir, 'loop'));
    symlinkSync('/dev/zero', path.join(linkDir, 'zero.jpg'));
    const before = tree(app.dataDir).filter((p) => !p.startsWith('photos'));
    const outsideBefore = tree(outside);
    const job = await importFiles(app, patient.id, [
      '../../etc/passwd',
      `${fixtures}/../../../../etc/passwd`,
      path.join(outside, 'secret.txt'),
      path.join(linkDir, 'loop'),
      path.join(linkDir, 'zero.jpg'),
      path.join(linkDir, `${long}.jpg`),
      ...reserved.map((n) => path.join(linkDir, n)),
    ]);
    expect(job.imported).toEqual([]);
    expect(tree(app.dataDir).filter((p) => !p.startsWith('photos'))).toEqual(before);
    expect(tree(path.join(app.dataDir, 'photos'))).toEqual([]);
    expect(tree(outside)).toEqual(outsideBefore);
    // A NUL byte in a path never becomes a token, and paths in place of a token are refused.
    expect(() => fileToken(app, 'photos', [`${fixtures}/orientation-8.jpg\0.png`])).toThrow();
    const typed = await app.call('photos.startImport', {
      patientId: patient.id,
      files: `${fixtures}/orientation-8.jpg`,
      tags: { phase: 'before', area: 'cheeks', view: 'front', sessionId: null },
    });
    expect(typed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(tree(path.join(app.dataDir, 'photos'))).toEqual([]);
  });
});
