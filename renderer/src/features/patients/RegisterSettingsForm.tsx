import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  clinicNumberFormatSchema,
  formatClinicNumber,
  patientSettingsSchema,
  type PatientSettings,
} from '../../../../shared/api/patients';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { FormError } from '../../ui/FormError';
import { patientsKeys } from './queries';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

function Form({ settings, editable }: { settings: PatientSettings; editable: boolean }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PatientSettings>({
    resolver: zodResolver(patientSettingsSchema),
    defaultValues: settings,
  });
  useFieldMessagesFollowLanguage(form);
  const format = useWatch({ control: form.control, name: 'clinicNumberFormat' });
  const example = clinicNumberFormatSchema.safeParse(format).success
    ? formatClinicNumber(format, new Date(), 42)
    : '—';
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      form.reset(await unwrap(api.patients.updateSettings(values)));
      notifications.show({ color: 'teal', message: t('registerSettings.saved') });
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('registerSettings.title')}>
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack maw={560}>
          <TextInput
            label={t('registerSettings.clinicNumberFormat')}
            description={t('registerSettings.clinicNumberHelp', { example })}
            {...form.register('clinicNumberFormat')}
            error={errors.clinicNumberFormat?.message}
          />
          <FormError message={formError} />
          {editable ? (
            <Button type="submit" w="fit-content" loading={isSubmitting}>
              {t('common.save')}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {t('settings.adminOnly')}
            </Text>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}

/** How clinic numbers are made; only admins change it, everyone can see it. */
export function RegisterSettingsForm({ editable }: { editable: boolean }) {
  const settings = useQuery({
    queryKey: patientsKeys.settings,
    queryFn: () => unwrap(api.patients.settings({})),
  });
  if (settings.isError) return <Alert color="red">{settings.error.message}</Alert>;
  return settings.data ? <Form settings={settings.data} editable={editable} /> : null;
}
