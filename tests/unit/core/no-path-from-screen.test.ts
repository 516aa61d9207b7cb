import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { operationNames, operations } from '../../../shared/api/contract';
import { ADMIN, fileToken, snapshot, type TestApp } from '../../support/helpers';
import {
  generate,
  startDocumentsClinic,
  type DocumentsClinic,
} from '../documents/archive-fixtures';
import { importFiles, patientWith, TAGS } from '../photos/records-fixtures';
import { PRACTITIONER, signInAs } from '../sessions/fixtures';

/**
 * "No path from the screen": every file the main process reads or writes for the user comes from
 * its own dialog, as a one-time token the renderer can only hand back. Here: the contract takes
 * no path anywhere, each operation refuses a path typed in place of its token (nothing written),
 * and a token is spent once, for the kind of dialog that made it.
 */

/** The operations that take a file token, and the fields that carry one. */
const TOKEN_FIELDS: Record<string, string[]> = {
  'audit.exportPdf': ['target'],
  'backup.updateSettings': ['folder'],
  'backup.restore': ['file', 'folder'],
  'chart.exportRecord': ['folder'],
  'documents.saveCopy': ['target'],
  'keys.recover': ['folder'],
  'keys.saveRecoverySheet': ['target'],
  'photos.startImport': ['files'],
  'photos.saveComparisonImage': ['target'],
};

const FILE_LIKE = /path|file|folder|dir|target|destination/i;
const PATHS = ['/tmp/mesochart-x.pdf', '/home/clinic/backups', 'C:\\Users\\x.pdf', '../../x.png'];

let c: DocumentsClinic;
let outside: string;
beforeAll(async () => {
  c = await startDocumentsClinic();
  outside = mkdtempSync(path.join(os.tmpdir(), 'mesochart-no-path-'));
}, 120_000);
afterAll(async () => {
  await c.app.close();
  rmSync(outside, { recursive: true, force: true });
});

/** Every row but the audit log's, which records the refusals themselves. */
function records(app: TestApp): string {
  const tables = JSON.parse(snapshot(app)) as [string, unknown[]][];
  return JSON.stringify(tables.filter(([name]) => !name.startsWith('audit_')));
}

describe('the contract', () => {
  it('takes no file path in any operation: only tokens, in the fields decided for them', () => {
    const found: Record<string, string[]> = {};
    for (const name of operationNames) {
      const input = operations[name].input as unknown;
      if (!(input instanceof z.ZodObject)) continue;
      const shape = input.shape as Record<string, z.ZodType>;
      for (const [key, schema] of Object.entries(shape)) {
        if (!FILE_LIKE.test(key)) continue;
        // Whatever the field's name, a path is never a value it accepts.
        for (const p of PATHS)
          expect(schema.safeParse(p).success, `${name}.${key} ${p}`).toBe(false);
        (found[name] ??= []).push(key);
      }
    }
    expect(found).toEqual(TOKEN_FIELDS);
  });
});

