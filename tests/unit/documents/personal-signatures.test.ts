import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flat, pdfText } from './pdf-tools';
import type {
  ArchivedDocumentInfo,
  ConsentText,
  ConsentValidity,
} from '../../../shared/api/documents';
import {
  generate,
  PHOTO_CHOICE,
  signaturePng,
  startDocumentsClinic,
  type DocumentsClinic,
} from './archive-fixtures';
import { addDaysTo, PRACTITIONER, signInAs, today } from '../sessions/fixtures';

/**
 * Signatures are personal: the consent's practitioner signs only as themselves (signed in, or
 * their own password at another's workstation); a receptionist is recorded as a witness, never
 * as the practitioner. Every refusal is typed and leaves nothing written.
 */
let c: DocumentsClinic;
const RECEPTIONIST = {
  username: 'rana.desk',
  displayName: 'Rana Desk',
  role: 'receptionist',
  password: 'front desk pass phrase',
};
const OTHER_PRACTITIONER = {
  username: 'omar.prac',
  displayName: 'Omar Second',
  role: 'practitioner',
  password: 'second practitioner pass',
};

beforeAll(async () => {
  c = await startDocumentsClinic();
  await signInAs(c.app, 'amira', 'correct horse battery');
  await c.app.ok('staff.create', RECEPTIONIST);
  await c.app.ok('staff.create', OTHER_PRACTITIONER);
  await signInAs(c.app, PRACTITIONER.username, PRACTITIONER.password);
}, 120_000);
afterAll(async () => {
  await c.app.close();
});

/** Every row but the audit log and the sign-in throttle, and the archived files. */
function written(): string {
  const { sqlite } = c.app.services.state.store;
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'audit_%' AND name != 'sign_in_throttle' ORDER BY name",
    )
    .all() as { name: string }[];
  const rows = tables.map(({ name }) => sqlite.prepare(`SELECT * FROM "${name}"`).all());
  return JSON.stringify([rows, filesUnder(path.join(c.app.dataDir, 'documents'))]);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.parentPath.includes('.viewing'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

async function signing(documentId: string, extra: Record<string, unknown> = {}) {
  return {
    documentId,
    patientSignature: await signaturePng(),
    practitionerSignature: await signaturePng('#000000'),
    choices: [PHOTO_CHOICE],
    ...extra,
  };
}

async function printed(doc: { id: string }): Promise<string> {
  const { path: file } = await c.app.ok<{ path: string }>('documents.open', { documentId: doc.id });
  return flat(pdfText(file));
}

function signatureRows(documentId: string) {
  return c.app.services.state.store.sqlite
    .prepare(
      'SELECT signer_role, signer_name, signer_staff_id, proven_by, recorded_by FROM consent_signature WHERE document_id = ? ORDER BY seq',
    )
    .all(documentId);
}

describe('a consent signature is the practitioner’s own', () => {
  it('is recorded as given by the signed-in practitioner, with the patient’s initialled choice printed', async () => {
    const doc = await generate(c, { procedureKind: 'hair-loss' });
    const signed = await c.app.ok<ArchivedDocumentInfo>(
      'documents.signConsent',
      await signing(doc.id),
    );
    expect(signed.signers).toEqual([
      { role: 'patient', name: c.patientName, provenBy: null },
      { role: 'practitioner', name: PRACTITIONER.displayName, provenBy: 'signed-in' },
    ]);
    expect(signatureRows(doc.id)).toMatchObject([
      { signer_role: 'patient', signer_staff_id: null },
      { signer_role: 'practitioner', signer_staff_id: c.practitionerId, proven_by: 'signed-in' },
    ]);
    const text = await printed(signed);
    // The patient prefers Türkçe: her form is the Turkish one, its initials line included.
    expect(text).toContain('Paraf: ŞY');
    expect(text).not.toContain('Tanık');
  });

  it('refuses a receptionist signing as the practitioner, then a wrong password, writing nothing', async () => {
    await signInAs(c.app, PRACTITIONER.username, PRACTITIONER.password);
    const doc = await generate(c, { procedureKind: 'pigmentation' });
    await signInAs(c.app, RECEPTIONIST.username, RECEPTIONIST.password);
    const before = written();
    const unproven = await c.app.call('documents.signConsent', await signing(doc.id));
    expect(unproven).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_THE_SIGNER',
        message: /Only Inès Moreau can give this signature/,
        fields: { practitionerPassword: /Only Inès Moreau/ },
      },
    });
    const wrong = await c.app.call(
      'documents.signConsent',
      await signing(doc.id, { practitionerPassword: RECEPTIONIST.password }),
    );
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', fields: { practitionerPassword: /not Inès Moreau/ } },
    });
    expect(written()).toBe(before);
    expect(
      (await c.app.ok<ArchivedDocumentInfo>('documents.get', { documentId: doc.id })).status,
    ).toBe('generated');
  });

  it('takes the practitioner’s own password at the front desk, and records the receptionist as witness', async () => {
    await signInAs(c.app, PRACTITIONER.username, PRACTITIONER.password);
    const doc = await generate(c, { procedureKind: 'prp' });
    await signInAs(c.app, RECEPTIONIST.username, RECEPTIONIST.password);
    const signed = await c.app.ok<ArchivedDocumentInfo>(
      'documents.signConsent',
      await signing(doc.id, {
        practitionerPassword: PRACTITIONER.password,
        witnessSignature: await signaturePng('#333333'),
      }),
    );
    expect(signed).toMatchObject({ status: 'signed', signatureCheck: 'valid' });
    expect(signed.signers).toEqual([
      { role: 'patient', name: c.patientName, provenBy: null },
      { role: 'practitioner', name: PRACTITIONER.displayName, provenBy: 'password' },
      { role: 'witness', name: RECEPTIONIST.displayName, provenBy: 'signed-in' },
    ]);
    const text = await printed(signed);
    expect(text).toMatch(/Uygulayan hekim .*Tanık \(Resepsiyon görevlisi\)/);
    expect(text).toContain(`Ad soyad: ${RECEPTIONIST.displayName}`);
    expect(text).toContain(`Ad soyad: ${PRACTITIONER.displayName}`);
  });

  it('refuses another practitioner signing without the password, and the practitioner witnessing their own signature', async () => {
    await signInAs(c.app, PRACTITIONER.username, PRACTITIONER.password);
    const doc = await generate(c, { procedureKind: 'cellulite-body-contouring' });
    const before = written();
    const selfWitness = await c.app.call(
      'documents.signConsent',
      await signing(doc.id, { witnessSignature: await signaturePng('#333333') }),
    );
    expect(selfWitness).toMatchObject({
      ok: false,
      error: { code: 'NOT_THE_SIGNER', fields: { witnessSignature: /cannot also/ } },
    });
    await signInAs(c.app, OTHER_PRACTITIONER.username, OTHER_PRACTITIONER.password);
    expect(await c.app.call('documents.signConsent', await signing(doc.id))).toMatchObject({
      ok: false,
      error: { code: 'NOT_THE_SIGNER' },
    });
    expect(written()).toBe(before);
  });

  it('asks for the patient’s answer to each separate choice, writing nothing without it', async () => {
    await signInAs(c.app, PRACTITIONER.username, PRACTITIONER.password);
    const doc = await generate(c, { procedureKind: 'localised-fat-reduction' });
    const before = written();
    const missing = await c.app.call(
      'documents.signConsent',
      await signing(doc.id, { choices: [] }),
    );
    expect(missing).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { 'choices.photographs-other-use': /Fotoğrafların başka amaçlarla kullanımı/ },
      },
    });
    const invented = await c.app.call(
      'documents.signConsent',
      await signing(doc.id, { choices: [PHOTO_CHOICE, { ...PHOTO_CHOICE, sectionId: 'costs' }] }),
    );
    expect(invented).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'choices.costs': /no such choice/ } },
    });
    expect(written()).toBe(before);
  });
});

