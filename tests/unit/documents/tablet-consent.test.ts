import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/api/auth';
import type {
  ArchivedDocumentInfo,
  ConsentText,
  ConsentValidity,
} from '../../../shared/api/documents';
import type { Result } from '../../../shared/api/result';
import { ADMIN, rawDb, snapshot } from '../../support/helpers';
import {
  generate,
  NAMES,
  PHOTO_CHOICE,
  registerAnother,
  signaturePng,
  startDocumentsClinic,
  type DocumentsClinic,
} from './archive-fixtures';
import { insertScreening, PRACTITIONER, signInAs } from '../sessions/fixtures';

/**
 * Issue 16: a consent is signed on the tablet in patient mode, the patient's part only; its
 * practitioner signs their part once staff have the tablet back (their own signature, as ever).
 * Until both are there the consent counts for nothing, and the session gate says why.
 */
let c: DocumentsClinic;
let consent: ArchivedDocumentInfo;
const RECEPTIONIST = {
  username: 'rana.desk',
  displayName: 'Rana Desk',
  role: 'receptionist',
  password: 'front desk pass phrase',
};

beforeEach(async () => {
  c = await startDocumentsClinic();
  consent = await generate(c);
});
afterEach(async () => {
  await c.app.close();
});

const code = (r: Result<unknown>) => (r.ok ? 'OK' : r.error.code);

/** Every row but the audit log's (it records the refusals themselves). */
const written = () =>
  JSON.stringify(
    (JSON.parse(snapshot(c.app)) as [string, unknown[]][]).filter(([t]) => !t.startsWith('audit')),
  );

const handTablet = (consentId = consent.id) =>
  c.app.ok<SessionState>('auth.handTablet', { patientId: c.patientId, consentId });

async function patientSigns(documentId = consent.id) {
  return c.app.call('documents.signConsentAsPatient', {
    documentId,
    patientSignature: await signaturePng(),
    choices: [PHOTO_CHOICE],
  });
}

const validity = async () =>
  (await c.app.ok<ConsentValidity[]>('documents.consentValidity', { patientId: c.patientId })).find(
    (v) => v.procedureKind === 'skin-rejuvenation',
  )!;

const startSession = () =>
  c.app.call('sessions.start', { patientId: c.patientId, courseId: null, plannedProductIds: [] });

