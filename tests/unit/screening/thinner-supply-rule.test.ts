import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/screening/clinical-dates';
import type { DrugEntry } from '../../../shared/screening/drug-types';
import { findReferenceEntry } from '../../../shared/screening/medicine-matcher';
import { prescriberDecides } from '../../../shared/screening/thinner-supply-rule';
import { defaultScreeningSettings } from '../../../shared/screening/screening-settings';
import { severityRank } from '../../../shared/screening/severity';
import {
  defaultThinnerSupplySettings,
  judgeThinnerLine,
  thinnerSupplySettingsSchema,
  type MedicineSupply,
  type ThinnerRuleSettings,
} from '../../../shared/screening/thinner-supply-rule';

const today = '2025-06-15';
const daysAgo = (n: number) => addDays(today, -n);

const settings: ThinnerRuleSettings = {
  holdDays: { ...defaultScreeningSettings.holdDays },
  cox2SelectiveSeverity: defaultScreeningSettings.cox2SelectiveSeverity,
  ...defaultThinnerSupplySettings,
};

function entry(id: string): DrugEntry {
  const found = findReferenceEntry(id);
  if (!found) throw new Error(`no reference entry ${id}`);
  return found;
}

function judge(
  id: string,
  supply: MedicineSupply | null,
  lastDose: string | null,
  patch: Partial<ThinnerRuleSettings> = {},
  checkedAt = `${today}T10:00`,
) {
  return judgeThinnerLine({
    line: { id: 'history-0', text: `${id} as written` },
    entry: entry(id),
    supply,
    lastDose,
    checkedAt,
    settings: { ...settings, ...patch },
  });
}

describe('the setting', () => {
  it('defaults to do-not-treat and allows only caution otherwise', () => {
    expect(defaultThinnerSupplySettings.selfMedicatedThinnerWithinHold).toBe('do-not-treat');
    expect(
      thinnerSupplySettingsSchema.safeParse({ selfMedicatedThinnerWithinHold: 'clear' }).success,
    ).toBe(false);
  });
});

describe('aspirin, the issue’s example', () => {
  it('self-medicated aspirin taken this morning is do-not-treat, saying why', () => {
    const j = judge('aspirin', 'self-medicated', `${today}T07:30`);
    expect(j).toMatchObject({
      ruleId: 'medicine.within-hold',
      severity: 'do-not-treat',
      supply: 'self-medicated',
      holdDays: 7,
      daysSinceLastDose: 0,
      medicineLineId: 'history-0',
    });
    expect(j.explanation).toContain('Last dose 2 hour(s) before the check.');
    expect(j.explanation).toContain('Clinic hold period: 7 day(s).');
    expect(j.patientMessage).toContain('we will not treat you today');
  });

  it('prescribed aspirin stays a caution that tells nobody to stop it', () => {
    const j = judge('aspirin', 'prescribed', today);
    expect(j.severity).toBe('caution');
    expect(j.ruleId).toBe('medicine.antiplatelet');
    expect(j.explanation).toContain(prescriberDecides);
    expect(j.patientMessage).toMatch(/^Keep taking your aspirin exactly as your doctor prescribed/);
    expect(j.patientMessage).not.toMatch(/\bstop/i);
  });

  it('unrecorded supply takes the worse answer within the hold, and asks', () => {
    const within = judge('aspirin', null, daysAgo(2));
    expect(within).toMatchObject({
      ruleId: 'medicine.supply-unknown',
      severity: 'do-not-treat',
      supply: 'unknown',
    });
    expect(within.explanation).toContain('ask and record which');
    expect(within.explanation).toContain(prescriberDecides);
    const outside = judge('aspirin', null, daysAgo(20));
    expect(outside).toMatchObject({ ruleId: 'medicine.supply-unknown', severity: 'caution' });
    // Nobody said it was self-medicated: the patient is never told to stop or avoid it.
    for (const j of [within, outside]) expect(j.patientMessage).not.toMatch(/\b(stop|avoid)\b/i);
  });

  it('follows the clinic that prefers the reference’s caution', () => {
    const j = judge('aspirin', 'self-medicated', today, {
      selfMedicatedThinnerWithinHold: 'caution',
    });
    expect(j.severity).toBe('caution');
    expect(j.patientMessage).not.toContain('will not treat');
  });
});

