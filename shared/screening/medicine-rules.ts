import { isRiskClass } from './drug-types';
import { list, phrase } from './finding-wording';
import type { MedicineMatch } from './medicine-matcher';
import { matchMedicineLine } from './medicine-matcher';
import type { MedicineLine, ScreeningFinding, ScreeningInput } from './screening-types';
import type { MedicineSupply } from './thinner-supply-rule';
import { judgeThinnerLine } from './thinner-supply-rule';

export { prescriberDecides } from './thinner-supply-rule';

/**
 * Findings for the patient's medicine lines. Mesochart never tells a patient to stop a prescribed
 * medicine: prescribed anticoagulants, antiplatelets and antidepressants are always a caution for
 * the practitioner, worded so that the prescriber decides. Who supplies a thinner and when it was
 * last taken are judged by judgeThinnerLine (thinner-supply-rule.ts).
 */

/** The check's answer for the line, else what the intake recorded; null when nobody asked. */
function supplyFor(line: MedicineLine, input: ScreeningInput): MedicineSupply | null {
  const answer = input.dayOf.lastDoses.find((d) => d.lineId === line.id)?.supply;
  if (answer) return answer;
  if (line.prescribed === true) return 'prescribed';
  if (line.prescribed === false) return 'self-medicated';
  return null;
}

function riskFinding(
  line: MedicineLine,
  match: MedicineMatch,
  input: ScreeningInput,
): ScreeningFinding {
  const j = judgeThinnerLine({
    line,
    entry: match.entry,
    exact: match.exact,
    supply: supplyFor(line, input),
    lastDose: lastDoseFor(line, input),
    checkedAt: input.today,
    settings: input.settings,
  });
  // Only the finding is stored; the judgement's working (supply, days) is in its explanation.
  return {
    ruleId: j.ruleId,
    severity: j.severity,
    explanation: j.explanation,
    ...(j.wording ? { wording: j.wording } : {}),
    ...(j.params ? { params: j.params } : {}),
    patientMessage: j.patientMessage,
    medicineLineId: j.medicineLineId,
  };
}

function lastDoseFor(line: MedicineLine, input: ScreeningInput): string | null {
  const dayOf = input.dayOf.lastDoses.find((d) => d.lineId === line.id)?.lastDose;
  return dayOf ?? line.lastDose ?? null;
}

export function checkMedicines(input: ScreeningInput): ScreeningFinding[] {
  const findings: ScreeningFinding[] = [];
  const lines = [...input.history.medicines, ...input.dayOf.newMedicines];
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    const result = matchMedicineLine(line.text);
    const text = line.text.trim();
    if (result.status === 'not-recognised') {
      findings.push({
        ruleId: 'medicine.not-recognised',
        severity: 'caution',
        explanation: `"${text}" was not recognised. Check whether it affects bleeding.`,
        params: { text },
        patientMessage: 'The practitioner will ask you about one of your medicines.',
        medicineLineId: line.id,
      });
      continue;
    }
    const seen = new Set<string>();
    for (const match of result.matches) {
      if (seen.has(match.entry.id)) continue;
      seen.add(match.entry.id);
      if (isRiskClass(match.entry.drugClass)) {
        findings.push(riskFinding(line, match, input));
      } else if (result.status === 'safe') {
        findings.push({
          ruleId: 'medicine.not-blood-thinner',
          severity: 'clear',
          explanation: `"${text}" is ${match.entry.generic}: not a blood thinner.`,
          params: { text, generic: match.entry.generic },
          patientMessage: 'No change needed.',
          medicineLineId: line.id,
        });
      }
    }
    if (result.unrecognisedWords.length > 0) {
      findings.push({
        ruleId: 'medicine.partly-recognised',
        severity: 'caution',
        explanation: `In "${text}", ${result.unrecognisedWords.map((w) => `"${w}"`).join(', ')} was not recognised. Check it.`,
        params: {
          text,
          words: list(result.unrecognisedWords.map((w) => phrase('quoted', { text: w }))),
        },
        patientMessage: 'The practitioner will ask you about one of your medicines.',
        medicineLineId: line.id,
      });
    }
  }
  return findings;
}
