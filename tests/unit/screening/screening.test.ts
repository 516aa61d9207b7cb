import { afterEach, describe, expect, it } from 'vitest';
import { rawDb, ADMIN, snapshot } from '../../support/helpers';
import { register } from '../patients/fixtures';
import {
  PRACTITIONER,
  recordConsent,
  signInAs,
  startTreatmentClinic,
  type Clinic,
} from '../sessions/fixtures';
import { addDaysTo, addLidocaineProduct, calmDay, submitHistory, today } from './fixtures';
import type {
  ScreeningPrefill,
  ScreeningPreview,
  ScreeningRecord,
} from '../../../shared/api/screening';
import { findingKeys } from '../../../shared/api/screening';
import type { ErrorText } from '../../../shared/api/result';
import { catalogueLookup } from '../../../shared/screening/finding-wording';
import enFindings from '../../../renderer/src/i18n/en-findings.json';

let clinic: Clinic | undefined;
afterEach(async () => {
  await clinic?.app.close();
  clinic = undefined;
});

async function setUp() {
  clinic = await startTreatmentClinic();
  return clinic;
}

const practitioner = { u: PRACTITIONER.username, p: PRACTITIONER.password };

/** A refusal's catalogue text in English, its values filled in. */
function englishOf(text: ErrorText): string {
  const template = catalogueLookup(enFindings)(text.key) ?? text.key;
  return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(text.params?.[name]));
}

function screeningRows(c: Clinic) {
  return rawDb(c.app).prepare('SELECT * FROM screening').all() as Record<string, unknown>[];
}

/** Everything but the audit trail, which records refused calls too. */
function records(c: Clinic) {
  return (JSON.parse(snapshot(c.app)) as [string, unknown][]).filter(
    ([t]) => !t.startsWith('audit'),
  );
}

function plan(c: Clinic, patch: Record<string, unknown> = {}) {
  return {
    patientId: c.patientId,
    dayOf: calmDay(),
    productIds: [c.vitamins.id],
    areas: ['cheeks'],
    ...patch,
  };
}

describe('preview', () => {
  it('cautions for a DOAC and refuses self-medicated ibuprofen 3 days ago, never advising to stop the DOAC', async () => {
    const c = await setUp();
    await submitHistory(c.app, c.patientId, (a) => {
      a.medicines = [
        { text: 'Eliquis 5mg BID', lastDose: '' },
        { text: 'ibuprofen 400 mg for headaches', lastDose: addDaysTo(today(c.app), -3) },
        { text: 'Zorblax 10 mg', lastDose: '' },
      ];
    });
    const before = screeningRows(c).length;
    const result = await c.app.ok<ScreeningPreview>('screening.preview', plan(c));
    // Issue 14's default: a self-medicated thinner within its hold period is do-not-treat.
    expect(result.outcome).toBe('do-not-treat');
    const doac = result.findings.find((f) => f.ruleId === 'medicine.anticoagulant');
    expect(doac?.severity).toBe('caution');
    expect(doac?.explanation).toContain('apixaban');
    expect(doac?.explanation).toContain('Do not advise stopping: the prescriber decides.');
    expect(doac?.patientMessage).toContain('Keep taking your apixaban');
    expect(doac?.patientMessage).not.toMatch(/\bstop/i);
    const nsaid = result.findings.find((f) => f.ruleId === 'medicine.within-hold');
    expect(nsaid?.severity).toBe('do-not-treat');
    expect(nsaid?.explanation).toContain('3 day(s) ago');
    // The unknown line is kept as typed and flagged, never dropped.
    const unknown = result.findings.find((f) => f.ruleId === 'medicine.not-recognised');
    expect(unknown?.explanation).toContain('"Zorblax 10 mg"');
    const prefill = await c.app.ok<ScreeningPrefill>('screening.prefill', {
      patientId: c.patientId,
    });
    expect(prefill.facts?.medicines.map((m) => m.text)).toEqual([
      'Eliquis 5mg BID',
      'ibuprofen 400 mg for headaches',
      'Zorblax 10 mg',
    ]);
    // A preview saves nothing.
    expect(screeningRows(c)).toHaveLength(before);
  });

  it('blocks a lidocaine-containing product for a patient allergic to lidocaine', async () => {
    const c = await setUp();
    const lido = await addLidocaineProduct(c.app, practitioner);
    await submitHistory(c.app, c.patientId, (a) => {
      a.allergies.other = 'Lidocaine (swelling at the dentist)';
    });
    const result = await c.app.ok<ScreeningPreview>(
      'screening.preview',
      plan(c, { productIds: [c.vitamins.id, lido.id] }),
    );
    expect(result.productOutcomes[lido.id]).toBe('do-not-treat');
    expect(result.productOutcomes[c.vitamins.id]).toBe('clear');
    const blocked = result.findings.filter((f) => f.productId === lido.id);
    expect(blocked.some((f) => f.severity === 'do-not-treat')).toBe(true);
    // Without the product the allergy gives nothing to block.
    const without = await c.app.ok<ScreeningPreview>('screening.preview', plan(c));
    expect(without.outcome).toBe('clear');
  });

  it('flags a patient with no history rather than passing them', async () => {
    const c = await setUp();
    const result = await c.app.ok<ScreeningPreview>('screening.preview', plan(c));
    expect(result.outcome).toBe('do-not-treat');
    expect(result.findings[0]?.ruleId).toBe('history.missing');
  });
});

