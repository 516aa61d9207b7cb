import { Stack, TextInput, Textarea } from '@mantine/core';
import type { FieldErrors, UseFormRegister, FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** The clinic's details as printed on every document; shared by first-run setup and settings. */
export function ClinicFields<T extends FieldValues>(props: {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  prefix: string;
}) {
  const { t } = useTranslation();
  const name = (field: string) => `${props.prefix}${field}` as Path<T>;
  const clinicErrors = (
    props.prefix
      ? (props.errors as Record<string, unknown>)[props.prefix.slice(0, -1)]
      : props.errors
  ) as Record<string, { message?: string } | undefined> | undefined;
  const error = (field: string) => clinicErrors?.[field]?.message;
  return (
    <Stack gap="sm">
      <TextInput
        label={t('clinic.name')}
        required
        {...props.register(name('name'))}
        error={error('name')}
      />
      <Textarea
        label={t('clinic.address')}
        autosize
        minRows={2}
        {...props.register(name('address'))}
        error={error('address')}
      />
      <TextInput
        dir="ltr"
        label={t('clinic.phone')}
        type="tel"
        {...props.register(name('phone'))}
        error={error('phone')}
      />
      <TextInput
        dir="ltr"
        label={t('clinic.email')}
        type="email"
        {...props.register(name('email'))}
        error={error('email')}
      />
    </Stack>
  );
}