describe('a consent signed on the tablet', () => {
  it('lets the patient read and sign their own part in patient mode, nothing more', async () => {
    const other = await registerAnother(c.app, NAMES.greek, 3);
    const otherConsent = await generate(c, { patientId: other.id });
    const state = await handTablet();
    expect(state.patientMode).toMatchObject({
      patientId: c.patientId,
      givenName: NAMES.turkish.givenName,
      consentId: consent.id,
    });
    const text = await c.app.ok<ConsentText>('documents.consentText', { documentId: consent.id });
    expect(text.sections.some((s) => s.choice)).toBe(true);
    const before = written();
    // Another patient's form, and the practitioner's part, are refused on the tablet.
    const refused = [
      await c.app.call('documents.consentText', { documentId: otherConsent.id }),
      await patientSigns(otherConsent.id),
      await c.app.call('documents.signConsent', {
        documentId: consent.id,
        practitionerSignature: await signaturePng('#000000'),
      }),
      await c.app.call('documents.confirmPaperSignature', { documentId: consent.id, note: '' }),
    ];
    expect(refused.map(code)).toEqual([
      'PATIENT_MODE',
      'PATIENT_MODE',
      'PATIENT_MODE',
      'PATIENT_MODE',
    ]);
    expect(written()).toBe(before);

    const signed = await patientSigns();
    expect(code(signed)).toBe('OK');
    const doc = (signed as { value: ArchivedDocumentInfo }).value;
    expect(doc.status).toBe('generated');
    expect(doc.patientSignedAt).not.toBeNull();
    expect(doc.signers).toEqual([]);
    // Once only: a second signature on the same form is refused and writes nothing.
    const again = written();
    expect(code(await patientSigns())).toBe('CONFLICT');
    expect(written()).toBe(again);
  });

  it('refuses a blank pad or a missing choice next to the field, with nothing written', async () => {
    await handTablet();
    const before = written();
    const blank = await c.app.call('documents.signConsentAsPatient', {
      documentId: consent.id,
      patientSignature: `data:image/png;base64,${Buffer.alloc(80).toString('base64')}`,
      choices: [PHOTO_CHOICE],
    });
    expect(blank.ok ? null : blank.error.fields?.patientSignature).toMatch(/not a PNG/);
    const noChoice = await c.app.call('documents.signConsentAsPatient', {
      documentId: consent.id,
      patientSignature: await signaturePng(),
      choices: [],
    });
    expect(noChoice.ok ? null : Object.keys(noChoice.error.fields ?? {})).toEqual([
      `choices.${PHOTO_CHOICE.sectionId}`,
    ]);
    expect(written()).toBe(before);
  });

  it('is not signed until its practitioner signs: the gate says why, then the session starts', async () => {
    insertScreening(c.app, c.patientId, c.practitionerId, [c.vitamins.id]);
    await handTablet();
    expect(code(await patientSigns())).toBe('OK');
    await c.app.ok('auth.resumeStaff', {
      username: PRACTITIONER.username,
      password: PRACTITIONER.password,
    });
    expect(await validity()).toMatchObject({
      state: 'awaiting-practitioner',
      documentId: consent.id,
    });
    const gated = await startSession();
    expect(gated.ok ? null : gated.error.fields?.['gate.consent']).toMatch(
      /signed by the patient only; it counts once its practitioner signs their part/,
    );
    // The patient's part is given: the dialog neither takes a second patient signature nor
    // other choices.
    const before = written();
    const twice = await c.app.call('documents.signConsent', {
      documentId: consent.id,
      patientSignature: await signaturePng(),
      practitionerSignature: await signaturePng('#000000'),
    });
    expect(twice.ok ? null : twice.error.fields?.patientSignature).toMatch(/already signed/);
    // Nor can a paper confirmation stand in for the practitioner's own signature.
    const paper = await c.app.call('documents.confirmPaperSignature', {
      documentId: consent.id,
      note: '',
    });
    expect(paper.ok ? null : paper.error.message).toMatch(/signs their part on screen/);
    expect(written()).toBe(before);

    const done = await c.app.ok<ArchivedDocumentInfo>('documents.signConsent', {
      documentId: consent.id,
      practitionerSignature: await signaturePng('#000000'),
    });
    expect(done.status).toBe('signed');
    expect(done.signatureCheck).toBe('valid');
    expect(done.signers.map((s) => [s.role, s.provenBy])).toEqual([
      ['patient', null],
      ['practitioner', 'signed-in'],
    ]);
    // The patient's signature keeps the moment they gave it; the choices are theirs.
    const rows = rawDb(c.app)
      .prepare(
        'SELECT signer_role, signed_at FROM consent_signature WHERE document_id = ? ORDER BY seq',
      )
      .all(consent.id) as { signer_role: string; signed_at: string }[];
    expect(rows.map((r) => r.signer_role)).toEqual(['patient', 'practitioner']);
    expect(done.patientSignedAt).toBe(rows[0]!.signed_at);
    const stored = rawDb(c.app)
      .prepare('SELECT render_data FROM document WHERE id = ?')
      .get(consent.id) as { render_data: string };
    expect(JSON.parse(stored.render_data).data.choices).toEqual([PHOTO_CHOICE]);
    expect((await validity()).state).toBe('valid');
    expect(code(await startSession())).toBe('OK');
  });

  it('keeps the practitioner’s signature personal when the front desk takes the tablet back', async () => {
    await signInAs(c.app, ADMIN.username, ADMIN.password);
    await c.app.ok('staff.create', RECEPTIONIST);
    await signInAs(c.app, RECEPTIONIST.username, RECEPTIONIST.password);
    await handTablet();
    expect(code(await patientSigns())).toBe('OK');
    await c.app.ok('auth.resumeStaff', {
      username: RECEPTIONIST.username,
      password: RECEPTIONIST.password,
    });
    const before = written();
    const unproven = await c.app.call('documents.signConsent', {
      documentId: consent.id,
      practitionerSignature: await signaturePng('#000000'),
    });
    expect(code(unproven)).toBe('NOT_THE_SIGNER');
    expect(written()).toBe(before);
    const done = await c.app.ok<ArchivedDocumentInfo>('documents.signConsent', {
      documentId: consent.id,
      practitionerSignature: await signaturePng('#000000'),
      practitionerPassword: PRACTITIONER.password,
    });
    expect(done.signers.map((s) => [s.role, s.provenBy])).toEqual([
      ['patient', null],
      ['practitioner', 'password'],
    ]);
  });

  it('hands over only a form of this patient that still waits for the patient', async () => {
    const other = await registerAnother(c.app, NAMES.greek, 3);
    const otherConsent = await generate(c, { patientId: other.id });
    const refused = await c.app.call('auth.handTablet', {
      patientId: c.patientId,
      consentId: otherConsent.id,
    });
    expect(refused.ok ? null : refused.error.fields?.consentId).toMatch(
      /not a consent form of this patient/,
    );
    expect((await c.app.ok<SessionState>('auth.state')).patientMode).toBeNull();
    // Without a patient part, the signing dialog still needs the patient's pad.
    const noPatient = await c.app.call('documents.signConsent', {
      documentId: consent.id,
      practitionerSignature: await signaturePng('#000000'),
    });
    expect(noPatient.ok ? null : noPatient.error.fields?.patientSignature).toBe(
      'The patient signs first',
    );
    await handTablet();
    expect(code(await patientSigns())).toBe('OK');
    await c.app.ok('auth.resumeStaff', {
      username: PRACTITIONER.username,
      password: PRACTITIONER.password,
    });
    const twice = await c.app.call('auth.handTablet', {
      patientId: c.patientId,
      consentId: consent.id,
    });
    expect(twice.ok ? null : twice.error.fields?.consentId).toMatch(/already signed/);
  });
});