describe('a path typed in place of a token', () => {
  it('is refused by every operation that writes or reads a file, next to its field, with nothing written', async () => {
    const doc = await generate(c);
    const patient = await patientWith(
      c.app,
      ['health-data', 'photos-record', 'photos-other'],
      'Νίκος',
    );
    const job = await importFiles(c.app, patient.id, ['orientation-8.jpg', 'iphone4s-gps.jpg']);
    const [left, right] = job.imported.map((p) => p.photoId);
    const backupFile = path.join(outside, 'clinic.mcbak');
    writeFileSync(backupFile, 'not a backup');
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    await c.app.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    const before = records(c.app);
    const calls: [string, Record<string, unknown>, string][] = [
      ['documents.saveCopy', { documentId: doc.id, target: path.join(outside, 'c.pdf') }, 'target'],
      ['audit.exportPdf', { target: path.join(outside, 'audit.pdf') }, 'target'],
      [
        'chart.exportRecord',
        { patientId: patient.id, folder: outside, purpose: 'subject-access' },
        'folder',
      ],
      [
        'photos.saveComparisonImage',
        { patientId: patient.id, leftId: left, rightId: right, pngDataUrl: png, target: outside },
        'target',
      ],
      [
        'backup.updateSettings',
        { folder: outside, time: '13:00', keep: 3, passphrase: '', passphraseConfirm: '' },
        'folder',
      ],
      [
        'backup.restore',
        { file: backupFile, folder: path.join(outside, 'r'), passphrase: 'x' },
        'file',
      ],
    ];
    const answered: string[] = [];
    for (const [operation, input, field] of calls) {
      const result = await c.app.call(operation, input);
      answered.push(
        `${operation}: ${result.ok ? 'OK' : `${result.error.code} ${result.error.fields?.[field] ?? '-'}`}`,
      );
    }
    expect(answered).toEqual(
      calls.map(
        ([operation]) =>
          expect.stringMatching(
            new RegExp(`^${operation}: VALIDATION Choose .* a typed path is not accepted$`),
          ) as unknown as string,
      ),
    );
    await signInAs(c.app, PRACTITIONER.username, PRACTITIONER.password);
    const photos = await c.app.call('photos.startImport', {
      patientId: patient.id,
      files: path.join(outside, 'x.jpg'),
      tags: TAGS,
    });
    expect(photos.ok ? null : photos.error.fields?.files).toMatch(/typed path is not accepted/);
    expect(records(c.app)).toBe(before);
    expect(readdirSync(outside)).toEqual(['clinic.mcbak']);
  });
});

describe('a token', () => {
  it('is spent once: the same choice cannot write a second time', async () => {
    await signInAs(c.app, PRACTITIONER.username, PRACTITIONER.password);
    const doc = await generate(c);
    const target = path.join(outside, 'once.pdf');
    const token = fileToken(c.app, 'save-pdf', target);
    await c.app.ok('documents.saveCopy', { documentId: doc.id, target: token });
    rmSync(target);
    const again = await c.app.call('documents.saveCopy', { documentId: doc.id, target: token });
    expect(again.ok ? null : again.error.fields?.target).toMatch(/already used; choose the file/);
    expect(readdirSync(outside)).not.toContain('once.pdf');
  });

  it('is bound to its kind: an open-dialog or image choice does not save a PDF, and is spent by trying', async () => {
    const doc = await generate(c);
    const target = path.join(outside, 'kind.pdf');
    const backupChoice = path.join(outside, 'kind.mcbak');
    for (const [kind, file] of [
      ['backup-file', backupChoice],
      ['export-folder', outside],
      ['photos', target],
    ] as const) {
      const token = fileToken(c.app, kind, file);
      const wrong = await c.app.call('documents.saveCopy', { documentId: doc.id, target: token });
      expect(wrong.ok ? null : wrong.error.fields?.target, kind).toMatch(/for something else/);
      const retried = await c.app.call('photos.startImport', {
        patientId: c.patientId,
        files: token,
        tags: TAGS,
      });
      expect(retried.ok ? null : retried.error.fields?.files, kind).toMatch(/already used/);
    }
    expect(readdirSync(outside).filter((f) => f.startsWith('kind'))).toEqual([]);
  });

  it('is bound to its file name ending: a save dialog choice is a .pdf or a .png, a backup a .mcbak', () => {
    expect(() => fileToken(c.app, 'save-pdf', path.join(outside, 'x.sh'))).toThrow(/\.pdf/);
    expect(() => fileToken(c.app, 'save-png', path.join(outside, 'x.pdf'))).toThrow(/\.png/);
    expect(() => fileToken(c.app, 'backup-file', path.join(outside, 'x.sqlite'))).toThrow(
      /\.mcbak/,
    );
    expect(() => fileToken(c.app, 'save-pdf', 'relative.pdf')).toThrow();
  });
});
