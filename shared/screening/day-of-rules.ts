import { daysBetween } from './clinical-dates';
import { withinWindow } from './condition-rules';
import { list, phrase } from './finding-wording';
import type { ScreeningFinding, ScreeningInput } from './screening-types';

/**
 * Findings from the questions asked on the day. A question left unanswered is flagged (once, with
 * the list of questions) rather than read as "no".
 */

type Finding = Omit<ScreeningFinding, 'productId' | 'medicineLineId'>;

const questionLabels = {
  hoursSinceAlcohol: 'alcohol',
  pregnantNow: 'pregnancy',
  breastfeedingNow: 'breastfeeding',
  skinAtSite: 'skin at the site',
  feverOrIllness: 'fever or illness today',
  vaccination: 'recent vaccination',
  antibiotics: 'recent antibiotics',
} as const;

function unanswered(input: ScreeningInput): Finding[] {
  const keys: string[] = (Object.keys(questionLabels) as Array<keyof typeof questionLabels>).filter(
    (key) => input.dayOf[key] === null,
  );
  const missing: string[] = keys.map((key) => questionLabels[key as keyof typeof questionLabels]);
  if (input.history.isotretinoin === null) {
    keys.push('isotretinoin');
    missing.push('isotretinoin');
  }
  if (missing.length === 0) return [];
  return [
    {
      ruleId: 'day-of.unanswered',
      severity: 'caution',
      explanation: `Not answered: ${missing.join(', ')}. Ask before treating.`,
      params: { questions: list(keys.map((key) => phrase(`dayOfQuestion.${key}`))) },
      patientMessage: 'The practitioner has a few more questions before treating.',
    },
  ];
}

function alcohol(input: ScreeningInput): Finding[] {
  const hours = input.dayOf.hoursSinceAlcohol;
  const window = input.settings.alcoholHoursBefore;
  if (hours === null || hours === 'not-recently') return [];
  if (!Number.isFinite(hours) || hours < 0) {
    return [
      {
        ruleId: 'day-of.alcohol-invalid',
        severity: 'caution',
        explanation: 'Hours since alcohol is not a valid number: ask again.',
        patientMessage: 'When did you last drink alcohol?',
      },
    ];
  }
  if (hours >= window) return [];
  return [
    {
      ruleId: 'day-of.alcohol',
      severity: 'caution',
      explanation: `Alcohol ${hours} hour(s) ago, within the clinic's ${window}-hour window: more bruising.`,
      params: { hours, window },
      patientMessage: `Alcohol in the ${window} hours before treatment makes bruising more likely. Next time, avoid alcohol for ${window} hours beforehand.`,
    },
  ];
}

function skinAtSite(input: ScreeningInput): Finding[] {
  const skin = input.dayOf.skinAtSite;
  if (skin === null || skin === 'normal') return [];
  const what = {
    'acute-disorder': 'an acute skin disorder or flare',
    infection: 'an infection',
    'cold-sore-active': 'an active cold sore',
  }[skin];
  return [
    {
      ruleId: 'day-of.skin-at-site',
      severity: 'do-not-treat',
      explanation: `Skin at the site shows ${what}: do not inject through it.`,
      params: { what: phrase(`skin.${skin}`) },
      patientMessage: 'The skin in the area needs to heal before we can treat it.',
    },
  ];
}

function datedQuestions(input: ScreeningInput): Finding[] {
  const { dayOf, settings, today } = input;
  const out: Finding[] = [];
  if (dayOf.feverOrIllness === true) {
    out.push({
      ruleId: 'day-of.fever-or-illness',
      severity: settings.severities.feverOrIllness,
      explanation: 'Fever or illness today: consider postponing.',
      patientMessage: 'As you are unwell today, the practitioner may suggest another day.',
    });
  }
  const asked = [
    ['vaccination', dayOf.vaccination, settings.vaccinationWindowDays, 'Vaccination'],
    ['antibiotics', dayOf.antibiotics, settings.antibioticsWindowDays, 'Antibiotics'],
  ] as const;
  for (const [key, answer, window, label] of asked) {
    if (answer === null) continue;
    const state = withinWindow(answer, window, today);
    if (state === 'invalid') {
      out.push({
        ruleId: `day-of.${key}-date-invalid`,
        severity: 'caution',
        explanation: `${label} date is in the future or not valid: check it.`,
        patientMessage: 'The practitioner will check a date with you.',
      });
    } else if (state === 'yes') {
      out.push({
        ruleId: `day-of.${key}`,
        severity: settings.severities[key],
        explanation: `${label} within the clinic's ${window}-day window: an immune reaction or infection may be under way.`,
        params: { window },
        patientMessage: 'The practitioner will talk this through with you before treating.',
      });
    }
  }
  return out;
}

function areaProcedures(input: ScreeningInput): Finding[] {
  const { settings, today } = input;
  const window = settings.areaProcedureWindowDays;
  const out: Finding[] = [];
  // Surgery in the area is judged with the other surgeries (condition rules).
  for (const procedure of input.dayOf.recentAreaProcedures.filter((p) => p.kind !== 'surgery')) {
    const days = procedure.date === null ? undefined : daysBetween(procedure.date, today);
    if (days !== undefined && days >= window) continue;
    const when =
      days === undefined || days < 0 ? 'on an unknown or invalid date' : `${days} day(s) ago`;
    out.push({
      ruleId: 'day-of.area-procedure',
      severity: settings.severities.areaProcedure,
      explanation: `Recent ${procedure.kind} in the area ${when} (clinic window ${window} days): the skin may still be healing.`,
      params: {
        kind: phrase(`procedure.${procedure.kind}`),
        when:
          days === undefined || days < 0
            ? phrase('when.unknown-date')
            : phrase('when.days-ago', { days }),
        window,
      },
      patientMessage:
        'The practitioner will check that the area has healed from your recent treatment.',
    });
  }
  return out;
}

export function checkDayOf(input: ScreeningInput): ScreeningFinding[] {
  return [
    ...unanswered(input),
    ...alcohol(input),
    ...skinAtSite(input),
    ...datedQuestions(input),
    ...areaProcedures(input),
  ];
}
