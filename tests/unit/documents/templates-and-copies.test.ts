import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchivedDocumentInfo, TemplateVersionInfo } from '../../../shared/api/documents';
import type { DocumentTemplate } from '../../../shared/documents/template-schema';
import { ADMIN, fileToken } from '../../support/helpers';
import { PRACTITIONER, signInAs } from '../sessions/fixtures';
import { flat, pdfText } from './pdf-tools';
import {
  archivedPath,
  NAMES,
  registerAnother,
  storedPath,
  generate,
  startDocumentsClinic,
  type DocumentsClinic,
} from './archive-fixtures';

let c: DocumentsClinic;
let outside: string;
beforeAll(async () => {
  c = await startDocumentsClinic();
  outside = mkdtempSync(path.join(os.tmpdir(), 'mesochart-copies-'));
  await signInAs(c.app, ADMIN.username, ADMIN.password);
}, 60_000);
afterAll(async () => {
  await c.app.close();
  rmSync(outside, { recursive: true, force: true });
});

/**
 * The admin keeps the templates but writes nothing clinical: a practitioner generates each
 * consent, and the admin is signed in again afterwards.
 */
async function generateByPractitioner(overrides: Record<string, unknown>) {
  await signInAs(c.app, PRACTITIONER.username, PRACTITIONER.password);
  try {
    return await generate(c, overrides);
  } finally {
    await signInAs(c.app, ADMIN.username, ADMIN.password);
  }
}

// The clinic's patient prefers Türkçe, so her consents come from the Turkish templates.
const key = { kind: 'consent', procedureKind: 'pigmentation', language: 'tr' } as const;

async function latest(): Promise<{ info: TemplateVersionInfo; template: DocumentTemplate }> {
  return c.app.ok('documents.template', key);
}

function editable(template: DocumentTemplate, baseVersion: number) {
  const { version: _version, ...rest } = template;
  return { ...rest, baseVersion };
}

describe('template versions', () => {
  it('lists every default as version 1, in each shipped language', async () => {
    const list = await c.app.ok<TemplateVersionInfo[]>('documents.templates');
    expect(list).toHaveLength(4 * 7);
    expect(new Set(list.map((t) => t.language))).toEqual(new Set(['en', 'fr', 'tr', 'ar']));
    expect(list.every((t) => t.version === 1 && t.savedByName === null)).toBe(true);
  });

  it('refuses a template missing a required section, naming it', async () => {
    const { info, template } = await latest();
    const body = editable(template, info.version);
    body.sections = body.sections.filter((s) => s.id !== 'alternatives' && s.id !== 'costs');
    const result = await c.app.call('documents.saveTemplate', body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      message: 'The template cannot be used; each problem is marked',
      key: 'errors.documents.templateUnusable',
    });
    expect(result.error.fields?.['sections']).toMatch(/alternatives, costs/);
    expect((await latest()).info.version).toBe(1);
  });

  it('refuses an unknown placeholder, naming it next to its section', async () => {
    const { info, template } = await latest();
    const body = editable(template, info.version);
    const i = body.sections.findIndex((s) => s.id === 'costs');
    body.sections[i] = { ...body.sections[i]!, body: 'You pay {{patient.shoeSize}} today.' };
    const result = await c.app.call('documents.saveTemplate', body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.key).toBe('errors.documents.templateUnusable');
    expect(result.error.fields?.[`sections.${i}.body`]).toContain('{{patient.shoeSize}}');
  });

  it('saves each edit as a new version; documents record the version they used', async () => {
    const { info, template } = await latest();
    const body = editable(template, info.version);
    const i = body.sections.findIndex((s) => s.id === 'costs');
    body.sections[i] = {
      ...body.sections[i]!,
      body: 'Each session costs 180 EUR, paid on the day.',
    };
    const saved = await c.app.ok<TemplateVersionInfo>('documents.saveTemplate', body);
    expect(saved).toMatchObject({ version: 2, savedByName: ADMIN.displayName });

    const stale = await c.app.call('documents.saveTemplate', body);
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('CONFLICT');

    const history = await c.app.ok<TemplateVersionInfo[]>('documents.templateHistory', key);
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    const v1 = await c.app.ok<{ template: DocumentTemplate }>('documents.template', {
      ...key,
      version: 1,
    });
    expect(JSON.stringify(v1.template)).not.toContain('180 EUR');

    const doc = await generateByPractitioner({
      procedureKind: 'pigmentation',
      practitionerId: c.practitionerId,
    });
    expect(doc.templateVersion).toBe(2);
    expect(flat(pdfText(archivedPath(c.app, doc)))).toContain('Each session costs 180 EUR');
    const other = await generateByPractitioner({ procedureKind: 'prp' });
    expect(other.templateVersion).toBe(1);
  });

  it('only admins save templates', async () => {
    await signInAs(c.app, PRACTITIONER.username, PRACTITIONER.password);
    const { info, template } = await latest();
    const result = await c.app.call('documents.saveTemplate', editable(template, info.version));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('FORBIDDEN');
    await signInAs(c.app, ADMIN.username, ADMIN.password);
  });

  it("picks the patient's language where a template exists in it", async () => {
    // The patient prefers Türkçe: her consent is the built-in Turkish form.
    const doc = await generateByPractitioner({ procedureKind: 'hair-loss' });
    expect(doc).toMatchObject({
      language: 'tr',
      templateVersion: 1,
      title: 'Tedavi için aydınlatılmış onam: Saç dökülmesi için mezoterapi',
    });
    // A clinic may add a language of its own; a patient who prefers none gets English.
    const { template } = await c.app.ok<{ template: DocumentTemplate }>('documents.template', {
      ...key,
      language: 'en',
      procedureKind: 'hair-loss',
    });
    await c.app.ok('documents.saveTemplate', {
      ...editable(template, 1),
      language: 'de',
      title: 'Einwilligung in die Behandlung',
      baseVersion: null,
    });
    const other = await registerAnother(c.app, NAMES.greek, 4);
    const english = await generateByPractitioner({
      procedureKind: 'hair-loss',
      patientId: other.id,
    });
    expect(english.language).toBe('en');
  });
});

