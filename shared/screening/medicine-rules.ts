import { assertNever } from '../api/result';
import { daysBetween } from './clinical-dates';
import type { DrugClass, DrugEntry } from './drug-types';
import { isRiskClass } from './drug-types';
import type { MedicineMatch } from './medicine-matcher';
import { matchMedicineLine } from './medicine-matcher';
import type { ScreeningSettings } from './screening-settings';
import type { MedicineLine, ScreeningFinding, ScreeningInput } from './screening-types';
import type { Severity } from './severity';

/**
 * Findings for the patient's medicine lines. Mesochart never tells a patient to stop a prescribed
 * medicine: prescribed anticoagulants, antiplatelets and antidepressants are always a caution for
 * the practitioner, worded so that the prescriber decides.
 */

export const prescriberDecides = 'Do not advise stopping: the prescriber decides.';

/** Who supplies it decides the wording: hold advice only for what the patient chose to take. */
type Supply = 'prescribed' | 'self' | 'unknown';

function supplyOf(entry: DrugEntry, line: MedicineLine): Supply {
  if (!entry.overTheCounter) return 'prescribed';
  if (line.prescribed === true) return 'prescribed';
  if (line.prescribed === false) return 'self';
  return entry.usuallyPrescribed ? 'unknown' : 'self';
}

const classLabels: Record<DrugClass, string> = {
  'vitamin-k-antagonist': 'vitamin K antagonist (anticoagulant)',
  'direct-oral-anticoagulant': 'direct oral anticoagulant',
  heparin: 'heparin or related anticoagulant',
  antiplatelet: 'antiplatelet',
  nsaid: 'NSAID',
  'ssri-snri': 'SSRI/SNRI antidepressant',
  supplement: 'supplement that can increase bleeding',
  'not-blood-thinner': 'not a blood thinner',
};

interface Context {
  readonly line: MedicineLine;
  readonly match: MedicineMatch;
  readonly lastDose: string | null;
  readonly settings: ScreeningSettings;
  readonly today: string;
}

function describe({ line, match }: Context): string {
  const { entry } = match;
  const spelling = match.exact ? '' : ` (read as ${entry.generic}; check the spelling)`;
  const note = entry.note === undefined ? '' : ` Note: ${entry.note}.`;
  return `"${line.text.trim()}" is ${entry.generic}, ${classLabels[entry.drugClass]}${spelling}.${note}`;
}

type DoseTiming = { kind: 'unknown' } | { kind: 'invalid' } | { kind: 'days'; days: number };

function doseTiming(ctx: Context): DoseTiming {
  if (ctx.lastDose === null) return { kind: 'unknown' };
  const days = daysBetween(ctx.lastDose, ctx.today);
  if (days === undefined || days < 0) return { kind: 'invalid' };
  return { kind: 'days', days };
}

function lastDoseText(timing: DoseTiming): string {
  switch (timing.kind) {
    case 'unknown':
      return 'Last dose: unknown.';
    case 'invalid':
      return 'Last dose date is not valid (in the future?): check it.';
    case 'days':
      return `Last dose ${timing.days} day(s) ago.`;
    default:
      return assertNever(timing);
  }
}

function finding(
  ctx: Context,
  ruleId: string,
  severity: Severity,
  explanation: string,
  patientMessage: string,
): ScreeningFinding {
  return { ruleId, severity, explanation, patientMessage, medicineLineId: ctx.line.id };
}

/** Anticoagulants, prescribed antiplatelets and antidepressants: always caution, never "stop". */
function prescribedAlways(ctx: Context, ruleId: string, effect: string): ScreeningFinding {
  const name = ctx.match.entry.generic;
  return finding(
    ctx,
    ruleId,
    'caution',
    `${describe(ctx)} ${effect} ${lastDoseText(doseTiming(ctx))} ${prescriberDecides}`,
    `Keep taking your ${name} exactly as your doctor prescribed. You may bruise or bleed more easily after the treatment; tell us if you do.`,
  );
}

/** Aspirin that may be either low-dose for the heart or a painkiller: ask, never advise stopping. */
function aspirinUnknownSupply(ctx: Context): ScreeningFinding {
  return finding(
    ctx,
    'medicine.aspirin-supply-unknown',
    'caution',
    `${describe(ctx)} It may be prescribed (low dose, for the heart) or self-medicated (for pain): ask. ${lastDoseText(doseTiming(ctx))} If prescribed: ${prescriberDecides} If self-medicated, the clinic's hold period is ${ctx.settings.holdDays.aspirin} days.`,
    'Please tell us whether a doctor prescribed your aspirin. Keep taking any medicine your doctor prescribed as they told you.',
  );
}

