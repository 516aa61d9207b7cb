import { daysBetween } from './clinical-dates';
import type { ScreeningInput } from './screening-types';
import { screeningInputSchema } from './screening-types';
import { fieldMessage } from '../api/field-text';
import { fieldLabelKey, type FieldLabel } from '../api/field-labels';

/**
 * Refuses impossible answers before the check runs: dates after "today" and day-of last doses for
 * medicine lines that do not exist. Negative hours and malformed dates are refused by the schema.
 * Messages are keyed by dot-joined field path, as the API's error `fields` are.
 */

type Issue = { path: Array<string | number>; message: string };

function futureDateIssues(input: ScreeningInput): Issue[] {
  const issues: Issue[] = [];
  const check = (
    date: string | null | undefined,
    path: Array<string | number>,
    what: FieldLabel,
  ) => {
    if (date === null || date === undefined) return;
    const days = daysBetween(date, input.today);
    if (days === undefined) {
      issues.push({
        path,
        message: fieldMessage('validation.screening.realDate', 'Enter a real date'),
      });
    } else if (days < 0) {
      issues.push({
        path,
        message: fieldMessage('validation.dates.future', '{{label}} cannot be in the future', {
          label: fieldLabelKey(what),
        }),
      });
    }
  };
  const { history, dayOf } = input;
  history.medicines.forEach((m, i) =>
    check(m.lastDose, ['history', 'medicines', i, 'lastDose'], 'The last dose'),
  );
  dayOf.newMedicines.forEach((m, i) =>
    check(m.lastDose, ['dayOf', 'newMedicines', i, 'lastDose'], 'The last dose'),
  );
  dayOf.lastDoses.forEach((d, i) =>
    check(d.lastDose, ['dayOf', 'lastDoses', i, 'lastDose'], 'The last dose'),
  );
  history.recentSurgeries.forEach((s, i) =>
    check(s.date, ['history', 'recentSurgeries', i, 'date'], 'The surgery date'),
  );
  dayOf.surgerySinceIntake.forEach((s, i) =>
    check(s.date, ['dayOf', 'surgerySinceIntake', i, 'date'], 'The surgery date'),
  );
  dayOf.recentAreaProcedures.forEach((p, i) =>
    check(p.date, ['dayOf', 'recentAreaProcedures', i, 'date'], 'The procedure date'),
  );
  const dated = [
    [history.isotretinoin, ['history', 'isotretinoin', 'date'], 'The isotretinoin date'],
    [dayOf.vaccination, ['dayOf', 'vaccination', 'date'], 'The vaccination date'],
    [dayOf.antibiotics, ['dayOf', 'antibiotics', 'date'], 'The antibiotics date'],
  ] as const;
  for (const [answer, path, what] of dated) {
    if (answer?.answer === 'yes') check(answer.date, [...path], what);
  }
  const lineIds = new Set([...history.medicines, ...dayOf.newMedicines].map((m) => m.id));
  dayOf.lastDoses.forEach((d, i) => {
    if (!lineIds.has(d.lineId)) {
      issues.push({
        path: ['dayOf', 'lastDoses', i, 'lineId'],
        message: fieldMessage('validation.screening.unknownLine', 'Unknown medicine line'),
      });
    }
  });
  return issues;
}

/** The input schema with the cross-field checks, for the API contract and forms. */
export const checkedScreeningInputSchema = screeningInputSchema.superRefine((input, ctx) => {
  for (const issue of futureDateIssues(input)) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
});

export type ScreeningValidation =
  { ok: true; value: ScreeningInput } | { ok: false; fields: Record<string, string> };

export function validateScreeningInput(raw: unknown): ScreeningValidation {
  const parsed = checkedScreeningInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.');
    fields[key] ??= issue.message;
  }
  return { ok: false, fields };
}
