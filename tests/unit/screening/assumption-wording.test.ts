import { afterEach, describe, expect, it } from 'vitest';
import { startTreatmentClinic, type Clinic } from '../sessions/fixtures';
import { submitHistory } from './fixtures';
import type { ScreeningPrefill } from '../../../shared/api/screening';
import { catalogueLookup } from '../../../shared/screening/finding-wording';
import enFindings from '../../../renderer/src/i18n/en-findings.json';
import frFindings from '../../../renderer/src/i18n/fr-findings.json';
import trFindings from '../../../renderer/src/i18n/tr-findings.json';
import arFindings from '../../../renderer/src/i18n/ar-findings.json';

let clinic: Clinic | undefined;
afterEach(async () => {
  await clinic?.app.close();
  clinic = undefined;
});

// The check's notes on what the intake left unsaid were shown in the service's English on every
// screen; the prefill now names each note's catalogue key so the screens word it.
describe('the pre-procedure check’s assumptions', () => {
  it('name their catalogue keys, worded in English as the service says them and in French, Turkish and Arabic', async () => {
    clinic = await startTreatmentClinic();
    await submitHistory(clinic.app, clinic.patientId, (a) => {
      a.conditions.diabetes = 'yes';
      a.conditions.hypertension = 'yes';
    });
    const prefill = await clinic.app.ok<ScreeningPrefill>('screening.prefill', {
      patientId: clinic.patientId,
    });
    expect(prefill.assumptionPhrases).toEqual(['assumption.insulin', 'assumption.hypertension']);
    const key = (phrase: string) => `findingPhrases.${phrase}`;
    prefill.assumptionPhrases.forEach((phrase, i) => {
      expect(catalogueLookup(enFindings)(key(phrase))).toBe(prefill.assumptions[i]);
      for (const other of [frFindings, trFindings, arFindings]) {
        const text = catalogueLookup(other)(key(phrase));
        expect(text).toBeTruthy();
        expect(text).not.toBe(prefill.assumptions[i]);
      }
    });
    expect(catalogueLookup(frFindings)(key('assumption.insulin'))).toMatch(/insuline/);
  });
});