describe('completing the check', () => {
  it('refuses do-not-treat without a reason, refuses a receptionist, stores a practitioner override', async () => {
    const c = await setUp();
    await submitHistory(c.app, c.patientId, () => undefined);
    const pregnant = plan(c, { dayOf: calmDay({ pregnantNow: 'yes' }) });
    const preview = await c.app.ok<ScreeningPreview>('screening.preview', pregnant);
    expect(preview.outcome).toBe('do-not-treat');
    expect(preview.findings[0]?.ruleId).toBe('condition.pregnancy');

    const before = records(c);
    const noReason = await c.app.call('screening.complete', {
      ...pregnant,
      decision: 'treat',
      acknowledged: [],
      overrideReason: '  ',
    });
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) {
      expect(noReason.error.code).toBe('VALIDATION');
      expect(noReason.error.fields?.overrideReason).toMatch(/write why/);
      // Keyed for the screens' language, the catalogue's English being the service's.
      expect(noReason.error.key).toBe('screeningRefusals.cannotComplete');
      expect(noReason.error.fieldKeys?.overrideReason).toEqual({
        key: 'screeningRefusals.overrideReason',
        params: { min: 10 },
      });
      expect(englishOf(noReason.error.fieldKeys!.overrideReason!)).toBe(
        noReason.error.fields?.overrideReason,
      );
      expect(englishOf({ key: noReason.error.key! })).toBe(noReason.error.message);
    }
    expect(records(c)).toEqual(before);

    await signInAs(c.app, ADMIN.username, ADMIN.password);
    await c.app.ok('staff.create', {
      username: 'rita.desk',
      displayName: 'Rita Desk',
      role: 'receptionist',
      password: 'reception pass phrase',
    });
    await signInAs(c.app, 'rita.desk', 'reception pass phrase');
    const byReception = await c.app.call('screening.complete', {
      ...pregnant,
      decision: 'treat',
      acknowledged: [],
      overrideReason: 'Patient insists, early pregnancy',
    });
    expect(byReception.ok).toBe(false);
    if (!byReception.ok) expect(byReception.error.code).toBe('FORBIDDEN');
    expect(screeningRows(c)).toHaveLength(0);

    await signInAs(c.app, practitioner.u, practitioner.p);
    const reason = 'Pregnancy test negative this morning; intake answer was mistaken';
    const record = await c.app.ok<ScreeningRecord>('screening.complete', {
      ...pregnant,
      decision: 'treat',
      acknowledged: [],
      overrideReason: reason,
    });
    expect(record.status).toBe('overridden');
    expect(record.outcome).toBe('do-not-treat');
    expect(record.overrideReason).toBe(reason);
    expect(record.overrideByName).toBe(PRACTITIONER.displayName);
    const [row] = screeningRows(c);
    expect(row).toMatchObject({
      status: 'overridden',
      override_reason: reason,
      override_by: c.practitionerId,
      performed_by: c.practitionerId,
    });
    expect(JSON.parse(String(row?.findings))).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: 'condition.pregnancy' })]),
    );
    const audit = rawDb(c.app)
      .prepare(
        "SELECT patient_id, object_id FROM audit_event WHERE operation = 'screening.complete' AND outcome = 'success'",
      )
      .all();
    expect(audit).toEqual([{ patient_id: c.patientId, object_id: record.id }]);
    // The overridden check lets the session start (the consent is the gate's other half).
    await recordConsent(c, c.patientId);
    const session = await c.app.call('sessions.start', {
      patientId: c.patientId,
      courseId: null,
      plannedProductIds: [c.vitamins.id],
    });
    expect(session.ok).toBe(true);
  });

  it('refuses unacknowledged cautions and re-runs the rules rather than trusting the screen', async () => {
    const c = await setUp();
    await submitHistory(c.app, c.patientId, (a) => {
      a.medicines = [{ text: 'Xarelto 20mg', lastDose: '' }];
    });
    const day = plan(c, { dayOf: calmDay({ hoursSinceAlcohol: 5 }) });
    const preview = await c.app.ok<ScreeningPreview>('screening.preview', day);
    const keys = findingKeys(preview.findings);
    const cautions = keys.filter((_k, i) => preview.findings[i]?.severity === 'caution');
    expect(cautions.length).toBeGreaterThanOrEqual(2);

    const partial = await c.app.call('screening.complete', {
      ...day,
      decision: 'treat',
      acknowledged: cautions.slice(1),
      overrideReason: null,
    });
    expect(partial.ok).toBe(false);
    if (!partial.ok) {
      expect(partial.error.fields?.acknowledged).toMatch(/1 not acknowledged/);
      expect(englishOf(partial.error.fieldKeys!.acknowledged!)).toBe(
        partial.error.fields?.acknowledged,
      );
    }
    // Acknowledging made-up keys does not help: the server computes which cautions exist.
    const invented = await c.app.call('screening.complete', {
      ...day,
      decision: 'treat',
      acknowledged: ['anything|x|y'],
      overrideReason: null,
    });
    expect(invented.ok).toBe(false);
    expect(screeningRows(c)).toHaveLength(0);

    const done = await c.app.ok<ScreeningRecord>('screening.complete', {
      ...day,
      decision: 'treat',
      acknowledged: cautions,
      overrideReason: null,
    });
    expect(done.status).toBe('passed');
    expect(done.acknowledged).toEqual(cautions);
    const list = await c.app.ok<ScreeningRecord[]>('screening.list', { patientId: c.patientId });
    expect(list.map((r) => r.id)).toEqual([done.id]);
    expect(list[0]?.plannedProducts).toEqual([{ id: c.vitamins.id, name: c.vitamins.name }]);
    // A session reads the one check it rests on, and only through its own patient.
    expect(await c.app.ok('screening.get', { patientId: c.patientId, id: done.id })).toEqual(done);
    const other = await register(c.app, {
      givenName: 'Ayla',
      familyName: 'Demir',
      dateOfBirth: '1990-01-01',
      phone: '+90 532 999 00 11',
      email: 'ayla@example.com',
    });
    expect(await c.app.call('screening.get', { patientId: other.id, id: done.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', key: 'screeningRefusals.noSuchCheck' },
    });
  });

  it('records a decision not to treat as stopped, which the gate then refuses', async () => {
    const c = await setUp();
    await submitHistory(c.app, c.patientId, (a) => {
      a.conditions.coagulationDisorder = 'yes';
    });
    const stopped = await c.app.ok<ScreeningRecord>('screening.complete', {
      ...plan(c),
      decision: 'stop',
      acknowledged: [],
      overrideReason: null,
    });
    expect(stopped.status).toBe('stopped');
    const start = await c.app.call('sessions.start', {
      patientId: c.patientId,
      courseId: null,
      plannedProductIds: [c.vitamins.id],
    });
    expect(start.ok).toBe(false);
    if (!start.ok) expect(start.error.message).toMatch(/not overridden/);
  });
});