describe('other classes', () => {
  it.each([
    ['apixaban', 'self-medicated'],
    ['sertraline', null],
    ['clopidogrel', 'self-medicated'],
  ] as const)('%s is prescribed whatever was recorded: caution, never stop', (id, supply) => {
    const j = judge(id, supply, today);
    expect(j).toMatchObject({ severity: 'caution', supply: 'prescribed', holdDays: null });
    expect(j.ruleId).toBe(
      {
        apixaban: 'medicine.anticoagulant',
        sertraline: 'medicine.ssri-snri',
        clopidogrel: 'medicine.antiplatelet',
      }[id],
    );
    expect(j.explanation).toContain(prescriberDecides);
    expect(j.explanation).not.toMatch(/hold period/i);
  });

  it('reads an over-the-counter NSAID with no answer as self-medicated, and says so', () => {
    const j = judge('ibuprofen', null, daysAgo(3));
    expect(j).toMatchObject({ severity: 'do-not-treat', supply: 'self-medicated' });
    expect(j.explanation).toContain('sold over the counter and not recorded as prescribed');
  });

  it('keeps a prescribed NSAID at caution within the hold, clear outside it', () => {
    expect(judge('ibuprofen', 'prescribed', daysAgo(1)).severity).toBe('caution');
    expect(judge('ibuprofen', 'prescribed', daysAgo(1)).explanation).toContain(prescriberDecides);
    expect(judge('ibuprofen', 'prescribed', daysAgo(8)).severity).toBe('clear');
  });

  it('rates COX-2 selective NSAIDs by the clinic’s COX-2 setting, not the self-medicated one', () => {
    expect(judge('celecoxib', null, daysAgo(1)).severity).toBe('clear');
    expect(
      judge('celecoxib', null, daysAgo(1), { cox2SelectiveSeverity: 'caution' }).severity,
    ).toBe('caution');
  });

  it('uses the supplement hold for supplements', () => {
    const patch = { holdDays: { aspirin: 7, nsaid: 7, supplement: 14 } };
    expect(judge('fish-oil', 'self-medicated', daysAgo(10), patch).severity).toBe('do-not-treat');
    expect(judge('fish-oil', 'self-medicated', daysAgo(14), patch).severity).toBe('clear');
  });

  it('leaves everyday medicines clear', () => {
    expect(judge('paracetamol', 'self-medicated', today).severity).toBe('clear');
  });
});

describe('unknown and impossible last doses', () => {
  it('flags an unknown last dose as a caution and says what the answer would change', () => {
    const j = judge('ibuprofen', 'self-medicated', null);
    expect(j).toMatchObject({
      ruleId: 'medicine.last-dose-unknown',
      severity: 'caution',
      daysSinceLastDose: null,
    });
    expect(j.explanation).toContain('Last dose: not known.');
    expect(j.explanation).toContain('within the 7-day hold period it is do-not-treat');
  });

  it.each(['2025-06-16', `${today}T11:00`, '2025-02-30', 'last week'])(
    'refuses to read %s as a last dose and asks to check it',
    (lastDose) => {
      const j = judge('ibuprofen', 'self-medicated', lastDose);
      expect(j).toMatchObject({ ruleId: 'medicine.last-dose-invalid', severity: 'caution' });
    },
  );
});

describe('properties over the hold period', () => {
  const selfIds = ['aspirin', 'ibuprofen', 'naproxen', 'fish-oil', 'ginkgo'];
  const allIds = [...selfIds, 'apixaban', 'sertraline', 'clopidogrel', 'celecoxib', 'paracetamol'];
  const supply = fc.constantFrom<MedicineSupply | null>('prescribed', 'self-medicated', null);
  const hold = fc.integer({ min: 0, max: 60 });
  const days = fc.integer({ min: 0, max: 400 });

  it('self-medicated: do-not-treat exactly while days < hold, clear from the hold on', () => {
    fc.assert(
      fc.property(fc.constantFrom(...selfIds), hold, days, (id, h, d) => {
        const j = judge(id, 'self-medicated', daysAgo(d), {
          holdDays: { aspirin: h, nsaid: h, supplement: h },
        });
        expect(j.severity).toBe(d < h ? 'do-not-treat' : 'clear');
        expect(j.daysSinceLastDose).toBe(d);
      }),
    );
  });

  it('a later last dose is never judged milder than an earlier one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allIds), supply, hold, days, days, (id, s, h, a, b) => {
        const patch = { holdDays: { aspirin: h, nsaid: h, supplement: h } };
        const [recent, older] = a <= b ? [a, b] : [b, a];
        const r = judge(id, s, daysAgo(recent), patch);
        const o = judge(id, s, daysAgo(older), patch);
        expect(severityRank(r.severity)).toBeGreaterThanOrEqual(severityRank(o.severity));
      }),
    );
  });

  it('prescribed is never do-not-treat nor told to stop, and no patient message says stop', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allIds),
        supply,
        fc.option(days, { nil: null }),
        fc.constantFrom<'caution' | 'do-not-treat'>('caution', 'do-not-treat'),
        (id, s, d, selfSeverity) => {
          const j = judge(id, s, d === null ? null : daysAgo(d), {
            selfMedicatedThinnerWithinHold: selfSeverity,
          });
          expect(j.patientMessage).not.toMatch(/\bstop/i);
          if (j.supply === 'prescribed') {
            // The wording today's anticoagulant property demands of every prescribed line.
            expect(j.patientMessage).not.toMatch(
              /\b(stop|stopping|pause|skip|avoid|hold|discontinue|withhold)\b/i,
            );
            expect(j.severity).not.toBe('do-not-treat');
            if (j.severity !== 'clear') expect(j.explanation).toContain(prescriberDecides);
          }
        },
      ),
    );
  });

  it('an unknown last dose is never clear for a thinner', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allIds.filter((i) => i !== 'paracetamol')),
        supply,
        (id, s) => {
          expect(judge(id, s, null).severity).not.toBe('clear');
        },
      ),
    );
  });

  it('hours and days agree: a dose at any time of an earlier day counts whole days', () => {
    fc.assert(
      fc.property(
        days,
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (d, h, m) => {
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const j = judge(
            'ibuprofen',
            'self-medicated',
            `${daysAgo(d)}T${time}`,
            {},
            `${today}T23:59`,
          );
          expect(j.daysSinceLastDose).toBe(d);
        },
      ),
    );
  });
});
