import { daysBetween } from './clinical-dates';
import type { JudgmentSeverityKey } from './screening-settings';
import type { FindingParams } from './finding-wording';
import { list, phrase } from './finding-wording';
import type { DatedAnswer, ScreeningFinding, ScreeningInput, Surgery } from './screening-types';
import type { Severity } from './severity';

/**
 * Findings from the medical history and the day-of answers about conditions, surgery and recent
 * treatments. "Not recommended" in the clinical reference becomes do-not-treat; the reference's
 * other questions are judgment calls whose severity the clinic sets (caution by default).
 */

type Finding = Omit<ScreeningFinding, 'productId' | 'medicineLineId'>;

function judged(
  input: ScreeningInput,
  key: JudgmentSeverityKey,
  ruleId: string,
  explanation: string,
  patientMessage: string,
  wording?: { params: FindingParams; key?: string },
): Finding {
  return {
    ruleId,
    severity: input.settings.severities[key],
    explanation,
    patientMessage,
    ...(wording?.key ? { wording: wording.key } : {}),
    ...(wording ? { params: wording.params } : {}),
  };
}

function fixed(
  ruleId: string,
  severity: Severity,
  explanation: string,
  patientMessage: string,
  params?: FindingParams,
): Finding {
  return { ruleId, severity, explanation, patientMessage, ...(params ? { params } : {}) };
}

function pregnancy(input: ScreeningInput): Finding[] {
  const { conditions } = input.history;
  const now = input.dayOf.pregnantNow;
  if (now === 'yes' || (conditions.pregnancy && now !== 'no')) {
    return [
      fixed(
        'condition.pregnancy',
        'do-not-treat',
        'Pregnancy: mesotherapy is not recommended.',
        'Mesotherapy is not done during pregnancy. We can plan it for after your pregnancy.',
      ),
    ];
  }
  if (now === 'unsure') {
    return [
      judged(
        input,
        'pregnancyUnsure',
        'condition.pregnancy-unsure',
        'The patient is not sure whether she is pregnant. Treat as pregnant until ruled out.',
        'As you may be pregnant, we will not treat until pregnancy has been ruled out.',
      ),
    ];
  }
  if (conditions.pregnancy) {
    return [
      fixed(
        'condition.pregnancy-record',
        'caution',
        'The intake records a pregnancy, but today the patient says she is not pregnant. Confirm and update the record.',
        'The practitioner will confirm a detail of your medical history with you.',
      ),
    ];
  }
  return [];
}

function conditionFindings(input: ScreeningInput): Finding[] {
  const c = input.history.conditions;
  const out: Finding[] = [...pregnancy(input)];
  const see = 'The practitioner will talk this through with you before treating.';
  if (c.breastfeeding || input.dayOf.breastfeedingNow === true) {
    out.push(
      judged(
        input,
        'breastfeeding',
        'condition.breastfeeding',
        'Breastfeeding: injected products are not well studied while breastfeeding.',
        see,
      ),
    );
  }
  if (c.coagulationDisorder) {
    out.push(
      fixed(
        'condition.coagulation-disorder',
        'do-not-treat',
        'Coagulation disorder: mesotherapy is not recommended.',
        'Because of your bleeding disorder, mesotherapy is not suitable for you.',
      ),
    );
  }
  if (c.neurological === 'epilepsy') {
    out.push(
      fixed(
        'condition.epilepsy',
        'do-not-treat',
        'Epilepsy: mesotherapy is not recommended.',
        'Because of your epilepsy, mesotherapy is not suitable for you.',
      ),
    );
  } else if (c.neurological === 'other') {
    out.push(
      judged(
        input,
        'otherNeurological',
        'condition.neurological',
        'Neurological disease other than epilepsy: check which, and whether it is stable.',
        see,
      ),
    );
  }
  if (c.autoimmune)
    out.push(
      judged(
        input,
        'autoimmune',
        'condition.autoimmune',
        'Autoimmune disease: risk of flare, nodules and poor healing.',
        see,
      ),
    );
  if (c.activeCancer)
    out.push(
      judged(
        input,
        'activeCancer',
        'condition.active-cancer',
        'Active cancer: check with the treating oncologist.',
        see,
      ),
    );
  if (c.immunosuppression)
    out.push(
      judged(
        input,
        'immunosuppression',
        'condition.immunosuppression',
        'Immunosuppression or chemotherapy: higher risk of infection and slower healing.',
        see,
      ),
    );
  if (c.keloid)
    out.push(
      judged(
        input,
        'keloid',
        'condition.keloid',
        'Keloid or hypertrophic scarring: needle marks may scar.',
        see,
      ),
    );
  if (c.chronicSkinDisease)
    out.push(
      judged(
        input,
        'chronicSkinDisease',
        'condition.chronic-skin-disease',
        'Chronic skin disease: do not treat over a flare; check the site.',
        see,
      ),
    );
  if (c.heartDisease)
    out.push(
      judged(
        input,
        'heartDisease',
        'condition.heart-disease',
        'Heart disease: check stability and medicines (anticoagulants, antiplatelets).',
        see,
      ),
    );
  if (c.hypertension === 'uncontrolled') {
    out.push(
      judged(
        input,
        'uncontrolledHypertension',
        'condition.uncontrolled-hypertension',
        'Uncontrolled high blood pressure: more bleeding and bruising; consider measuring it today.',
        see,
      ),
    );
  }
  if (c.diabetes === 'insulin-dependent') {
    out.push(
      judged(
        input,
        'insulinDependentDiabetes',
        'condition.insulin-dependent-diabetes',
        'Insulin-dependent diabetes: slower healing and higher infection risk.',
        see,
      ),
    );
  } else if (c.diabetes === 'non-insulin') {
    out.push(
      fixed(
        'condition.diabetes',
        'clear',
        'Diabetes not treated with insulin: noted; healing may be slower.',
        'No change needed.',
      ),
    );
  }
  if (c.herpes) {
    const herpesAreas = input.areas.filter((a) => input.settings.herpesAreas.includes(a));
    if (herpesAreas.length > 0) {
      out.push(
        judged(
          input,
          'herpesHistory',
          'condition.herpes-history',
          `Herpes or cold-sore history and treatment of ${herpesAreas.join(', ')}: injections can trigger an outbreak; consider antiviral cover.`,
          'Treatment near the mouth or face can bring on a cold sore. The practitioner will discuss prevention with you.',
          { params: { areas: list(herpesAreas.map((a) => phrase(`area.${a}`))) } },
        ),
      );
    }
  }
  return out;
}

