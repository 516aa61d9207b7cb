import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  languageName,
  shippedLanguages,
  type ShippedLanguage,
} from '../../../../shared/documents/languages';

/**
 * The screens' languages, each named in its own words ("Türkçe", "العربية") so that someone who
 * switched to a language they cannot read still finds their own. `followLabel` adds a first
 * choice that follows the clinic's default (value null).
 */
export function ScreenLanguageSelect({
  value,
  onChange,
  followLabel,
  ...props
}: Omit<SelectProps, 'value' | 'onChange' | 'data'> & {
  value: ShippedLanguage | null;
  onChange: (language: ShippedLanguage | null) => void;
  followLabel?: string;
}) {
  const { t } = useTranslation();
  const FOLLOW = 'clinic';
  const data = [
    ...(followLabel ? [{ value: FOLLOW, label: followLabel }] : []),
    ...shippedLanguages.map((code) => ({ value: code, label: languageName(code) })),
  ];
  return (
    <Select
      {...props}
      data={data}
      allowDeselect={false}
      value={value ?? (followLabel ? FOLLOW : null)}
      onChange={(v) => onChange(v === FOLLOW || v === null ? null : (v as ShippedLanguage))}
      comboboxProps={{ withinPortal: true }}
      aria-label={props.label ? undefined : t('staff.language.label')}
    />
  );
}
