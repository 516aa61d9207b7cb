import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyHistoryAnswers } from '../../../shared/api/history';
import { shippedLanguages } from '../../../shared/documents/languages';
import {
  catalogueLookup,
  matchPatientMessage,
  patientTemplates,
  wordFinding,
  wordFromCatalogue,
  wordPatientMessage,
  type FindingValue,
} from '../../../shared/screening/finding-wording';
import type { ScreeningFinding } from '../../../shared/screening/screening-types';
import { prescriberDecides } from '../../../shared/screening/thinner-supply-rule';
import { readHistory } from '../../../electron/services/screening/input';
import { safetyGate } from '../../../shared/sessions/safety-gate';
import { everyFinding } from './finding-scenarios';

const catalogue = (language: string) =>
  JSON.parse(
    readFileSync(path.join('renderer', 'src', 'i18n', `${language}-findings.json`), 'utf8'),
  ) as Record<string, unknown>;
const lookups = Object.fromEntries(
  shippedLanguages.map((l) => [l, catalogueLookup(catalogue(l))]),
) as Record<(typeof shippedLanguages)[number], ReturnType<typeof catalogueLookup>>;
const english = lookups.en;
const translations = shippedLanguages.filter((l) => l !== 'en');

/** Dotted keys of a nested catalogue section. */
function keysOf(tree: unknown, prefix: string): string[] {
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}.${key}`] : keysOf(value, `${prefix}.${key}`),
  );
}

/** The catalogue keys a value reaches: its phrases, nested phrases and list joins. */
function phraseKeys(value: FindingValue): string[] {
  if (typeof value === 'string' || typeof value === 'number') return [];
  if ('list' in value) {
    return [`findingPhrases.join.${value.join ?? 'comma'}`, ...value.list.flatMap(phraseKeys)];
  }
  return [
    `findingPhrases.${value.phrase}`,
    ...Object.values(value.params ?? {}).flatMap(phraseKeys),
  ];
}

/** The raw values a finding names (numbers, text as entered): every translation keeps them. */
function rawValues(value: FindingValue): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (typeof value === 'number') return [String(value)];
  if ('list' in value) return value.list.flatMap(rawValues);
  return Object.values(value.params ?? {}).flatMap(rawValues);
}

const findings = everyFinding();
const ruleKey = (f: ScreeningFinding) => `findingRules.${f.wording ?? f.ruleId}`;

describe('each rule yields its wording key and its values', () => {
  it('the scenarios reach every rule of the check', () => {
    expect(findings.length).toBeGreaterThan(80);
    const rules = new Set(
      findings.map((f) => f.ruleId.replace(/^history\.not-asked\..*/, 'history.not-asked')),
    );
    for (const rule of [
      'day-of.unanswered',
      'day-of.area-procedure',
      'condition.herpes-history',
      'surgery.date-unknown',
      'history.isotretinoin',
      'medicine.anticoagulant',
      'medicine.supply-unknown',
      'medicine.within-hold',
      'allergy.component',
      'allergy.substance-other-family',
    ]) {
      expect(rules).toContain(rule);
    }
  });

  it('the English catalogue gives back exactly what each rule says', () => {
    const differ = findings
      .filter((f) => wordFromCatalogue(f, english) !== f.explanation)
      .map((f) => `${ruleKey(f)}: ${f.explanation}`);
    expect(differ).toEqual([]);
  });

  it('a finding carries the values its explanation names', () => {
    const anticoagulant = findings.find((f) => f.ruleId === 'medicine.anticoagulant')!;
    expect(anticoagulant).toMatchObject({
      wording: 'medicine.every-day-prescribed',
      params: {
        what: {
          phrase: 'medicine.what',
          params: { text: 'Eliquis 5 mg twice daily', generic: 'apixaban' },
        },
        why: { phrase: 'supplyWhy.prescription-only' },
        effect: { phrase: 'effect.anticoagulant' },
        when: { phrase: 'lastDose.unknown' },
      },
    });
    const surgery = findings.find((f) => f.ruleId === 'surgery.in-area')!;
    expect(surgery.params).toEqual({ days: 10, window: 90 });
    const area = findings.find((f) => f.ruleId === 'day-of.area-procedure')!;
    expect(area.params).toEqual({
      kind: { phrase: 'procedure.laser' },
      when: { phrase: 'when.days-ago', params: { days: 3 } },
      window: 14,
    });
  });

  it('every key of the catalogue is a wording some rule uses (none left over)', () => {
    const used = new Set([
      ...findings.map(ruleKey),
      ...findings.flatMap((f) => Object.values(f.params ?? {}).flatMap(phraseKeys)),
      // The service's notes on what it assumed reading the intake.
      ...Object.values(readHistory(ambiguousIntake(), ['cheeks']).notes).map(
        (n) => `findingPhrases.${n.phrase}`,
      ),
    ]);
    const en = catalogue('en');
    const all = [
      ...keysOf(en['findingRules'], 'findingRules'),
      ...keysOf(en['findingPhrases'], 'findingPhrases'),
    ];
    expect(all.filter((k) => !used.has(k))).toEqual([]);
    expect([...used].filter((k) => english(k) === undefined)).toEqual([]);
  });

  it('the service’s notes read as the catalogue’s phrases', () => {
    const notes = Object.values(readHistory(ambiguousIntake(), ['cheeks']).notes);
    expect(notes).toHaveLength(4);
    for (const note of notes) expect(english(`findingPhrases.${note.phrase}`)).toBe(note.text);
  });
});

/** An intake that leaves the check to assume: which neurological disease, insulin, control, where. */
function ambiguousIntake() {
  const answers = emptyHistoryAnswers();
  answers.conditions.epilepsyOrNeurological = 'yes';
  answers.conditions.diabetes = 'yes';
  answers.conditions.hypertension = 'yes';
  answers.surgery.recent = 'yes';
  answers.surgery.date = '2025-06-01';
  return answers;
}

describe.each(translations)('findings in %s', (language) => {
  const own = lookups[language];
  const worded = findings.map((f) => ({ f, text: wordFinding(f, own, english) }));

  it('words every finding in full, translated, with the values it names', () => {
    const problems: string[] = [];
    for (const { f, text } of worded) {
      if (wordFromCatalogue(f, own) === undefined) problems.push(`${ruleKey(f)}: not worded`);
      else if (text === f.explanation) problems.push(`${ruleKey(f)}: still English`);
      for (const value of Object.values(f.params ?? {}).flatMap(rawValues)) {
        if (!text.includes(value)) problems.push(`${ruleKey(f)}: lost "${value}"`);
      }
      if (/\{\{|\}\}|undefined/.test(text)) problems.push(`${ruleKey(f)}: ${text}`);
    }
    expect(problems).toEqual([]);
  });

  it('never drops the advice to leave a prescribed medicine to its prescriber', () => {
    const leaveIt = {
      fr: 'Ne conseillez pas d’arrêter',
      tr: 'Bırakmasını önermeyin',
      ar: 'لا تنصح بالتوقف عنه',
    }[language as 'fr' | 'tr' | 'ar'];
    const prescribed = worded.filter(({ f }) => f.explanation.includes(prescriberDecides));
    expect(prescribed.length).toBeGreaterThan(4);
    for (const { text } of prescribed) expect(text.toLowerCase()).toContain(leaveIt.toLowerCase());
  });
});

describe('findings recorded before their rule was worded from the catalogue', () => {
  it('show the English they were recorded with', () => {
    const fr = lookups.fr;
    // A note appended to the explanation, with no trace of it in the finding's values.
    const older = {
      ruleId: 'condition.epilepsy',
      explanation:
        'Epilepsy: mesotherapy is not recommended. The intake asks about "epilepsy or another neurological disease" together and does not say which: read as epilepsy until you confirm.',
    };
    expect(wordFinding(older, fr, english)).toBe(older.explanation);
    // A thinner finding from before its values were kept.
    const thinner = findings.find((f) => f.ruleId === 'medicine.anticoagulant')!;
    const stored = { ruleId: thinner.ruleId, explanation: thinner.explanation };
    expect(wordFinding(stored, fr, english)).toBe(thinner.explanation);
    // A rule this version does not know.
    expect(wordFinding({ ruleId: 'no.such-rule', explanation: 'As recorded' }, fr, english)).toBe(
      'As recorded',
    );
  });

  it('a day-of finding keyed since the first catalogue is still translated', () => {
    const stored = {
      ruleId: 'day-of.alcohol',
      explanation: "Alcohol 2 hour(s) ago, within the clinic's 48-hour window: more bruising.",
      params: { hours: 2, window: 48 },
    };
    expect(wordFinding(stored, lookups.fr, english)).toBe(
      'Alcool il y a 2 heure(s), dans le délai de 48 heures fixé par le cabinet : davantage d’ecchymoses.',
    );
  });
});

describe('the session gate’s allergy item', () => {
  it('reads, in the English catalogue, exactly as the service refuses', () => {
    const finding = findings.find((f) => f.ruleId === 'allergy.substance-agent')!;
    const fields = safetyGate({
      moment: 'sign',
      day: '2025-06-15',
      check: null,
      currentHistoryVersion: null,
      planned: { productIds: [], substances: [] },
      consent: { procedureKind: 'skin-rejuvenation', state: 'valid' },
      substances: [
        {
          key: 'anaesthesia:lidocaine-2',
          name: 'Lidocaine 2%',
          severity: 'do-not-treat',
          explanation: finding.explanation,
        },
      ],
    });
    const template = english('gateReasons.allergy')!;
    expect(fields['gate.allergy.0']).toBe(
      template.replace('{{name}}', 'Lidocaine 2%').replace('{{finding}}', finding.explanation),
    );
  });
});

describe('what to tell the patient', () => {
  const templates = patientTemplates(catalogue('en')['findingPatient']);

  it('every rule’s patient message is one of the catalogue’s, each of them used', () => {
    const unmatched = findings
      .filter((f) => matchPatientMessage(f.patientMessage, templates) === null)
      .map((f) => `${f.ruleId}: ${f.patientMessage}`);
    expect(unmatched).toEqual([]);
    const used = new Set(
      findings.map((f) => matchPatientMessage(f.patientMessage, templates)?.key),
    );
    expect(templates.map((t) => t.key).filter((k) => !used.has(k))).toEqual([]);
  });

  it('reads the values back from the English', () => {
    expect(
      matchPatientMessage(
        'aspirin taken in the 7 days before treatment makes bruising more likely, so we will not treat you today. Next time, avoid it for 7 days before your appointment.',
        templates,
      ),
    ).toEqual({ key: 'withinHoldNotToday', params: { name: 'aspirin', hold: '7' } });
    // A message no text matches whole stays as it is.
    expect(wordPatientMessage('Come back tomorrow.', templates, lookups.fr)).toBe(
      'Come back tomorrow.',
    );
  });

  it.each(translations)(
    'in %s: translated with its values, and a prescribed medicine is to be kept taking',
    (language) => {
      const own = lookups[language];
      const problems: string[] = [];
      for (const f of findings) {
        const text = wordPatientMessage(f.patientMessage, templates, own);
        if (text === f.patientMessage) problems.push(`${f.ruleId}: still English`);
        const values = Object.values(
          matchPatientMessage(f.patientMessage, templates)?.params ?? {},
        );
        for (const v of values) if (!text.includes(v)) problems.push(`${f.ruleId}: lost ${v}`);
      }
      expect(problems).toEqual([]);
      const keep = { fr: 'Continuez à prendre', tr: 'almaya devam edin', ar: 'استمر في تناول' }[
        language as 'fr' | 'tr' | 'ar'
      ];
      const stop = { fr: /arrêt/i, tr: /bırak/i, ar: /توقّف|توقف/ }[language as 'fr' | 'tr' | 'ar'];
      const prescribed = findings.filter((f) => f.explanation.includes(prescriberDecides));
      for (const f of prescribed) {
        const text = wordPatientMessage(f.patientMessage, templates, own);
        expect(text).toContain(keep);
        expect(text).not.toMatch(stop);
      }
    },
  );
});