describe('the session gate', () => {
  it('refuses a session without a completed check today, and for products the check did not cover', async () => {
    const c = await setUp();
    await submitHistory(c.app, c.patientId, () => undefined);
    await recordConsent(c, c.patientId);
    const start = (productIds: string[]) =>
      c.app.call('sessions.start', {
        patientId: c.patientId,
        courseId: null,
        plannedProductIds: productIds,
      });
    const none = await start([c.vitamins.id]);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toMatch(/pre-procedure check/);
    // A preview is not a completed check.
    await c.app.ok('screening.preview', plan(c));
    expect((await start([c.vitamins.id])).ok).toBe(false);

    await c.app.ok('screening.complete', {
      ...plan(c),
      decision: 'treat',
      acknowledged: [],
      overrideReason: null,
    });
    const uncovered = await start([c.vitamins.id, c.ha.id]);
    expect(uncovered.ok).toBe(false);
    if (!uncovered.ok) {
      expect(uncovered.error.code).toBe('SAFETY_GATE');
      expect(uncovered.error.fields?.['gate.coverage']).toMatch(/did not cover 1 product/);
      expect(uncovered.error.message).toMatch(/did not cover 1 product/);
    }
    expect((await start([c.vitamins.id])).ok).toBe(true);
  });
});

describe('impossible answers', () => {
  it('refuses future last doses, future dates and negative hours with field messages, writing nothing', async () => {
    const c = await setUp();
    await submitHistory(c.app, c.patientId, (a) => {
      a.medicines = [{ text: 'aspirin 81 mg', lastDose: '' }];
    });
    const tomorrow = addDaysTo(today(c.app), 1);
    const before = records(c);
    const future = await c.app.call('screening.complete', {
      ...plan(c, {
        dayOf: calmDay({
          lastDoses: [{ lineId: 'history-0', lastDose: tomorrow }],
          vaccination: { answer: 'yes', date: tomorrow },
        }),
      }),
      decision: 'treat',
      acknowledged: [],
      overrideReason: null,
    });
    expect(future.ok).toBe(false);
    if (!future.ok) {
      expect(future.error.code).toBe('VALIDATION');
      expect(future.error.fields).toMatchObject({
        'dayOf.lastDoses.0.lastDose': 'The last dose cannot be in the future',
        'dayOf.vaccination.date': 'The vaccination date cannot be in the future',
      });
    }
    const negative = await c.app.call(
      'screening.preview',
      plan(c, { dayOf: calmDay({ hoursSinceAlcohol: -4 }) }),
    );
    expect(negative.ok).toBe(false);
    if (!negative.ok) {
      expect(negative.error.fields?.['dayOf.hoursSinceAlcohol']).toBe(
        'Hours since alcohol cannot be negative',
      );
    }
    const unknownLine = await c.app.call(
      'screening.preview',
      plan(c, { dayOf: calmDay({ lastDoses: [{ lineId: 'history-7', lastDose: null }] }) }),
    );
    expect(unknownLine.ok).toBe(false);
    expect(records(c)).toEqual(before);
  });
});

