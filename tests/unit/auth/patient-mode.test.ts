import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operationNames } from '../../../shared/api/contract';
import type { SessionState } from '../../../shared/api/auth';
import type { ArchivedDocumentInfo } from '../../../shared/api/documents';
import { patientModeOperations } from '../../../electron/services/auth/patient-mode';
import { ADMIN, snapshot, type TestApp } from '../../support/helpers';
import { answers } from '../patients/fixtures';
import { PRACTITIONER } from '../sessions/fixtures';
import {
  generate,
  NAMES,
  registerAnother,
  startDocumentsClinic,
  type DocumentsClinic,
} from '../documents/archive-fixtures';

/** Every row of every table but the audit log's, which records the refusals themselves. */
function withoutAudit(app: TestApp): string {
  const tables = JSON.parse(snapshot(app)) as [string, unknown[]][];
  return JSON.stringify(tables.filter(([name]) => !name.startsWith('audit_')));
}

function refusals(app: TestApp): { operation: string; patient_id: string | null }[] {
  return app.services.state.store.sqlite
    .prepare(
      `SELECT operation, patient_id FROM audit_event
       WHERE outcome = 'denied' AND error_code = 'PATIENT_MODE' ORDER BY seq`,
    )
    .all() as { operation: string; patient_id: string | null }[];
}

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error!.code);