function holdDaysFor(entry: DrugEntry, settings: ScreeningSettings): number {
  if (entry.containsAspirin === true) return settings.holdDays.aspirin;
  return entry.drugClass === 'supplement' ? settings.holdDays.supplement : settings.holdDays.nsaid;
}

/** NSAIDs, self-medicated aspirin and supplements: caution within the clinic's hold period. */
function holdPeriod(ctx: Context, supply: Supply): ScreeningFinding {
  const { entry } = ctx.match;
  const hold = holdDaysFor(entry, ctx.settings);
  const timing = doseTiming(ctx);
  const prescribed = supply !== 'self';
  const advice = prescribed ? prescriberDecides : `Hold period: ${hold} days.`;
  const keepTaking = `Keep taking your ${entry.generic} as your doctor prescribed; the practitioner will take it into account.`;
  const base = `${describe(ctx)} ${lastDoseText(timing)} ${advice}`;
  switch (timing.kind) {
    case 'unknown':
    case 'invalid':
      return finding(
        ctx,
        timing.kind === 'unknown' ? 'medicine.last-dose-unknown' : 'medicine.last-dose-invalid',
        'caution',
        `${base} The last dose must be known to judge the bleeding risk.`,
        prescribed
          ? keepTaking
          : `Please tell us when you last took ${entry.generic}. It can make bruising more likely if taken in the ${hold} days before treatment.`,
      );
    case 'days': {
      if (timing.days >= hold) {
        return finding(
          ctx,
          'medicine.outside-hold',
          'clear',
          `${base} Outside the hold period.`,
          `Your last ${entry.generic} was long enough ago.`,
        );
      }
      const cox2 = entry.cox2Selective === true;
      const severity: Severity = cox2 ? ctx.settings.cox2SelectiveSeverity : 'caution';
      const cox2Note = cox2 ? ' COX-2 selective: little effect on platelets.' : '';
      return finding(
        ctx,
        'medicine.within-hold',
        severity,
        `${base} Taken within the hold period: more bruising and bleeding is likely.${cox2Note}`,
        prescribed
          ? keepTaking
          : `${entry.generic} taken in the ${hold} days before treatment makes bruising more likely. Next time, avoid it for ${hold} days before your appointment if you can.`,
      );
    }
    default:
      return assertNever(timing);
  }
}

function riskFinding(ctx: Context): ScreeningFinding {
  const { entry } = ctx.match;
  const supply = supplyOf(entry, ctx.line);
  switch (entry.drugClass) {
    case 'vitamin-k-antagonist':
    case 'direct-oral-anticoagulant':
    case 'heparin':
      return prescribedAlways(
        ctx,
        'medicine.anticoagulant',
        'Anticoagulant: bleeding and bruising are more likely.',
      );
    case 'antiplatelet':
      if (supply === 'prescribed') {
        return prescribedAlways(
          ctx,
          'medicine.antiplatelet',
          'Antiplatelet: bruising and bleeding are more likely.',
        );
      }
      return supply === 'unknown' ? aspirinUnknownSupply(ctx) : holdPeriod(ctx, supply);
    case 'ssri-snri':
      return prescribedAlways(
        ctx,
        'medicine.ssri-snri',
        'Serotonergic antidepressants increase bruising.',
      );
    case 'nsaid':
    case 'supplement':
      return holdPeriod(ctx, supply);
    case 'not-blood-thinner':
      throw new Error('riskFinding called for an everyday medicine');
    default:
      return assertNever(entry.drugClass);
  }
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
    const lastDose = lastDoseFor(line, input);
    const base = { line, lastDose, settings: input.settings, today: input.today };
    const text = line.text.trim();
    if (result.status === 'not-recognised') {
      findings.push({
        ruleId: 'medicine.not-recognised',
        severity: 'caution',
        explanation: `"${text}" was not recognised. Check whether it affects bleeding.`,
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
        findings.push(riskFinding({ ...base, match }));
      } else if (result.status === 'safe') {
        findings.push({
          ruleId: 'medicine.not-blood-thinner',
          severity: 'clear',
          explanation: `"${text}" is ${match.entry.generic}: not a blood thinner.`,
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
        patientMessage: 'The practitioner will ask you about one of your medicines.',
        medicineLineId: line.id,
      });
    }
  }
  return findings;
}
