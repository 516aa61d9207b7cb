import { TextInput, type MantineSize } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { todayLocal } from '../lib/dates';
import { parseDayTime, parseTime, typedDayTime } from '../lib/locale-input';

export interface TypedInputProps {
  label?: ReactNode;
  /** For a field without a visible label (a table cell). */
  'aria-label'?: string;
  description?: ReactNode;
  value: string | null | undefined;
  /** The held value, '' when emptied, or the typed text itself when it is not one. */
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: ReactNode;
  required?: boolean;
  name?: string;
  id?: string;
  size?: MantineSize;
  w?: number | string;
  maw?: number | string;
  disabled?: boolean;
  'data-autofocus'?: boolean;
}

/**
 * A value typed as text and held in a fixed form (HH:mm, YYYY-MM-DDTHH:mm): what parses reaches
 * the form as it is typed; text that does not stays as typed, is named next to the field when it
 * is left, and reaches the form as it is, so the form's own check refuses it rather than keeping
 * an earlier value unseen. Chromium's own time fields follow the computer's language (a 12-hour
 * clock on an English computer), not the screens'.
 */
function TypedInput({
  value,
  onChange,
  onBlur,
  error,
  parse,
  show,
  problem,
  ...field
}: TypedInputProps & {
  parse: (text: string) => string | null;
  show: (value: string) => string;
  problem: string;
}) {
  const [text, setText] = useState(value ? show(value) : '');
  const [refused, setRefused] = useState(false);
  const [seen, setSeen] = useState(value);
  // A value from elsewhere (a reset, a default, a restored draft) is shown as the language writes
  // it; one this field gave while typing leaves the text alone.
  if (value !== seen) {
    setSeen(value);
    const typed = text.trim();
    if ((value ?? '') !== (parse(typed) ?? typed)) {
      setText(value ? show(value) : '');
      setRefused(false);
    }
  }
  return (
    <TextInput
      {...field}
      value={text}
      autoComplete="off"
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setText(typed);
        setRefused(false);
        const parsed = parse(typed);
        if (parsed !== null || typed.trim() === '') onChange(parsed ?? '');
      }}
      onBlur={() => {
        const typed = text.trim();
        const parsed = parse(typed);
        if (typed === '') onChange('');
        else if (parsed === null) {
          setRefused(true);
          onChange(typed);
        } else setText(show(parsed));
        onBlur?.();
      }}
      error={refused ? problem : error}
    />
  );
}

/** A time of day, 24-hour as each of the screens' languages writes it ("09:30"). */
export function TimeOfDayInput(props: TypedInputProps) {
  const { t } = useTranslation();
  return (
    <TypedInput
      {...props}
      parse={parseTime}
      show={(value) => parseTime(value) ?? value}
      problem={t('dateFields.notATime', { example: '14:30' })}
    />
  );
}

/** A date and time, the date as the screens' language writes it ("14/03/2024 10:30"). */
export function DayTimeInput(props: TypedInputProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <TypedInput
      {...props}
      parse={(text) => parseDayTime(text, language)}
      show={(value) => typedDayTime(value, language) ?? value}
      problem={t('dateFields.notADateTime', {
        example: typedDayTime(`${todayLocal()}T14:30`, language),
      })}
    />
  );
}