describe('a consent signed after its treatment date', () => {
  it('is flagged before signing, in the record, in the validity and on the PDF', async () => {
    await signInAs(c.app, PRACTITIONER.username, PRACTITIONER.password);
    const yesterday = addDaysTo(today(c.app), -1);
    const doc = await generate(c, { procedureKind: 'skin-rejuvenation', treatmentDate: yesterday });
    const text = await c.app.ok<ConsentText>('documents.consentText', { documentId: doc.id });
    expect(text).toMatchObject({
      treatmentDate: yesterday,
      lateIfSignedToday: true,
      practitionerName: PRACTITIONER.displayName,
    });
    // The text the dialog shows is the printed text, with the patient's details filled in.
    const declaration = text.sections.find((s) => s.id === 'declaration');
    expect(declaration?.body).toContain(`Ben, ${c.patientName}, bu formu okuyup`);
    expect(text.sections.filter((s) => s.choice).map((s) => s.id)).toEqual([
      'photographs-other-use',
    ]);
    const signed = await c.app.ok<ArchivedDocumentInfo>(
      'documents.signConsent',
      await signing(doc.id),
    );
    expect(signed).toMatchObject({ treatmentDate: yesterday, signedAfterTreatment: true });
    const validity = await c.app.ok<ConsentValidity[]>('documents.consentValidity', {
      patientId: c.patientId,
    });
    expect(validity.find((v) => v.procedureKind === 'skin-rejuvenation')).toMatchObject({
      state: 'valid',
      signedAfterTreatment: true,
    });
    expect(await printed(signed)).toContain('Tedavi tarihinden sonra imzalanmıştır');
  });

  it('is not flagged when signed on the treatment day', async () => {
    const doc = await generate(c, {
      procedureKind: 'skin-rejuvenation',
      treatmentDate: today(c.app),
    });
    const text = await c.app.ok<ConsentText>('documents.consentText', { documentId: doc.id });
    expect(text.lateIfSignedToday).toBe(false);
    const signed = await c.app.ok<ArchivedDocumentInfo>(
      'documents.signConsent',
      await signing(doc.id),
    );
    expect(signed.signedAfterTreatment).toBe(false);
    expect(await printed(signed)).not.toContain('Tedavi tarihinden sonra imzalanmıştır');
  });
});
