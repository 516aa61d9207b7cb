import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import i18n from '../../../renderer/src/i18n/index';
import {
  findingText,
  isTranslatedFinding,
} from '../../../renderer/src/features/screening/finding-text';
import { runScreening } from '../../../shared/screening/screening';
import { clearInput, daysAgo, medicine } from './screening-fixtures';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);

/** The rules' findings for a day with alcohol two hours ago, a vaccination last week and a fever. */
function findings() {
  const input = clearInput();
  input.dayOf = {
    ...input.dayOf,
    hoursSinceAlcohol: 2,
    feverOrIllness: true,
    vaccination: { answer: 'yes', date: daysAgo(6) },
  };
  return runScreening(input).findings;
}

describe('findings in the screens’ language', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('the English catalogue says exactly what the rules say', async () => {
    await i18n.changeLanguage('en');
    const worded = findings().filter((f) => i18n.exists(`findingRules.${f.ruleId}`));
    expect(worded.map((f) => f.ruleId).sort()).toEqual([
      'day-of.alcohol',
      'day-of.fever-or-illness',
      'day-of.vaccination',
    ]);
    for (const f of worded) expect(findingText(f)).toBe(f.explanation);
  });

  it('French, Turkish and Arabic carry the finding’s values', async () => {
    const alcohol = findings().find((f) => f.ruleId === 'day-of.alcohol')!;
    const window = String(alcohol.params?.['window']);
    const shown: Record<string, string> = {};
    for (const language of ['fr', 'tr', 'ar']) {
      await i18n.changeLanguage(language);
      shown[language] = findingText(alcohol);
      expect(shown[language]).toContain('2');
      expect(shown[language]).toContain(window);
    }
    expect(shown['fr']).toBe(
      `Alcool il y a 2 heure(s), dans le délai de ${window} heures fixé par le cabinet : davantage d’ecchymoses.`,
    );
  });

  it('each translation names the same values as the English', () => {
    const read = (language: string) =>
      JSON.parse(
        readFileSync(path.join('renderer', 'src', 'i18n', `${language}-findings.json`), 'utf8'),
      ) as { findingRules: Record<string, Record<string, string>> };
    const en = read('en').findingRules;
    for (const language of ['fr', 'tr', 'ar']) {
      const own = read(language).findingRules;
      for (const [group, rules] of Object.entries(en)) {
        for (const [rule, text] of Object.entries(rules)) {
          expect(placeholders(own[group]?.[rule] ?? '').sort()).toEqual(placeholders(text).sort());
        }
      }
    }
  });

  it('the screens follow their language: an anticoagulant on French and Arabic screens', async () => {
    const input = clearInput();
    input.history.medicines = [medicine('m1', 'Xarelto 20 mg')];
    const [finding] = runScreening(input).findings;
    await i18n.changeLanguage('fr');
    expect(findingText(finding!)).toBe(
      '« Xarelto 20 mg » est rivaroxaban. Prescrit (uniquement sur ordonnance). Anticoagulant : saignements et ecchymoses plus probables. Dernière prise : inconnue. Ne conseillez pas d’arrêter : c’est au prescripteur de décider.',
    );
    expect(isTranslatedFinding(finding!)).toBe(true);
    await i18n.changeLanguage('ar');
    expect(findingText(finding!)).toContain('لا تنصح بالتوقف عنه: القرار للطبيب الذي وصفه.');
    await i18n.changeLanguage('en');
    expect(findingText(finding!)).toBe(finding!.explanation);
    expect(isTranslatedFinding(finding!)).toBe(false);
  });

  it('a rule the catalogue does not word yet shows its English explanation', async () => {
    await i18n.changeLanguage('fr');
    expect(findingText({ ruleId: 'no.such-rule', explanation: 'As the rule says' })).toBe(
      'As the rule says',
    );
  });
});
