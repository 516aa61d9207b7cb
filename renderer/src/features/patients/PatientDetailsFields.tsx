import { Select, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { sexes, type PatientDetails, type Sex } from '../../../../shared/api/patients';
import { LanguageAndNameOrder } from './LanguageAndNameOrder';
import { DayInput } from '../../ui/DayInput';

/** The patient's identity and contact fields, shared by registration and editing. */
export function PatientDetailsFields({
  register,
  control,
  errors,
  afterIdentity = null,
}: {
  register: UseFormRegister<PatientDetails>;
  control: Control<PatientDetails>;
  errors: FieldErrors<PatientDetails>;
  /** Shown right under the name and birth date (registration's duplicate warning). */
  afterIdentity?: ReactNode;
}) {
  const { t } = useTranslation();
  const optional = t('patients.optional');
  return (
    <Stack gap="md">
      <Title order={3} size="h5">
        {t('patients.sections.identity')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('patients.fields.givenName')}
          required
          data-autofocus
          {...register('givenName')}
          error={errors.givenName?.message}
        />
        <TextInput
          label={t('patients.fields.familyName')}
          required
          {...register('familyName')}
          error={errors.familyName?.message}
        />
        <Controller
          control={control}
          name="dateOfBirth"
          render={({ field }) => (
            <DayInput
              label={t('patients.fields.dateOfBirth')}
              required
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.dateOfBirth?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="sex"
          render={({ field }) => (
            <Select
              label={t('patients.fields.sex')}
              required
              data={sexes.map((s) => ({ value: s, label: t(`patients.sexes.${s}`) }))}
              value={field.value || null}
              onChange={(v) => field.onChange((v ?? '') as Sex)}
              onBlur={field.onBlur}
              error={errors.sex?.message}
            />
          )}
        />
      </SimpleGrid>
      {afterIdentity}
      <Title order={3} size="h5">
        {t('patients.sections.contact')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          dir="ltr"
          type="tel"
          label={t('patients.fields.phone')}
          {...register('phone')}
          error={errors.phone?.message}
        />
        <TextInput
          dir="ltr"
          type="email"
          label={t('patients.fields.email')}
          {...register('email')}
          error={errors.email?.message}
        />
        <LanguageAndNameOrder control={control} errors={errors} />
      </SimpleGrid>
      <Textarea
        label={t('patients.fields.address')}
        autosize
        minRows={2}
        {...register('address')}
        error={errors.address?.message}
      />
      <Title order={3} size="h5">
        {t('patients.sections.emergency')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('patients.fields.emergencyContactName')}
          {...register('emergencyContactName')}
          error={errors.emergencyContactName?.message}
        />
        <TextInput
          dir="ltr"
          type="tel"
          label={t('patients.fields.emergencyContactPhone')}
          {...register('emergencyContactPhone')}
          error={errors.emergencyContactPhone?.message}
        />
        <TextInput
          label={t('patients.fields.referralSource')}
          description={optional}
          {...register('referralSource')}
          error={errors.referralSource?.message}
        />
      </SimpleGrid>
    </Stack>
  );
}

export const emptyPatientDetails: PatientDetails = {
  givenName: '',
  familyName: '',
  dateOfBirth: '',
  sex: '' as Sex,
  phone: '',
  email: '',
  address: '',
  preferredLanguage: '',
  nameOrder: null,
  emergencyContactName: '',
  emergencyContactPhone: '',
  referralSource: '',
};
