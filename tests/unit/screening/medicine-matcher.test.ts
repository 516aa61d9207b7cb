import { describe, expect, it } from 'vitest';
import { bloodThinnerReference } from '../../../shared/screening/drug-reference';
import { drugClasses } from '../../../shared/screening/drug-types';
import { everydayReference } from '../../../shared/screening/everyday-medicines';
import {
  allowedEdits,
  matchMedicineLine,
  medicineReference,
} from '../../../shared/screening/medicine-matcher';
import { damerauLevenshtein } from '../../../shared/screening/edit-distance';
import { normaliseName } from '../../../shared/screening/text-normalise';
import { negativeLines, positiveLines } from './medicine-lines';

describe('medicine line table', () => {
  it('recognises blood thinners and supplements (recall) without flagging everyday medicines', () => {
    const misses: string[] = [];
    for (const [line, expected] of positiveLines) {
      const result = matchMedicineLine(line);
      const hit =
        result.status === 'risk' && result.matches.some((m) => expected.includes(m.entry.id));
      if (!hit) {
        const got = result.matches.map((m) => `${m.entry.id}@${m.confidence}`).join(', ');
        misses.push(`${line} -> ${result.status} [${got}]`);
      }
    }
    const falsePositives = negativeLines
      .map((line) => ({ line, result: matchMedicineLine(line) }))
      .filter(({ result }) => result.status === 'risk')
      .map(({ line, result }) => `${line} -> ${result.matches.map((m) => m.entry.id).join(', ')}`);
    const recall = (positiveLines.length - misses.length) / positiveLines.length;

    console.log(
      `medicine matcher: ${positiveLines.length} positives, recall ${recall.toFixed(3)}; ` +
        `${negativeLines.length} negatives, false positives ${falsePositives.length}`,
    );
    if (misses.length > 0) console.log(`missed:\n  ${misses.join('\n  ')}`);
    if (falsePositives.length > 0)
      console.log(`false positives:\n  ${falsePositives.join('\n  ')}`);

    expect(positiveLines.length + negativeLines.length).toBeGreaterThanOrEqual(150);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(falsePositives).toEqual([]);
  });

  it('recognises most everyday medicines as safe rather than unknown', () => {
    const unknown = negativeLines.filter((l) => matchMedicineLine(l).status !== 'safe');
    const rate = 1 - unknown.length / negativeLines.length;
    console.log(
      `everyday medicines recognised as safe: ${rate.toFixed(3)} (${unknown.join('; ')})`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });
});

describe('matchMedicineLine', () => {
  it('reports the matched text as written, with confidence 1 for exact names', () => {
    const result = matchMedicineLine('Eliquis 5mg BID');
    expect(result.status).toBe('risk');
    expect(result.matches).toHaveLength(1);
    const [match] = result.matches;
    expect(match?.matchedText).toBe('Eliquis');
    expect(match?.confidence).toBe(1);
    expect(match?.entry).toMatchObject({
      generic: 'apixaban',
      drugClass: 'direct-oral-anticoagulant',
      usuallyPrescribed: true,
      overTheCounter: false,
    });
  });

  it('gives misspellings a lower confidence', () => {
    const match = matchMedicineLine('ibuprofin').matches[0];
    expect(match?.entry.id).toBe('ibuprofen');
    expect(match?.exact).toBe(false);
    expect(match?.confidence).toBeLessThan(1);
    expect(match?.confidence).toBeGreaterThan(0.5);
  });

  it('prefers the longest name: Anadin Extra contains aspirin, Anadin Paracetamol does not', () => {
    expect(matchMedicineLine('Anadin Extra').matches[0]?.entry.id).toBe(
      'aspirin-paracetamol-caffeine',
    );
    expect(matchMedicineLine('Anadin Paracetamol').status).toBe('safe');
    expect(matchMedicineLine('Anadin Ibuprofen').matches[0]?.entry.id).toBe('ibuprofen');
  });

  it('flags a line with a blood thinner next to an everyday medicine', () => {
    const result = matchMedicineLine('Panadol and Nurofen');
    expect(result.status).toBe('risk');
    expect(result.matches.map((m) => m.entry.id)).toEqual(['ibuprofen', 'paracetamol']);
  });

  it('matches short names only as whole tokens and never fuzzily', () => {
    expect(matchMedicineLine('ASA 81').status).toBe('risk');
    expect(matchMedicineLine('asap').status).toBe('not-recognised');
    expect(matchMedicineLine('basal insulin').matches.map((m) => m.entry.id)).toEqual(['insulin']);
    expect(matchMedicineLine('EPA').status).toBe('risk');
    expect(matchMedicineLine('EPI pen').status).not.toBe('risk');
  });

  it('does not confuse vitamin E with other vitamins', () => {
    expect(matchMedicineLine('vitamin E').matches[0]?.entry.id).toBe('vitamin-e');
    for (const line of ['vitamin D', 'vitamin C', 'vitamine D', 'Vitamin B6', 'vitamin K2']) {
      expect(matchMedicineLine(line).status, line).toBe('safe');
    }
  });

  it('treats ginger and green tea drinks as food but their capsules as supplements', () => {
    expect(matchMedicineLine('ginger ale').status).toBe('safe');
    expect(matchMedicineLine('ginger tea').status).toBe('safe');
    expect(matchMedicineLine('ginger').matches[0]?.entry.id).toBe('ginger');
    expect(matchMedicineLine('green tea 500mg').matches[0]?.entry.id).toBe('green-tea-extract');
    expect(matchMedicineLine('ginger tea capsules').matches[0]?.entry.id).toBe('ginger');
  });

  it('trusts an aspirin-free label over the brand', () => {
    expect(matchMedicineLine('Excedrin').status).toBe('risk');
    const free = matchMedicineLine('Excedrin Aspirin Free');
    expect(free.status).toBe('safe');
    expect(free.unrecognisedWords).toEqual([]);
  });

  it('reports leftover name-like words so partial matches are never silent', () => {
    const result = matchMedicineLine('Panadol and Zorblax 10mg');
    expect(result.status).toBe('safe');
    expect(result.unrecognisedWords).toEqual(['Zorblax']);
    expect(matchMedicineLine('Metformin 500mg twice daily with meals').unrecognisedWords).toEqual(
      [],
    );
  });

  it('does not recognise empty, numeric or unknown lines', () => {
    for (const line of ['', '   ', '500 mg', 'blood thinner (not sure which)', 'Zorblax']) {
      expect(matchMedicineLine(line).status, line).toBe('not-recognised');
    }
  });

  it('never turns ordinary words around a medicine into a match', () => {
    const words =
      'tablets capsules daily morning evening night before after food water heart blood ' +
      'pressure cholesterol thyroid headache migraine period pains arthritis supplement ' +
      'doctor prescribed occasionally sometimes weekly monthly stopped started cream ' +
      'injection inhaler drops spray patch sachet powder liquid syrup chewable strength ' +
      'energy immune memory sleep anxiety depression allergy hayfever asthma breakfast ' +
      'dinner bedtime needed required currently generic brand pharmacy chemist holiday ' +
      'hospital dentist dermatologist cardiologist surgery stent valve pacemaker';
    const flagged = words.split(' ').filter((w) => matchMedicineLine(w).status === 'risk');
    expect(flagged).toEqual([]);
  });

  it('is fast enough to run on every keystroke', () => {
    const lines = [...positiveLines.map(([l]) => l), ...negativeLines];
    const started = performance.now();
    for (let round = 0; round < 5; round++) lines.forEach((l) => matchMedicineLine(l));
    const perLine = (performance.now() - started) / (lines.length * 5);
    console.log(`medicine matcher: ${perLine.toFixed(3)} ms per line`);
    expect(perLine).toBeLessThan(5);
  });
});

describe('drug reference', () => {
  it('covers every class of the clinical reference with prescribed and OTC flags', () => {
    for (const drugClass of drugClasses) {
      expect(
        medicineReference.some((e) => e.drugClass === drugClass),
        drugClass,
      ).toBe(true);
    }
    for (const entry of medicineReference) {
      expect(typeof entry.usuallyPrescribed).toBe('boolean');
      expect(typeof entry.overTheCounter).toBe('boolean');
      expect(entry.usuallyPrescribed || entry.overTheCounter, entry.id).toBe(true);
    }
    expect(new Set(medicineReference.map((e) => e.id)).size).toBe(medicineReference.length);
  });

  it('marks COX-2 selective NSAIDs and aspirin-containing products', () => {
    const cox2 = bloodThinnerReference.filter((e) => e.cox2Selective === true).map((e) => e.id);
    expect(cox2).toEqual(expect.arrayContaining(['celecoxib', 'etoricoxib']));
    expect(cox2).not.toContain('ibuprofen');
    for (const id of ['aspirin-paracetamol-caffeine', 'aspirin-caffeine', 'aspirin-effervescent']) {
      const entry = bloodThinnerReference.find((e) => e.id === id);
      expect(entry?.containsAspirin, id).toBe(true);
      expect(entry?.overTheCounter, id).toBe(true);
    }
  });

  it('has no name that means both a blood thinner and an everyday medicine', () => {
    const risky = new Map<string, string>();
    bloodThinnerReference.forEach((e) =>
      e.names.forEach((n) => risky.set(normaliseName(n).join(' '), e.id)),
    );
    const clashes = everydayReference.flatMap((e) =>
      e.names.filter((n) => risky.has(normaliseName(n).join(' '))).map((n) => `${e.id}: ${n}`),
    );
    expect(clashes).toEqual([]);
  });

  it('keeps blood-thinner and everyday single-word names further apart than a typo', () => {
    const single = (entries: typeof medicineReference): string[] =>
      entries.flatMap((e) =>
        e.names
          .map((n) => normaliseName(n))
          .filter((t) => t.length === 1)
          .map((t) => t[0] ?? ''),
      );
    const safe = single(everydayReference);
    const close: string[] = [];
    for (const risk of single(bloodThinnerReference)) {
      for (const other of safe) {
        const limit = allowedEdits(Math.min(risk.length, other.length));
        if (limit > 0 && damerauLevenshtein(risk, other, limit) <= limit) {
          close.push(`${risk} ~ ${other}`);
        }
      }
    }
    console.log(`look-alike blood-thinner / everyday names: ${close.join(', ') || 'none'}`);
    // Such pairs are resolved by exact matching first; the list documents them for reviewers.
    expect(close.length).toBeLessThan(10);
  });
});

describe('damerauLevenshtein', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(damerauLevenshtein('warfarin', 'warfarine')).toBe(1);
    expect(damerauLevenshtein('ibuprofen', 'ibuprofin')).toBe(1);
    expect(damerauLevenshtein('xarelto', 'xaretlo')).toBe(1);
    expect(damerauLevenshtein('aspirin', 'asprin')).toBe(1);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
    expect(damerauLevenshtein('same', 'same')).toBe(0);
  });

  it('stops early above the limit', () => {
    expect(damerauLevenshtein('apixaban', 'metformin', 2)).toBe(3);
    expect(damerauLevenshtein('a', 'abcdef', 2)).toBe(3);
  });
});
