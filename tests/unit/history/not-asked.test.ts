import { afterEach, describe, expect, it } from 'vitest';
import { rawDb, type TestApp } from '../../support/helpers';
import { startTreatmentClinic, type Clinic } from '../sessions/fixtures';
import { answers } from '../patients/fixtures';
import { calmDay } from '../screening/fixtures';
import type { HistoryVersion } from '../../../shared/api/history';
import type { ScreeningPreview } from '../../../shared/api/screening';
import type { ChartOpen } from '../../../shared/api/chart';

let clinic: Clinic | undefined;
afterEach(async () => {
  await clinic?.app.close();
  clinic = undefined;
});

async function setUp() {
  clinic = await startTreatmentClinic();
  return clinic;
}

function preview(c: Clinic, dayOf = calmDay()) {
  return c.app.ok<ScreeningPreview>('screening.preview', {
    patientId: c.patientId,
    dayOf,
    productIds: [c.vitamins.id],
    areas: ['cheeks'],
  });
}

const notAskedRules = (p: ScreeningPreview) =>
  p.findings.filter((f) => f.ruleId.startsWith('history.not-asked.'));

/** A row as Mesochart wrote it before "not asked" existed: true/false, format 1 by default. */
function storeLegacy(app: TestApp, patientId: string, version: number, stored: unknown) {
  const sqlite = rawDb(app);
  const first = sqlite
    .prepare('SELECT recorded_by FROM medical_history_version WHERE patient_id = ? LIMIT 1')
    .get(patientId) as { recorded_by: string };
  sqlite
    .prepare(
      `INSERT INTO medical_history_version
       (id, patient_id, version, answers, taken_by, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, 'staff', '2025-01-01T10:00:00.000Z', ?)`,
    )
    .run(`legacy-${version}`, patientId, version, JSON.stringify(stored), first.recorded_by);
}

