import { afterAll, describe, expect, it } from 'vitest';
import i18n from '../../../renderer/src/i18n/index';
import en from '../../../renderer/src/i18n/en-findings.json';
import {
  safetyGateItems,
  type GateCheck,
  type GateFacts,
} from '../../../shared/sessions/safety-gate';

const day = '2025-06-15';
const check: GateCheck = {
  performedOn: day,
  performerIsPractitioner: true,
  status: 'passed',
  historyVersion: 2,
  productIds: ['p1'],
  substanceKeys: [],
};

function facts(patch: Partial<GateFacts>): GateFacts {
  return {
    moment: 'start',
    day,
    check,
    currentHistoryVersion: 2,
    planned: { productIds: ['p1'], substances: [] },
    consent: { procedureKind: 'skin-rejuvenation', state: 'valid' },
    ...patch,
  };
}

/** Every way the gate can refuse, between them. */
const situations: GateFacts[] = [
  facts({ check: null, consent: { procedureKind: 'skin-rejuvenation', state: 'none' } }),
  facts({ check: { ...check, performerIsPractitioner: false } }),
  facts({
    check: { ...check, status: 'stopped' },
    consent: { procedureKind: 'hair-loss', state: 'awaiting-practitioner' },
  }),
  facts({
    currentHistoryVersion: 3,
    planned: { productIds: ['p1', 'p2'], substances: [{ key: 'anaesthesia:emla', name: 'EMLA' }] },
    consent: { procedureKind: 'skin-rejuvenation', state: 'needs-attention' },
  }),
  facts({
    check: { ...check, historyVersion: null },
    planned: { productIds: ['p9'], substances: [] },
  }),
  facts({
    currentHistoryVersion: null,
    planned: { productIds: ['p1'], substances: [{ key: 'anaesthesia:emla', name: 'EMLA' }] },
  }),
  facts({
    moment: 'sign',
    substances: [
      {
        key: 'anaesthesia:lidocaine',
        name: 'Lidocaine 2%',
        severity: 'do-not-treat',
        explanation: 'Allergy or intolerance "lidocaine" and Lidocaine 2% contains lidocaine.',
      },
    ],
  }),
];
const items = situations.flatMap((f) => {
  const { fields, texts } = safetyGateItems(f);
  return Object.keys(fields).map((field) => ({ english: fields[field]!, text: texts[field]! }));
});

describe('the session gate’s items in the reader’s language', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('each item names its catalogue text, whose English is the service’s sentence', async () => {
    await i18n.changeLanguage('en');
    expect(items.length).toBeGreaterThan(10);
    for (const { english, text } of items) {
      expect(i18n.t(text.key, text.params ?? {})).toBe(english);
    }
  });

  it('every gate text of the catalogue is one the gate gives', () => {
    const keys = (tree: object, prefix: string): string[] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'string' ? [`${prefix}.${k}`] : keys(v as object, `${prefix}.${k}`),
      );
    const given = new Set(items.map((i) => i.text.key));
    const unused = keys(en.gateReasons, 'gateReasons').filter(
      (k) => !k.startsWith('gateReasons.opening.') && !given.has(k),
    );
    expect(unused).toEqual([]);
  });

  it.each([
    ['fr', 'Rajeunissement cutané', 'version 2 → 3'],
    ['tr', 'Cilt gençleştirme', 'sürüm 2 → 3'],
    ['ar', 'تجديد البشرة', 'من الإصدار 2 إلى الإصدار 3'],
  ])(
    '%s: the procedure by its name, the versions and counts kept',
    async (language, kind, versions) => {
      await i18n.changeLanguage(language);
      const shown = items.map(({ text }) => i18n.t(text.key, text.params ?? {}));
      for (const text of shown) expect(text).not.toMatch(/\$t\(|\{\{|gateReasons/);
      expect(shown.some((t) => t.includes(kind))).toBe(true);
      expect(shown.some((t) => t.includes(versions))).toBe(true);
      expect(shown.some((t) => t.includes('EMLA'))).toBe(true);
    },
  );
});