describe('saving a copy', () => {
  it('writes only where the save dialog chose, refusing typed paths and data-folder choices', async () => {
    const doc = await generateByPractitioner({ procedureKind: 'skin-rejuvenation' });
    // Relative and NUL paths never become tokens; typed in place of one, they are refused.
    for (const typed of ['relative/consent.pdf', path.join(outside, 'bad\0name.pdf')]) {
      expect(() => fileToken(c.app, 'save-pdf', typed)).toThrow();
      const result = await c.app.call('documents.saveCopy', { documentId: doc.id, target: typed });
      expect(result.ok ? null : result.error.fields?.['target'], typed).toBeTruthy();
    }
    const refusals = [
      path.join(c.app.dataDir, 'documents', 'copy.pdf'),
      path.join(c.app.dataDir, 'copy.pdf'),
      path.join(outside, 'no-such-folder', 'copy.pdf'),
    ];
    for (const targetPath of refusals) {
      const result = await c.app.call('documents.saveCopy', {
        documentId: doc.id,
        target: fileToken(c.app, 'save-pdf', targetPath),
      });
      expect(result.ok, targetPath).toBe(false);
      if (!result.ok) expect(result.error.fields?.['target']).toBeTruthy();
    }
    const target = path.join(outside, 'Şebnem consent.pdf');
    const copy = await c.app.ok<{ path: string; sha256: string }>('documents.saveCopy', {
      documentId: doc.id,
      target: fileToken(c.app, 'save-pdf', target),
    });
    expect(copy.path).toBe(target);
    // The archive is encrypted; the copy the user chose is the plain PDF, and only it.
    expect(readFileSync(target).equals(readFileSync(archivedPath(c.app, doc)))).toBe(true);
    expect(readFileSync(storedPath(c.app, doc)).subarray(0, 4).toString()).toBe('MCEF');
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');

    // The system viewer gets a plain copy in the documents folder's hidden viewing folder.
    const opened = await c.app.ok<{ path: string }>('documents.open', { documentId: doc.id });
    expect(
      opened.path.startsWith(path.join(c.app.dataDir, 'documents', '.viewing') + path.sep),
    ).toBe(true);
    expect(readFileSync(opened.path).equals(readFileSync(target))).toBe(true);
    const list = await c.app.ok<ArchivedDocumentInfo[]>('documents.list', {
      patientId: c.patientId,
    });
    expect(list.find((d) => d.id === doc.id)?.fileCheck).toBe('ok');
  });
});
