import type { TFunction } from 'i18next';
import { matchMedicineLine, type MedicineLineStatus } from '../../../../shared/screening';

export interface MedicineLabel {
  readonly status: MedicineLineStatus;
  /** "apixaban — direct oral anticoagulant", or "Not recognised". */
  readonly text: string;
  readonly colour: string;
}

/**
 * What the drug reference recognises in a medicine line, for the intake form, the chart and the
 * check. A line nothing recognises says so; it is never hidden.
 */
export function medicineLabel(line: string, t: TFunction): MedicineLabel | null {
  if (line.trim() === '') return null;
  const result = matchMedicineLine(line);
  if (result.status === 'not-recognised') {
    return { status: result.status, text: t('screening.medicine.notRecognised'), colour: 'gray' };
  }
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const m of result.matches) {
    if (seen.has(m.entry.id)) continue;
    seen.add(m.entry.id);
    const spelling = m.exact ? '' : ` ${t('screening.medicine.checkSpelling')}`;
    parts.push(`${m.entry.generic} — ${t(`screening.drugClass.${m.entry.drugClass}`)}${spelling}`);
  }
  if (result.unrecognisedWords.length > 0) {
    parts.push(t('screening.medicine.partly', { words: result.unrecognisedWords.join(', ') }));
  }
  return {
    status: result.status,
    text: parts.join('; '),
    colour: result.status === 'risk' ? 'orange' : 'teal',
  };
}
