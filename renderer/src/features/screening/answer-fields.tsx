import { Group, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DatedAnswer } from '../../../../shared/screening';
import { DayInput } from '../../ui/DayInput';

/** A yes/no question whose "not asked yet" is null, never read as "no". */
export function YesNo({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: boolean | null;
  onChange: (value: boolean) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={label}
      value={value === null ? '' : value ? 'yes' : 'no'}
      onChange={(v) => onChange(v === 'yes')}
      error={error}
    >
      <Group gap="md" mt={4}>
        <Radio value="no" label={t('screening.answers.no')} />
        <Radio value="yes" label={t('screening.answers.yes')} />
      </Group>
    </Radio.Group>
  );
}

/** A day in the screens' language whose empty value is null; a day after `max` is refused. */
export function DateField({
  label,
  value,
  onChange,
  error,
  max,
}: {
  label: string;
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  error?: string | undefined;
  max?: string;
}) {
  return (
    <DayInput
      label={label}
      value={value}
      maxDate={max}
      onChange={(day) => onChange(day === '' ? null : day)}
      error={error}
      w={200}
    />
  );
}

/** "No", or "yes" with the date when the patient knows it. */
export function DatedQuestion({
  label,
  dateLabel,
  value,
  onChange,
  errors,
  path,
  today,
}: {
  label: string;
  dateLabel: string;
  value: DatedAnswer | null;
  onChange: (value: DatedAnswer) => void;
  errors: Readonly<Record<string, string>>;
  path: string;
  today: string;
}) {
  return (
    <Group align="flex-end" gap="md">
      <YesNo
        label={label}
        value={value === null ? null : value.answer === 'yes'}
        onChange={(yes) => onChange(yes ? { answer: 'yes', date: null } : { answer: 'no' })}
        error={errors[path]}
      />
      {value?.answer === 'yes' ? (
        <DateField
          label={dateLabel}
          value={value.date}
          max={today}
          onChange={(date) => onChange({ answer: 'yes', date })}
          error={errors[`${path}.date`]}
        />
      ) : null}
    </Group>
  );
}
