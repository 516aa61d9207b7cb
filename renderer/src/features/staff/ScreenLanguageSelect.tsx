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
 * choice that follows the clinic's default (value null); `followShort`, where given, is what the
 * field shows once it is chosen (a narrow header cut the whole label to "Clinic's language (En…"),
 * the list and the field's tooltip still giving it whole.
 */
export function ScreenLanguageSelect({
  value,
  onChange,
  followLabel,
  followShort,
  ...props
}: Omit<SelectProps, 'value' | 'onChange' | 'data'> & {
  value: ShippedLanguage | null;
  onChange: (language: ShippedLanguage | null) => void;
  followLabel?: string;
  followShort?: string;
}) {
  const { t } = useTranslation();
  const FOLLOW = 'clinic';
  const data = [
    ...(followLabel ? [{ value: FOLLOW, label: followShort ?? followLabel }] : []),
    ...shippedLanguages.map((code) => ({ value: code, label: languageName(code) })),
  ];
  const following = followLabel !== undefined && value === null;
  return (
    <Select
      title={following ? followLabel : undefined}
      {...props}
      data={data}
      renderOption={({ option }) => (option.value === FOLLOW ? followLabel : option.label)}
      allowDeselect={false}
      value={value ?? (followLabel ? FOLLOW : null)}
      onChange={(v) => onChange(v === FOLLOW || v === null ? null : (v as ShippedLanguage))}
      comboboxProps={{ withinPortal: true }}
      aria-label={props.label ? undefined : t('staff.language.label')}
    />
  );
}