describe('patient mode (the tablet in the patient’s hands)', () => {
  let c: DocumentsClinic;
  let ownConsent: ArchivedDocumentInfo;
  let otherConsent: ArchivedDocumentInfo;
  let otherPatientId: string;
  beforeEach(async () => {
    c = await startDocumentsClinic();
    const other = await registerAnother(c.app, NAMES.greek, 3);
    otherPatientId = other.id;
    ownConsent = await generate(c);
    otherConsent = await generate(c, { patientId: other.id });
    const state = await c.app.ok<SessionState>('auth.handTablet', { patientId: c.patientId });
    expect(state.locked).toBe(true);
    expect(state.patientMode).toEqual({
      patientId: c.patientId,
      givenName: NAMES.turkish.givenName,
      consentId: null,
      language: 'tr',
    });
  });
  afterEach(async () => {
    await c.app.close();
  });

  it('refuses every operation but the questionnaire’s and the consent signing’s, audits each refusal and writes nothing', async () => {
    const before = withoutAudit(c.app);
    const others = operationNames.filter((name) => !patientModeOperations.includes(name));
    // Sign-in, sign-out, unlock, setup and restore are public, and are refused all the same.
    expect(others).toEqual(expect.arrayContaining(['auth.signIn', 'auth.signOut', 'auth.unlock']));
    const answered: string[] = [];
    for (const name of others) answered.push(`${name}: ${code(await c.app.call(name, 'probe'))}`);
    expect(answered).toEqual(others.map((name) => `${name}: PATIENT_MODE`));
    expect(refusals(c.app)).toEqual(
      others.map((operation) => ({ operation, patient_id: c.patientId })),
    );
    expect(withoutAudit(c.app)).toBe(before);
    // The window still comes back to the tablet: the main process holds the mode.
    const state = await c.app.ok<SessionState>('auth.state');
    expect(state.patientMode?.patientId).toBe(c.patientId);
  });

  it('lets the patient answer their own questionnaire and open and read their own consent', async () => {
    expect(code(await c.app.call('history.get', { patientId: c.patientId }))).toBe('OK');
    const submitted = await c.app.call('history.submit', {
      patientId: c.patientId,
      answers: answers((a) => {
        a.allergies.ticks.localAnaesthetics = 'yes';
      }),
      takenBy: 'patient',
    });
    expect(code(submitted)).toBe('OK');
    expect(code(await c.app.call('documents.get', { documentId: ownConsent.id }))).toBe('OK');
    expect(code(await c.app.call('documents.open', { documentId: ownConsent.id }))).toBe('OK');
    expect(code(await c.app.call('documents.consentText', { documentId: ownConsent.id }))).toBe(
      'OK',
    );
    // The patient's part of the signing is held to the patient, not refused: whatever the
    // signing rules then say (tests/unit/documents/tablet-consent.test.ts).
    const signing = await c.app.call('documents.signConsentAsPatient', {
      documentId: ownConsent.id,
      patientSignature: 'data:image/png;base64,AAAA',
    });
    expect(code(signing)).not.toBe('PATIENT_MODE');
    expect(refusals(c.app)).toEqual([]);
  });

  it('refuses the same operations for another patient, and answers recorded as taken by staff', async () => {
    const before = withoutAudit(c.app);
    const attempts: [string, unknown][] = [
      ['history.get', { patientId: otherPatientId }],
      ['history.submit', { patientId: otherPatientId, answers: answers(), takenBy: 'patient' }],
      ['history.submit', { patientId: c.patientId, answers: answers(), takenBy: 'staff' }],
      ['documents.get', { documentId: otherConsent.id }],
      ['documents.open', { documentId: otherConsent.id }],
      ['documents.consentText', { documentId: otherConsent.id }],
      [
        'documents.signConsentAsPatient',
        { documentId: otherConsent.id, patientSignature: 'data:image/png;base64,AAAA' },
      ],
    ];
    for (const [name, input] of attempts) {
      expect(`${name}: ${code(await c.app.call(name, input))}`).toBe(`${name}: PATIENT_MODE`);
    }
    expect(refusals(c.app).map((r) => r.operation)).toEqual(attempts.map(([name]) => name));
    expect(withoutAudit(c.app)).toBe(before);
  });

  it('ends only with a member of staff’s password: a wrong one is refused and audited', async () => {
    const wrong = await c.app.call('auth.resumeStaff', {
      username: PRACTITIONER.username,
      password: 'not the password',
    });
    expect(code(wrong)).toBe('INVALID_CREDENTIALS');
    const failed = c.app.services.state.store.sqlite
      .prepare(
        `SELECT username, patient_id, error_code FROM audit_event
         WHERE operation = 'auth.resumeStaff' AND outcome = 'failed'`,
      )
      .all();
    expect(failed).toEqual([
      {
        username: PRACTITIONER.username,
        patient_id: c.patientId,
        error_code: 'INVALID_CREDENTIALS',
      },
    ]);
    expect(code(await c.app.call('chart.open', { patientId: c.patientId }))).toBe('PATIENT_MODE');
    expect(code(await c.app.call('auth.unlock', { password: PRACTITIONER.password }))).toBe(
      'PATIENT_MODE',
    );
    // Any member of staff takes it back with their own password; the session is then theirs.
    const resumed = await c.app.ok<SessionState>('auth.resumeStaff', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(resumed).toMatchObject({ locked: false, patientMode: null });
    expect(resumed.user?.username).toBe(ADMIN.username);
    expect(code(await c.app.call('chart.open', { patientId: c.patientId }))).toBe('OK');
    expect(
      code(
        await c.app.call('auth.resumeStaff', {
          username: ADMIN.username,
          password: ADMIN.password,
        }),
      ),
    ).toBe('CONFLICT');
  });

  it('is not entered by a role that does not take the intake, nor for an unknown patient', async () => {
    await c.app.ok('auth.resumeStaff', {
      username: PRACTITIONER.username,
      password: PRACTITIONER.password,
    });
    const unknown = await c.app.call('auth.handTablet', {
      patientId: '00000000-0000-4000-8000-000000000000',
    });
    expect(code(unknown)).toBe('NOT_FOUND');
    expect((await c.app.ok<SessionState>('auth.state')).patientMode).toBeNull();
    await c.app.ok('auth.signOut');
    await c.app.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(code(await c.app.call('auth.handTablet', { patientId: c.patientId }))).toBe('FORBIDDEN');
  });
});
