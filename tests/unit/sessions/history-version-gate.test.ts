import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawDb, snapshot } from '../../support/helpers';
import { register } from '../patients/fixtures';
import type { Result } from '../../../shared/api/result';
import type { TreatmentSession } from '../../../shared/api/sessions';
import { submitHistory } from '../screening/fixtures';
import { insertScreening, recordConsent, startTreatmentClinic, type Clinic } from './fixtures';

/**
 * Issue 14, the history-version rule as a property: whatever medical histories were taken, a
 * check made on version v lets the session start iff v is the patient's current version (no
 * check-time history and none taken since also match); any other version is refused as
 * gate.historyVersion alone, writing nothing.
 */

let c: Clinic;
beforeAll(async () => {
  c = await startTreatmentClinic();
}, 120_000);
afterAll(async () => {
  await c.app.close();
});

/** Every table but the audit trail, which records the refusal. */
const clinical = () =>
  JSON.stringify(
    (JSON.parse(snapshot(c.app)) as [string, unknown][]).filter(([t]) => !t.startsWith('audit')),
  );

/** The patient's history version ids, oldest first (index 0 is version 1). */
function versionIds(patientId: string): string[] {
  return (
    rawDb(c.app)
      .prepare('SELECT id FROM medical_history_version WHERE patient_id = ? ORDER BY version')
      .all(patientId) as { id: string }[]
  ).map((r) => r.id);
}

/** One intake: what it declares varies, the version rule must not care. */
const intake = fc.record({
  pregnant: fc.boolean(),
  other: fc.constantFrom('', 'Nickel', 'Penicillin (rash)'),
  medicine: fc.constantFrom(null, 'Eliquis 5mg BID', 'Vitamin D 1000 IU'),
});

let run = 0;
/** A distinct name part per run, in letters (names take no digits). */
function letters(n: number): string {
  let out = '';
  for (let v = n; v > 0; v = Math.floor(v / 26)) out += String.fromCharCode(97 + (v % 26));
  return out;
}

describe('the history-version rule', () => {
  it('passes a check made on version v iff v is the current version, and a refusal writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(intake, { maxLength: 4 }),
        // The version the check read: 0 = none, else 1..; 'current' makes the match common.
        fc.oneof(fc.constant('current' as const), fc.nat({ max: 20 })),
        async (intakes, pick) => {
          run += 1;
          const name = letters(run);
          const patient = await register(c.app, {
            givenName: `Ana${name}`,
            familyName: `Vers${name}`,
            dateOfBirth: `${1960 + (run % 40)}-0${1 + (run % 9)}-1${run % 10}`,
            phone: `+33 6 12 34 ${String(run).padStart(2, '0')} 00`,
            email: `ana.${name}@example.com`,
            emergencyContactPhone: '',
          });
          await recordConsent(c, patient.id);
          for (const a of intakes) {
            await submitHistory(c.app, patient.id, (h) => {
              h.conditions.pregnancy = a.pregnant ? 'yes' : 'no';
              h.allergies.other = a.other;
              if (a.medicine) h.medicines = [{ text: a.medicine, lastDose: '' }];
            });
          }
          const ids = versionIds(patient.id);
          expect(ids).toHaveLength(intakes.length);
          const current = ids.length;
          const v = pick === 'current' ? current : pick % (current + 1);
          insertScreening(c.app, patient.id, c.practitionerId, [c.vitamins.id], {
            historyVersionId: v === 0 ? null : (ids[v - 1] as string),
          });

          const before = clinical();
          const result = (await c.app.call('sessions.start', {
            patientId: patient.id,
            courseId: null,
            plannedProductIds: [c.vitamins.id],
          })) as Result<TreatmentSession>;
          if (v === current) {
            expect(result.ok).toBe(true);
            if (result.ok) expect(result.value.status).toBe('draft');
          } else {
            expect(result.ok).toBe(false);
            if (!result.ok) {
              expect(result.error.code).toBe('SAFETY_GATE');
              expect(Object.keys(result.error.fields ?? {})).toEqual(['gate.historyVersion']);
              expect(result.error.fields?.['gate.historyVersion']).toContain(
                `version ${v === 0 ? 'none' : v} → ${current === 0 ? 'none' : current}`,
              );
            }
            expect(clinical()).toBe(before);
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 600_000);
});
