import { describe, expect, it } from 'vitest';
import { operationNames } from '../../../shared/api/contract';
import enRoles from '../../../renderer/src/i18n/en-roles.json';

/**
 * The role matrix in Settings names every action and area in plain words a clinic manager reads
 * (the other languages mirror the English catalogue: tests/unit/layout/ui-languages.test.ts). An
 * operation added to the contract without its words fails here: name it, then add it.
 */
describe('the role matrix in words', () => {
  const words = enRoles.roleOperations as Record<string, Record<string, string>>;
  const areas = enRoles.roleAreas as Record<string, string>;

  it('names every operation of the contract', () => {
    const missing = operationNames.filter((name) => {
      const [domain, verb] = name.split('.') as [string, string];
      return !words[domain]?.[verb];
    });
    expect(missing).toEqual([]);
  });

  it('names every area, in words rather than the operation prefix', () => {
    const domains = [...new Set(operationNames.map((n) => n.slice(0, n.indexOf('.'))))];
    expect(domains.filter((d) => !areas[d])).toEqual([]);
    for (const d of domains) expect(areas[d]).not.toBe(d);
    // Each action is a phrase, not a code: no operation names shown for people to decode.
    for (const verbs of Object.values(words)) {
      for (const text of Object.values(verbs)) expect(text).not.toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
  });
});
