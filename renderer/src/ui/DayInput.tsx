import '@mantine/dates/styles.css';
import { DateInput, DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dayFormat, dayjsLocale, parseDay } from '../lib/locale-input';

/**
 * A calendar day typed and shown in the screens' language ("14/03/1988", "14.03.1988"), with
 * Mantine's calendar in that language; the form holds the ISO day (YYYY-MM-DD) whatever is shown.
 * Chromium's own date field follows the computer's language, not the screens'.
 */
export function DayInput({
  label,
  value,
  onChange,
  onBlur,
  error,
  required,
  name,
}: {
  label: ReactNode;
  value: string | null | undefined;
  onChange: (day: string) => void;
  onBlur?: () => void;
  error?: ReactNode;
  required?: boolean;
  name?: string;
}) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return (
    <DatesProvider settings={{ locale: dayjsLocale(language), firstDayOfWeek: 1 }}>
      <DateInput
        label={label}
        name={name}
        value={value || null}
        onChange={(day) => onChange(day ?? '')}
        onBlur={onBlur}
        valueFormat={dayFormat(language)}
        dateParser={(typed) => parseDay(typed, language)}
        error={error}
        required={required}
        allowDeselect
        popoverProps={{ withinPortal: true }}
      />
    </DatesProvider>
  );
}