function surgeryFindings(input: ScreeningInput): Finding[] {
  const { settings, today } = input;
  const all: Surgery[] = [...input.history.recentSurgeries, ...input.dayOf.surgerySinceIntake];
  const fromDayOf = input.dayOf.recentAreaProcedures
    .filter((p) => p.kind === 'surgery')
    .map((p) => ({ date: p.date, areas: [...input.areas] }));
  const out: Finding[] = [];
  for (const surgery of [...all, ...fromDayOf]) {
    const inArea = surgery.areas.some((a) => input.areas.includes(a));
    const where = inArea ? 'in a treatment area' : 'elsewhere';
    const wherePhrase = phrase(inArea ? 'where.in-area' : 'where.elsewhere');
    const days = surgery.date === null ? undefined : daysBetween(surgery.date, today);
    if (days === undefined || days < 0) {
      out.push(
        fixed(
          'surgery.date-unknown',
          'caution',
          `Surgery ${where} with ${surgery.date === null ? 'no date' : 'an invalid date'}: ask when it was.`,
          'Please tell us when your surgery was.',
          {
            where: wherePhrase,
            date: phrase(surgery.date === null ? 'surgeryDate.none' : 'surgeryDate.invalid'),
          },
        ),
      );
    } else if (inArea && days < settings.surgeryInAreaWindowDays) {
      out.push(
        fixed(
          'surgery.in-area',
          'do-not-treat',
          `Surgery in a treatment area ${days} day(s) ago, within the clinic's ${settings.surgeryInAreaWindowDays}-day window.`,
          'The area needs more time to heal after your surgery before we treat it.',
          { days, window: settings.surgeryInAreaWindowDays },
        ),
      );
    } else if (days < settings.surgeryWindowDays) {
      out.push(
        fixed(
          'surgery.recent',
          'do-not-treat',
          `Surgery ${days} day(s) ago, within the clinic's ${settings.surgeryWindowDays}-day window: not recommended immediately after surgery.`,
          'You need more time to recover from your surgery before this treatment.',
          { days, window: settings.surgeryWindowDays },
        ),
      );
    } else {
      out.push(
        fixed(
          'surgery.outside-window',
          'clear',
          `Surgery ${where} ${days} day(s) ago: outside the clinic's windows.`,
          'No change needed.',
          { where: wherePhrase, days },
        ),
      );
    }
  }
  return out;
}

/** A dated yes/no answer against a window: null date or a date inside the window counts. */
export function withinWindow(
  answer: DatedAnswer,
  windowDays: number,
  today: string,
): 'yes' | 'no' | 'invalid' {
  if (answer.answer === 'no') return 'no';
  if (answer.date === null) return 'yes';
  const days = daysBetween(answer.date, today);
  if (days === undefined || days < 0) return 'invalid';
  return days < windowDays ? 'yes' : 'no';
}

function isotretinoinFindings(input: ScreeningInput): Finding[] {
  const answer = input.history.isotretinoin;
  if (answer === null) return [];
  const state = withinWindow(answer, input.settings.isotretinoinWindowDays, input.today);
  if (state === 'invalid') {
    return [
      fixed(
        'history.isotretinoin-date-invalid',
        'caution',
        'Isotretinoin date is in the future or not valid: check it.',
        'Please tell us when you last took isotretinoin.',
      ),
    ];
  }
  if (state === 'no') return [];
  const window = input.settings.isotretinoinWindowDays;
  const dateUnknown = answer.answer === 'yes' && answer.date === null;
  return [
    judged(
      input,
      'isotretinoin',
      'history.isotretinoin',
      `Isotretinoin within the clinic's ${window}-day window${dateUnknown ? ' (date unknown)' : ''}: fragile skin, slower healing, risk of scarring.`,
      'Recent isotretinoin (Roaccutane) makes the skin more fragile. The practitioner will discuss whether to wait.',
      {
        params: { window },
        ...(dateUnknown ? { key: 'history.isotretinoin-date-unknown' } : {}),
      },
    ),
  ];
}

export function checkConditions(input: ScreeningInput): ScreeningFinding[] {
  return [...conditionFindings(input), ...surgeryFindings(input), ...isotretinoinFindings(input)];
}
