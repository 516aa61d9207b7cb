import type { MantineSize } from '@mantine/core';
import { Controller, type Control } from 'react-hook-form';
import type { HistoryAnswers } from '../../../../shared/api/history';
import { DayInput } from '../../ui/DayInput';

/** The history's date answers: the form keeps the ISO day, the field shows the screens' way. */
type DayPath =
  | 'surgery.date'
  | 'isotretinoin.lastDate'
  | `medicines.${number}.lastDose`
  | `treatments.${number}.date`;

export function DayAnswer({
  control,
  name,
  ...shown
}: {
  control: Control<HistoryAnswers>;
  name: DayPath;
  label: string;
  size: MantineSize;
  error: string | undefined;
  required?: boolean;
  w?: number;
  maw?: number;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <DayInput
          {...shown}
          name={field.name}
          value={field.value as string | null | undefined}
          onChange={field.onChange}
          onBlur={field.onBlur}
        />
      )}
    />
  );
}
