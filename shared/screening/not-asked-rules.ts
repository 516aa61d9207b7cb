import { yesNoQuestionNames } from '../api/history';
import { phrase } from './finding-wording';
import type { ScreeningFinding, ScreeningInput } from './screening-types';

/**
 * The intake questions nobody asked. "Not asked" is not "no": each one is flagged as a caution
 * that says which question is open, so the practitioner asks it before treating rather than the
 * check staying quiet about it.
 */

/** Questions the day's check asks again itself: its answer stands in for the intake's. */
function askedToday(path: string, input: ScreeningInput): boolean {
  if (path === 'conditions.pregnancy') return input.dayOf.pregnantNow !== null;
  if (path === 'conditions.breastfeeding') return input.dayOf.breastfeedingNow !== null;
  return false;
}

export function checkNotAsked(input: ScreeningInput): ScreeningFinding[] {
  return (input.history.notAsked ?? [])
    .filter((path) => !askedToday(path, input))
    .map((path) => {
      const known = Object.prototype.hasOwnProperty.call(yesNoQuestionNames, path);
      const name = known ? yesNoQuestionNames[path as keyof typeof yesNoQuestionNames] : path;
      return {
        ruleId: `history.not-asked.${path}`,
        severity: 'caution' as const,
        explanation: `Not asked at intake: ${name}. The answer is unknown, not "no": ask the patient before treating and update the medical history.`,
        // One wording for every question; a path this version does not know stays as stored.
        wording: 'history.not-asked',
        params: { question: known ? phrase(`intakeQuestion.${path}`) : path },
        patientMessage: 'The practitioner will ask you a question your medical history left open.',
      };
    });
}
