import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languageName, shippedLanguages } from '../../../../shared/documents/languages';

/**
 * Languages a clinic commonly adds beside the ones Mesochart ships: patients may prefer them,
 * and a clinic that writes its own templates in them prints documents in them too.
 */
const common = [
  'de',
  'es',
  'it',
  'pt',
  'nl',
  'ru',
  'uk',
  'pl',
  'el',
  'ro',
  'fa',
  'he',
  'ku',
  'vi',
  'zh',
];

/**
 * The clinic's `patientLanguages`: each named in its own language, capitalised ("Français",
 * "Türkçe", "العربية"), with the screen's name beside it when that differs. The order is kept:
 * the first is the clinic's own language.
 */
export function PatientLanguagesField({
  value,
  onChange,
  onBlur,
  error,
}: {
  value: string[];
  onChange: (codes: string[]) => void;
  onBlur: () => void;
  error: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const codes = [...new Set([...shippedLanguages, ...value, ...common])];
  const label = (code: string) => {
    const own = languageName(code);
    const here = languageName(code, i18n.language);
    return own === here ? own : `${own} — ${here}`;
  };
  return (
    <MultiSelect
      label={t('patientLanguages.label')}
      description={t('patientLanguages.help')}
      placeholder={t('patientLanguages.search')}
      data={codes.map((code) => ({ value: code, label: label(code) }))}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      error={error}
      searchable
      hidePickedOptions
      data-testid="patient-languages"
    />
  );
}