describe('settings', () => {
  it('defaults to the reference, is read by practitioners and changed only by admins', async () => {
    const c = await setUp();
    await submitHistory(c.app, c.patientId, () => undefined);
    const settings = await c.app.ok<{ alcoholHoursBefore: number }>('screening.settings');
    expect(settings.alcoholHoursBefore).toBe(48);
    const refused = await c.app.call('screening.updateSettings', {
      ...settings,
      alcoholHoursBefore: 24,
    });
    expect(refused.ok).toBe(false);

    const day = plan(c, { dayOf: calmDay({ hoursSinceAlcohol: 30 }) });
    const at48 = await c.app.ok<ScreeningPreview>('screening.preview', day);
    expect(at48.findings.map((f) => f.ruleId)).toContain('day-of.alcohol');

    await signInAs(c.app, ADMIN.username, ADMIN.password);
    const invalid = await c.app.call('screening.updateSettings', {
      ...settings,
      alcoholHoursBefore: -1,
    });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) {
      expect(invalid.error.fields?.alcoholHoursBefore).toBe('Alcohol window cannot be negative');
    }
    await c.app.ok('screening.updateSettings', { ...settings, alcoholHoursBefore: 24 });
    await signInAs(c.app, practitioner.u, practitioner.p);
    const at24 = await c.app.ok<ScreeningPreview>('screening.preview', day);
    expect(at24.findings.map((f) => f.ruleId)).not.toContain('day-of.alcohol');
  });
});
