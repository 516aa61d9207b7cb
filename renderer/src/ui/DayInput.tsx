import '@mantine/dates/styles.css';
import './day-input.css';
import type { MantineSize } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, todayLocal } from '../lib/dates';
import { dayFormat, dayjsLocale, isIsoDay, parseDay, typedDay } from '../lib/locale-input';

export interface DayInputProps {
  label?: ReactNode;
  /** For a field without a visible label (a table cell). */
  'aria-label'?: string;
  description?: ReactNode;
  value: string | null | undefined;
  /** The ISO day, '' when emptied, or the typed text itself when it is not a day it accepts. */
  onChange: (day: string) => void;
  onBlur?: () => void;
  error?: ReactNode;
  required?: boolean;
  name?: string;
  /** The earliest and latest days accepted (YYYY-MM-DD): greyed out in the calendar. */
  minDate?: string;
  maxDate?: string;
  size?: MantineSize;
  w?: number | string;
  maw?: number | string;
  disabled?: boolean;
  'data-autofocus'?: boolean;
}

type Problem = { key: 'notADay' } | { key: 'onOrBefore' | 'onOrAfter'; day: string } | null;

/**
 * A calendar day typed and shown in the screens' language ("14/03/1988", "14.03.1988"), with
 * Mantine's calendar in that language; the form holds the ISO day (YYYY-MM-DD) whatever is shown.
 * Chromium's own date field follows the computer's language, not the screens'.
 *
 * Text that is not a day (or a day outside minDate/maxDate) stays as typed, is named next to the
 * field when it is left, and reaches the form as it is, so the form's own check refuses it
 * rather than keeping the previous day unseen (Mantine alone would put the old day back).
 */
export function DayInput({
  value,
  onChange,
  onBlur,
  error,
  minDate,
  maxDate,
  ...field
}: DayInputProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // What is wrong with the text being typed, and what is shown once the field is left.
  const [pending, setPending] = useState<Problem>(null);
  const [shown, setShown] = useState<Problem>(null);
  // The calendar opens on a click only: typing or tabbing through a form never covers the
  // fields below it.
  const [calendar, setCalendar] = useState(false);
  // What this field last gave the form, and the value it last saw: a value from elsewhere (a
  // reset, a restored draft) clears the messages about earlier typing.
  const [sent, setSent] = useState<string | null>(null);
  const [seen, setSeen] = useState(value);
  // While the form holds refused text, the calendar keeps its last day (null would blank the text).
  const [lastDay, setLastDay] = useState(isIsoDay(value) ? value : null);
  if (value !== seen) {
    setSeen(value);
    if (isIsoDay(value) || !value) setLastDay(isIsoDay(value) ? value : null);
    if (value !== sent) {
      setPending(null);
      setShown(null);
    }
  }
  const give = (day: string) => {
    setSent(day);
    onChange(day);
  };

  const problemOf = (typed: string, day: string | null): Problem => {
    if (typed.trim() === '') return null;
    if (day === null) return { key: 'notADay' };
    if (maxDate && day > maxDate) return { key: 'onOrBefore', day: maxDate };
    if (minDate && day < minDate) return { key: 'onOrAfter', day: minDate };
    return null;
  };
  const message = (p: Problem) =>
    p === null
      ? null
      : p.key === 'notADay'
        ? t('dateFields.notADay', { example: typedDay(todayLocal(), language) })
        : t(`dateFields.${p.key}`, { day: formatDay(p.day) });

  return (
    <DatesProvider settings={{ locale: dayjsLocale(language), firstDayOfWeek: 1 }}>
      <DateInput
        {...field}
        value={lastDay}
        onChange={(day) => {
          setCalendar(false);
          give(day ?? '');
        }}
        onClick={() => setCalendar(true)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setCalendar(false);
        }}
        onBlur={(event) => {
          setCalendar(false);
          if (pending) {
            const typed = event.currentTarget.value.trim();
            setShown(pending);
            give(parseDay(typed, language) ?? typed);
          }
          onBlur?.();
        }}
        valueFormat={dayFormat(language)}
        dateParser={(typed) => {
          const day = parseDay(typed, language);
          setPending(problemOf(typed, day));
          setShown(null);
          return day;
        }}
        fixOnBlur={pending === null}
        minDate={minDate}
        maxDate={maxDate}
        error={message(shown) ?? error}
        allowDeselect
        ariaLabels={{
          previousMonth: t('dateFields.calendar.previousMonth'),
          nextMonth: t('dateFields.calendar.nextMonth'),
          previousYear: t('dateFields.calendar.previousYear'),
          nextYear: t('dateFields.calendar.nextYear'),
          previousDecade: t('dateFields.calendar.previousDecade'),
          nextDecade: t('dateFields.calendar.nextDecade'),
        }}
        popoverProps={{
          withinPortal: true,
          opened: calendar && !field.disabled,
          onClose: () => setCalendar(false),
        }}
      />
    </DatesProvider>
  );
}