describe('yes, no and not asked in the medical history', () => {
  it('stores "not asked" apart from "no" and reads both back as given', async () => {
    const c = await setUp();
    const given = answers((a) => {
      a.conditions.pregnancy = 'not-asked';
      a.conditions.keloid = 'yes';
      a.allergies.ticks.latex = 'not-asked';
    });
    await c.app.ok('history.submit', { patientId: c.patientId, answers: given, takenBy: 'staff' });
    const read = await c.app.ok<{ latest: HistoryVersion }>('history.get', {
      patientId: c.patientId,
    });
    expect(read.latest.answers.conditions.pregnancy).toBe('not-asked');
    expect(read.latest.answers.conditions.breastfeeding).toBe('no');
    expect(read.latest.answers.conditions.keloid).toBe('yes');
    expect(read.latest.answers.allergies.ticks.latex).toBe('not-asked');
    const row = rawDb(c.app)
      .prepare(
        'SELECT answers, answers_format FROM medical_history_version WHERE patient_id = ? ORDER BY version DESC',
      )
      .get(c.patientId) as { answers: string; answers_format: number };
    expect(row.answers_format).toBe(2);
    expect(JSON.parse(row.answers).conditions).toMatchObject({
      pregnancy: 'not-asked',
      breastfeeding: 'no',
    });
  });

  it('refuses a yes/no answer that is none of the three, with nothing written', async () => {
    const c = await setUp();
    const before = rawDb(c.app).prepare('SELECT count(*) AS n FROM medical_history_version').get();
    const bad = { ...answers(), conditions: { ...answers().conditions, pregnancy: true } };
    const result = await c.app.call('history.submit', {
      patientId: c.patientId,
      answers: bad,
      takenBy: 'staff',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok)
      expect(Object.keys(result.error.fields ?? {})).toContain('answers.conditions.pregnancy');
    expect(rawDb(c.app).prepare('SELECT count(*) AS n FROM medical_history_version').get()).toEqual(
      before,
    );
  });

  it('reads answers written before "not asked" existed: true is yes, false is no, a missing question is not asked', async () => {
    const c = await setUp();
    await c.app.ok('history.submit', {
      patientId: c.patientId,
      answers: answers(),
      takenBy: 'staff',
    });
    const legacyConditions: Record<string, boolean> = {
      pregnancy: false,
      breastfeeding: false,
      coagulationDisorder: true,
      epilepsyOrNeurological: false,
      autoimmune: false,
      diabetes: false,
      activeCancer: false,
      immunosuppression: false,
      keloid: false,
      herpes: false,
      chronicSkin: false,
      heartDisease: false,
      // hypertension was never asked: the key is missing.
    };
    const current = await c.app.ok<{ latest: HistoryVersion | null }>('history.get', {
      patientId: c.patientId,
    });
    const next = (current.latest?.version ?? 0) + 1;
    storeLegacy(c.app, c.patientId, next, {
      ...answers(),
      conditions: legacyConditions,
      surgery: { recent: false, date: '', details: '' },
      isotretinoin: { taken: true, lastDate: '2024-01-10' },
      allergies: {
        ticks: { localAnaesthetics: true, soy: false, hyaluronicAcid: false, latex: false },
        other: '',
      },
    });
    const read = await c.app.ok<{ latest: HistoryVersion }>('history.get', {
      patientId: c.patientId,
    });
    expect(read.latest.version).toBe(next);
    const a = read.latest.answers;
    expect(a.conditions.coagulationDisorder).toBe('yes');
    expect(a.conditions.pregnancy).toBe('no');
    expect(a.conditions.hypertension).toBe('not-asked');
    expect(a.surgery.recent).toBe('no');
    expect(a.isotretinoin).toEqual({ taken: 'yes', lastDate: '2024-01-10' });
    expect(a.allergies.ticks).toMatchObject({
      localAnaesthetics: 'yes',
      soy: 'no',
      beeWaspVenom: 'not-asked',
      eggs: 'not-asked',
    });
    // The row itself is as it was written.
    const raw = rawDb(c.app)
      .prepare('SELECT answers, answers_format FROM medical_history_version WHERE id = ?')
      .get(`legacy-${next}`) as { answers: string; answers_format: number };
    expect(raw.answers_format).toBe(1);
    expect(JSON.parse(raw.answers).conditions.coagulationDisorder).toBe(true);
    // The legacy "no" stays a "no" for the check; the missing one is flagged.
    const check = await preview(c);
    expect(notAskedRules(check).map((f) => f.ruleId)).toEqual([
      'history.not-asked.conditions.hypertension',
      'history.not-asked.allergies.ticks.beeWaspVenom',
      'history.not-asked.allergies.ticks.eggs',
    ]);
  });

  it('the check flags each question not asked as a caution that says why; "no" stays quiet', async () => {
    const c = await setUp();
    await c.app.ok('history.submit', {
      patientId: c.patientId,
      answers: answers(),
      takenBy: 'staff',
    });
    const allNo = await preview(c);
    expect(notAskedRules(allNo)).toEqual([]);
    expect(allNo.outcome).toBe('clear');

    await c.app.ok('history.submit', {
      patientId: c.patientId,
      answers: answers((a) => {
        a.conditions.coagulationDisorder = 'not-asked';
        a.isotretinoin.taken = 'not-asked';
        a.conditions.pregnancy = 'not-asked';
      }),
      takenBy: 'staff',
    });
    const open = await preview(c);
    const flagged = notAskedRules(open);
    // Pregnancy is asked again on the day (calmDay answers it), so only the other two remain.
    expect(flagged.map((f) => [f.ruleId, f.severity])).toEqual([
      ['history.not-asked.conditions.coagulationDisorder', 'caution'],
      ['history.not-asked.isotretinoin.taken', 'caution'],
    ]);
    expect(flagged[0]?.explanation).toMatch(
      /Not asked at intake: a coagulation \(bleeding\) disorder\. The answer is unknown, not "no"/,
    );
    expect(open.outcome).toBe('caution');

    // Pregnancy not answered on the day either: then it is flagged too.
    const unanswered = await preview(c, calmDay({ pregnantNow: null }));
    expect(notAskedRules(unanswered).map((f) => f.ruleId)).toContain(
      'history.not-asked.conditions.pregnancy',
    );
  });

  it('the chart alerts only a "yes"', async () => {
    const c = await setUp();
    await c.app.ok('history.submit', {
      patientId: c.patientId,
      answers: answers((a) => {
        a.conditions.pregnancy = 'not-asked';
        a.allergies.ticks.latex = 'yes';
      }),
      takenBy: 'staff',
    });
    const { chart } = await c.app.ok<ChartOpen>('chart.open', { patientId: c.patientId });
    expect(chart.alerts.map((a) => a.kind)).not.toContain('pregnancy');
    expect(chart.alerts).toContainEqual({ kind: 'allergy', detail: 'latex' });
  });
});
