import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, renameSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flat, pdfInfo, pdfText, qpdfCheck } from './pdf-tools';
import { requiredConsentSections } from '../../../shared/documents/template-requirements';
import { getDefaultConsentTemplate } from '../../../electron/services/documents/render/default-templates';
import type { ArchivedDocumentInfo, ConsentValidity } from '../../../shared/api/documents';
import {
  archivedPath,
  storedPath,
  blankPng,
  generate,
  NAMES,
  registerAnother,
  sign,
  signaturePng,
  startDocumentsClinic,
  type DocumentsClinic,
} from './archive-fixtures';

// One clinic for the file (setting one up hashes passwords); each test uses its own procedure
// kind so that superseding in one test cannot change another's outcome.
let c: DocumentsClinic;
beforeAll(async () => {
  c = await startDocumentsClinic();
}, 60_000);
afterAll(async () => {
  await c.app.close();
});

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('a generated consent', () => {
  it('prints the patient name exactly, the products, every element, and passes qpdf', async () => {
    const started = performance.now();
    const doc = await generate(c);
    const ms = performance.now() - started;
    console.info(`consent generated through the operation in ${ms.toFixed(0)} ms`);

    const file = archivedPath(c.app, doc);
    const text = flat(pdfText(file));
    expect(text).toContain(c.patientName);
    expect(text).toContain('NCTF 135 HA');
    expect(text).toContain('Lidocaine cream 5%');
    expect(text).toContain('hyaluronic acid');
    // The patient prefers Türkçe: every element of her form is printed in Turkish.
    const turkish = getDefaultConsentTemplate('skin-rejuvenation', 'tr');
    expect(turkish.sections.map((s) => s.id)).toEqual(
      expect.arrayContaining(requiredConsentSections.map((s) => s.id)),
    );
    for (const section of turkish.sections) expect(text).toContain(section.title);
    expect(requiredConsentSections.length).toBeGreaterThan(10);
    expect(qpdfCheck(file).status).toBe(0);
    expect(pdfInfo(file)['Page size']).toContain('595'); // A4 by default
    expect(pdfInfo(file)['Title']).toBe(doc.title);

    expect(doc).toMatchObject({
      kind: 'consent',
      status: 'generated',
      templateVersion: 1,
      language: 'tr',
      fileCheck: 'ok',
      signatureCheck: 'none',
      products: ['NCTF 135 HA', 'Lidocaine cream 5%'],
    });
    expect(sha256(file)).toBe(doc.sha256);
  });

  it('prints Cyrillic and Greek names exactly', async () => {
    for (const [i, name] of [NAMES.russian, NAMES.greek].entries()) {
      const patient = await registerAnother(c.app, name, i + 1);
      const doc = await generate(c, { patientId: patient.id });
      expect(flat(pdfText(archivedPath(c.app, doc)))).toContain(
        `${name.givenName} ${name.familyName}`,
      );
    }
  });

  it('uses US Letter once the clinic chooses it', async () => {
    await c.app.ok('auth.signOut');
    await c.app.ok('auth.signIn', { username: 'amira', password: 'correct horse battery' });
    await c.app.ok('documents.updateSettings', { pageSize: 'LETTER' });
    // The admin sets the paper; the practitioner, who may write consents, generates one.
    await c.app.ok('auth.signOut');
    await c.app.ok('auth.signIn', { username: 'ines.prac', password: 'practitioner pass phrase' });
    const doc = await generate(c, { procedureKind: 'localised-fat-reduction' });
    expect(pdfInfo(archivedPath(c.app, doc))['Page size']).toContain('612 x 792');
    expect(doc.pageSize).toBe('LETTER');
    await c.app.ok('auth.signOut');
    await c.app.ok('auth.signIn', { username: 'amira', password: 'correct horse battery' });
    await c.app.ok('documents.updateSettings', { pageSize: 'A4' });
    await c.app.ok('auth.signOut');
    await c.app.ok('auth.signIn', { username: 'ines.prac', password: 'practitioner pass phrase' });
  });

  it('refuses an unknown catalogue product by field, writing nothing', async () => {
    const { sqlite } = c.app.services.state.store;
    const count = () => sqlite.prepare('SELECT count(*) AS n FROM document').get() as { n: number };
    const before = count().n;
    const result = await c.app.call('documents.generateConsent', {
      patientId: c.patientId,
      procedureKind: 'prp',
      practitionerId: c.practitionerId,
      productIds: ['no-such-product'],
      otherProducts: [],
      plannedSessions: 3,
      intervalDays: 28,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.['productIds']).toMatch(/not in the catalogue/);
    expect(count().n).toBe(before);
  });
});

describe('the hash check', () => {
  it('flags a changed file and a missing one', async () => {
    const doc = await generate(c, { procedureKind: 'prp' });
    const file = storedPath(c.app, doc);
    appendFileSync(file, '\n% edited');
    const changed = await c.app.ok<ArchivedDocumentInfo>('documents.get', { documentId: doc.id });
    expect(changed.fileCheck).toBe('changed');
    renameSync(file, `${file}.moved`);
    const list = await c.app.ok<ArchivedDocumentInfo[]>('documents.list', {
      patientId: c.patientId,
    });
    expect(list.find((d) => d.id === doc.id)?.fileCheck).toBe('missing');
    const open = await c.app.call('documents.open', { documentId: doc.id });
    expect(open.ok).toBe(false);
  });
});

describe('signing on screen', () => {
  it('archives the signed PDF and binds both signatures to its hash', async () => {
    const doc = await generate(c);
    const started = performance.now();
    const signed = await sign(c, doc.id);
    console.info(
      `consent signed through the operation in ${(performance.now() - started).toFixed(0)} ms`,
    );
    expect(signed).toMatchObject({ status: 'signed', signatureCheck: 'valid', fileCheck: 'ok' });
    expect(signed.sha256).not.toBe(doc.sha256);
    const file = archivedPath(c.app, signed);
    expect(sha256(file)).toBe(signed.sha256);
    expect(qpdfCheck(file).status).toBe(0);
    const rows = c.app.services.state.store.sqlite
      .prepare('SELECT signer_role, document_sha256 FROM consent_signature WHERE document_id = ?')
      .all(doc.id) as { signer_role: string; document_sha256: string }[];
    expect(rows.map((r) => r.signer_role).sort()).toEqual(['patient', 'practitioner']);
    expect(rows.every((r) => r.document_sha256 === signed.sha256)).toBe(true);

    const validity = await c.app.ok<ConsentValidity[]>('documents.consentValidity', {
      patientId: c.patientId,
    });
    expect(validity.find((v) => v.procedureKind === 'skin-rejuvenation')).toMatchObject({
      state: 'valid',
      method: 'screen',
      documentId: doc.id,
    });
    expect(validity.find((v) => v.procedureKind === 'prp')?.state).toBe('none');
  });

  it('invalidates the signatures when the signed file is replaced by a re-render', async () => {
    const doc = await generate(c, { procedureKind: 'hair-loss' });
    const unsignedPath = storedPath(c.app, doc);
    const signed = await sign(c, doc.id);
    const file = storedPath(c.app, signed);
    // Another rendering of the same consent (the unsigned one) put where the signed one was.
    const { copyFileSync } = await import('node:fs');
    copyFileSync(unsignedPath, file);
    const after = await c.app.ok<ArchivedDocumentInfo>('documents.get', { documentId: doc.id });
    expect(after).toMatchObject({ fileCheck: 'changed', signatureCheck: 'invalid' });
    const validity = await c.app.ok<ConsentValidity[]>('documents.consentValidity', {
      patientId: c.patientId,
    });
    expect(validity.find((v) => v.procedureKind === 'hair-loss')?.state).toBe('needs-attention');
  });

  it('refuses to change the hash or path of a signed document in the database', async () => {
    const doc = await generate(c, { procedureKind: 'pigmentation' });
    await sign(c, doc.id);
    const { sqlite } = c.app.services.state.store;
    expect(() =>
      sqlite.prepare('UPDATE document SET sha256 = ? WHERE id = ?').run('0'.repeat(64), doc.id),
    ).toThrow(/never changed/);
    expect(() =>
      sqlite.prepare("UPDATE document SET file_path = 'x.pdf' WHERE id = ?").run(doc.id),
    ).toThrow(/never changed/);
    expect(() => sqlite.prepare('DELETE FROM document WHERE id = ?').run(doc.id)).toThrow(
      /never deleted/,
    );
    expect(() =>
      sqlite
        .prepare('UPDATE consent_signature SET document_sha256 = ? WHERE document_id = ?')
        .run('1'.repeat(64), doc.id),
    ).toThrow(/never changed/);
  });

  it('refuses an empty pad and a second signing', async () => {
    const doc = await generate(c, { procedureKind: 'cellulite-body-contouring' });
    const blank = await c.app.call('documents.signConsent', {
      documentId: doc.id,
      patientSignature: await blankPng(),
      practitionerSignature: await signaturePng(),
    });
    expect(blank.ok).toBe(false);
    if (!blank.ok) expect(blank.error.fields?.['patientSignature']).toMatch(/empty/);
    await sign(c, doc.id);
    const again = await c.app.call('documents.signConsent', {
      documentId: doc.id,
      patientSignature: await signaturePng(),
      practitionerSignature: await signaturePng(),
    });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('CONFLICT');
  });

  it('a newer signed consent supersedes the older; withdrawal ends validity', async () => {
    const first = await generate(c, { procedureKind: 'localised-fat-reduction' });
    await sign(c, first.id);
    const second = await generate(c, { procedureKind: 'localised-fat-reduction' });
    await c.app.ok('documents.confirmPaperSignature', { documentId: second.id, note: '' });
    const list = await c.app.ok<ArchivedDocumentInfo[]>('documents.list', {
      patientId: c.patientId,
    });
    expect(list.find((d) => d.id === first.id)?.status).toBe('superseded');
    const paper = list.find((d) => d.id === second.id);
    expect(paper).toMatchObject({ status: 'signed-on-paper', paperConfirmedByName: 'Inès Moreau' });
    let validity = await c.app.ok<ConsentValidity[]>('documents.consentValidity', {
      patientId: c.patientId,
    });
    expect(validity.find((v) => v.procedureKind === 'localised-fat-reduction')).toMatchObject({
      state: 'valid',
      method: 'paper',
      documentId: second.id,
    });
    await c.app.ok('documents.withdrawConsent', {
      documentId: second.id,
      reason: 'Patient changed her mind',
    });
    validity = await c.app.ok<ConsentValidity[]>('documents.consentValidity', {
      patientId: c.patientId,
    });
    expect(validity.find((v) => v.procedureKind === 'localised-fat-reduction')?.state).toBe('none');
  });
});
