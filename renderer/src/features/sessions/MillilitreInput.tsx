import { NumberInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { numberOrNull } from '../../lib/forms';
import { decimalInputProps } from '../../lib/locale-input';

/** A volume in millilitres, empty until typed: every volume of the session note reads alike. */
export function MillilitreInput({
  label,
  value,
  onChange,
  error,
  w,
  step = 0.1,
}: {
  label: ReactNode;
  value: number | null | undefined;
  onChange: (ml: number | null) => void;
  error: ReactNode;
  w: number;
  step?: number;
}) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={label}
      value={value ?? ''}
      onChange={(v) => onChange(numberOrNull(v))}
      decimalScale={2}
      // "1,5" on French and Turkish screens; either mark is read as the decimal point.
      {...decimalInputProps()}
      step={step}
      min={0}
      // The unit as the screens' language writes it ("ml", "مل").
      suffix={t('sessions.mlSuffix')}
      error={error}
      w={w}
    />
  );
}
