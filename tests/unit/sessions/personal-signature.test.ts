import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TreatmentSession } from '../../../shared/api/sessions';
import { snapshot } from '../../support/helpers';
import {
  completeDraft,
  PRACTITIONER,
  signInAdmin,
  signInAs,
  startSession,
  startTreatmentClinic,
  type Clinic,
} from './fixtures';

const COLLEAGUE = {
  username: 'omar.prac',
  displayName: 'Omar Second',
  role: 'practitioner',
  password: 'second practitioner pass',
};

let c: Clinic;
beforeAll(async () => {
  c = await startTreatmentClinic();
  await signInAdmin(c.app);
  await c.app.ok('staff.create', COLLEAGUE);
  await signInAs(c.app, PRACTITIONER.username, PRACTITIONER.password);
}, 120_000);
afterAll(async () => {
  await c.app.close();
});

/** Every row but the audit log and the sign-in throttle (a wrong password counts there). */
function written(): string {
  return snapshot(c.app)
    .replace(/\["audit_[a-z_]+",\[.*?\]\]/g, '')
    .replace(/\["sign_in_throttle",\[.*?\]\]/g, '');
}

describe('a session signature is its practitioner’s own', () => {
  it('is refused to a colleague at the keyboard, then taken with the practitioner’s own password', async () => {
    const session = await startSession(c);
    await c.app.ok('sessions.saveDraft', { id: session.id, ...completeDraft(c) });
    await signInAs(c.app, COLLEAGUE.username, COLLEAGUE.password);
    const before = written();
    expect(await c.app.call('sessions.sign', { id: session.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_THE_SIGNER', fields: { practitionerPassword: /Only Inès Moreau/ } },
    });
    expect(
      await c.app.call('sessions.sign', {
        id: session.id,
        practitionerPassword: COLLEAGUE.password,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect(written()).toBe(before);
    const signed = await c.app.ok<TreatmentSession>('sessions.sign', {
      id: session.id,
      practitionerPassword: PRACTITIONER.password,
    });
    expect(signed).toMatchObject({
      status: 'signed',
      signedByName: PRACTITIONER.displayName,
      signatureProvenBy: 'password',
      signatureRecordedByName: COLLEAGUE.displayName,
    });
    // The answer is the session as stored, read back in full.
    expect(await c.app.ok('sessions.get', { id: session.id })).toEqual(signed);
  });

  it('records the signed-in practitioner as signer', async () => {
    await signInAs(c.app, PRACTITIONER.username, PRACTITIONER.password);
    const session = await startSession(c);
    await c.app.ok('sessions.saveDraft', { id: session.id, ...completeDraft(c) });
    const signed = await c.app.ok<TreatmentSession>('sessions.sign', { id: session.id });
    expect(signed).toMatchObject({
      signedByName: PRACTITIONER.displayName,
      signatureProvenBy: 'signed-in',
      signatureRecordedByName: null,
    });
    expect(await c.app.ok('sessions.get', { id: session.id })).toEqual(signed);
  });
});
