import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot, startClinic, type TestApp, rawDb } from '../../support/helpers';
import { answers, register } from '../patients/fixtures';
import { diffHistory, type HistoryVersion } from '../../../shared/api/history';
import type { PatientAlert } from '../../../shared/api/patients';

let app: TestApp;
beforeEach(async () => {
  app = await startClinic({ as: 'practitioner' });
});
afterEach(async () => {
  await app.close();
});

describe('medical history', () => {
  it('keeps every submission as a version and shows what changed', async () => {
    const p = await register(app);
    const first = answers((a) => {
      a.medicines.push({ text: 'Eliquis 5 mg twice daily', lastDose: '2024-05-01' });
      a.allergies.ticks.localAnaesthetics = 'yes';
      a.fitzpatrick = 'III';
    });
    const v1 = await app.ok<HistoryVersion>('history.submit', {
      patientId: p.id,
      answers: first,
      takenBy: 'staff',
    });
    expect(v1.version).toBe(1);
    expect(v1.answers.medicines[0]?.text).toBe('Eliquis 5 mg twice daily');

    const second = answers((a) => {
      a.medicines.push({ text: 'Omega-3 1 g daily', lastDose: '' });
      a.allergies.ticks.localAnaesthetics = 'yes';
      a.conditions.pregnancy = 'yes';
      a.fitzpatrick = 'III';
    });
    await app.ok('history.submit', { patientId: p.id, answers: second, takenBy: 'patient' });

    const history = await app.ok<{ versions: { version: number; takenBy: string }[] }>(
      'history.get',
      { patientId: p.id },
    );
    expect(history.versions.map((v) => [v.version, v.takenBy])).toEqual([
      [2, 'patient'],
      [1, 'staff'],
    ]);
    const read = await app.ok<{ version: HistoryVersion; previous: HistoryVersion | null }>(
      'history.version',
      { patientId: p.id, version: 2 },
    );
    expect(read.previous?.version).toBe(1);
    const changes = diffHistory(read.previous?.answers ?? null, read.version.answers);
    expect(changes).toEqual([
      { path: 'conditions.pregnancy', before: 'no', after: 'yes' },
      {
        path: 'medicines',
        before: 'Eliquis 5 mg twice daily · 2024-05-01',
        after: 'Omega-3 1 g daily',
      },
    ]);
    const v1again = await app.ok<{ version: HistoryVersion }>('history.version', {
      patientId: p.id,
      version: 1,
    });
    expect(v1again.version.answers).toEqual(first);

    const chart = await app.ok<{ alerts: PatientAlert[]; historyVersion: number }>('patients.get', {
      id: p.id,
    });
    expect(chart.historyVersion).toBe(2);
    expect(chart.alerts).toEqual([
      { kind: 'allergy', detail: 'lidocaine / local anaesthetics' },
      { kind: 'pregnancy', detail: null },
    ]);
  });

  it('reads stored answers by their shape: unknown keys stay hidden, a wrong kind is refused', async () => {
    const p = await register(app);
    await app.ok('history.submit', { patientId: p.id, answers: answers(), takenBy: 'staff' });
    const sqlite = rawDb(app);
    const first = sqlite
      .prepare('SELECT recorded_at, recorded_by FROM medical_history_version WHERE patient_id = ?')
      .get(p.id) as { recorded_at: string; recorded_by: string };
    // Rows as an older or damaged Mesochart might have left them (versions are never updated).
    const store = (version: number, stored: unknown) =>
      sqlite
        .prepare(
          `INSERT INTO medical_history_version
           (id, patient_id, version, answers, taken_by, recorded_at, recorded_by)
           VALUES (?, ?, ?, ?, 'staff', ?, ?)`,
        )
        .run(
          `v${version}`,
          p.id,
          version,
          JSON.stringify(stored),
          first.recorded_at,
          first.recorded_by,
        );
    store(2, { ...answers(), legacyNote: 'kept by an older version' });
    const read = await app.ok<{ latest: HistoryVersion }>('history.get', { patientId: p.id });
    expect(read.latest.version).toBe(2);
    expect(read.latest.answers).toEqual(answers());
    expect(JSON.stringify(read)).not.toContain('legacyNote');

    store(3, { ...answers(), fitzpatrick: 7 });
    for (const [operation, input] of [
      ['history.get', { patientId: p.id }],
      ['chart.open', { patientId: p.id }],
      ['screening.prefill', { patientId: p.id }],
    ] as const) {
      const refused = await app.call(operation, input);
      expect(refused.ok, operation).toBe(false);
      if (!refused.ok) expect(refused.error.code).toBe('INTERNAL');
    }
  });

  it('refuses a malformed history whole, with messages next to the fields', async () => {
    const p = await register(app);
    const before = snapshot(app);
    const bad = answers((a) => {
      a.medicines.push({ text: '', lastDose: '2999-01-01' });
      a.surgery.recent = 'yes';
    });
    const result = await app.call('history.submit', {
      patientId: p.id,
      answers: bad,
      takenBy: 'staff',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.fields).toMatchObject({
        'answers.medicines.0.text': 'Medicine or supplement is required',
        'answers.medicines.0.lastDose': 'Last dose cannot be in the future',
        'answers.surgery.date': 'Enter the surgery date',
      });
    }
    const unknown = await app.call('history.submit', {
      patientId: 'no-such-patient',
      answers: answers(),
      takenBy: 'staff',
    });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.code).toBe('NOT_FOUND');
    const sqlite = rawDb(app);
    const rows = (t: string) =>
      (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect(rows('medical_history_version')).toBe(0);
    const withoutAudit = (snap: string) =>
      (JSON.parse(snap) as [string, unknown][]).filter(([t]) => !t.startsWith('audit_'));
    expect(withoutAudit(snapshot(app))).toEqual(withoutAudit(before));
  });
});
