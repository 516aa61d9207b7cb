import { Select, Text } from '@mantine/core';
import { Controller, useWatch, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PatientDetails } from '../../../../shared/api/patients';
import { languageName } from '../../../../shared/documents/languages';
import {
  nameOrders,
  personName,
  usualNameOrder,
  type NameOrder,
} from '../../../../shared/patients/person-name';
import { useClinicSettings } from '../../lib/clinic-settings';

const usual = 'usual';

/**
 * The preferred language, from the languages the clinic offers (its documents are printed in
 * it), and how the name is written, with the name as it will be printed.
 */
export function LanguageAndNameOrder({
  control,
  errors,
}: {
  control: Control<PatientDetails>;
  errors: FieldErrors<PatientDetails>;
}) {
  const { t, i18n } = useTranslation();
  const offered = useClinicSettings().data?.patientLanguages ?? [];
  const [givenName, familyName, preferredLanguage, nameOrder] = useWatch({
    control,
    name: ['givenName', 'familyName', 'preferredLanguage', 'nameOrder'],
  });
  const usualOrder = usualNameOrder({ givenName, familyName, preferredLanguage });
  const printed = personName({ givenName, familyName, nameOrder, preferredLanguage });
  const label = (code: string) => {
    const own = languageName(code);
    const here = languageName(code, i18n.language);
    return own === here ? own : `${own} — ${here}`;
  };
  return (
    <>
      <Controller
        control={control}
        name="preferredLanguage"
        render={({ field }) => {
          // A language typed before the list existed stays visible until someone chooses.
          const legacy = field.value !== '' && !offered.includes(field.value);
          const data = [
            { value: '', label: t('patients.language.clinicDefault') },
            ...offered.map((code) => ({ value: code, label: label(code) })),
            ...(legacy
              ? [
                  {
                    value: field.value,
                    label: t('patients.language.asTyped', { value: field.value }),
                  },
                ]
              : []),
          ];
          return (
            <Select
              label={t('patients.fields.preferredLanguage')}
              description={t('patients.language.help')}
              data={data}
              value={field.value}
              allowDeselect={false}
              onChange={(v) => field.onChange(v ?? '')}
              onBlur={field.onBlur}
              error={
                errors.preferredLanguage?.message ??
                (legacy ? t('patients.language.chooseFromList') : undefined)
              }
            />
          );
        }}
      />
      <Controller
        control={control}
        name="nameOrder"
        render={({ field }) => (
          <Select
            label={t('patients.fields.nameOrder')}
            data={[
              { value: usual, label: t(`patients.nameOrder.usual.${usualOrder}`) },
              ...nameOrders.map((o) => ({ value: o, label: t(`patients.nameOrder.${o}`) })),
            ]}
            value={field.value ?? usual}
            allowDeselect={false}
            onChange={(v) => field.onChange(v === usual || v === null ? null : (v as NameOrder))}
            onBlur={field.onBlur}
            description={
              printed !== '' ? (
                <Text span size="xs" data-testid="printed-name">
                  {t('patients.nameOrder.printedAs', { name: printed })}
                </Text>
              ) : undefined
            }
          />
        )}
      />
    </>
  );
}
