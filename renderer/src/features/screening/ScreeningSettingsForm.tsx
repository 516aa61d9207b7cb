import {
  Alert,
  Button,
  Loader,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  defaultScreeningSettings,
  screeningSettingsSchema,
  treatmentAreas,
  type ScreeningSettings,
} from '../../../../shared/screening';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { FormError } from '../../ui/FormError';
import { screeningKeys } from './queries';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

const numberFields = [
  'holdDays.aspirin',
  'holdDays.nsaid',
  'holdDays.supplement',
  'alcoholHoursBefore',
  'surgeryWindowDays',
  'surgeryInAreaWindowDays',
  'areaProcedureWindowDays',
  'isotretinoinWindowDays',
  'vaccinationWindowDays',
  'antibioticsWindowDays',
] as const satisfies readonly FieldPath<ScreeningSettings>[];

const severityKeys = Object.keys(
  defaultScreeningSettings.severities,
) as (keyof ScreeningSettings['severities'])[];

function errorAt(errors: unknown, path: string): string | undefined {
  let node = errors as Record<string, unknown> | undefined;
  for (const part of path.split('.')) node = node?.[part] as Record<string, unknown> | undefined;
  return (node as { message?: string } | undefined)?.message;
}

function Form({ settings, editable }: { settings: ScreeningSettings; editable: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ScreeningSettings>({
    resolver: zodResolver(screeningSettingsSchema),
    defaultValues: settings,
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await unwrap(api.screening.updateSettings(values));
      client.setQueryData(screeningKeys.settings, saved);
      form.reset(saved);
      notifications.show({ message: t('screeningSettings.saved'), color: 'teal' });
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  const severityData = [
    { value: 'caution', label: t('screening.outcome.caution') },
    { value: 'do-not-treat', label: t('screening.outcome.do-not-treat') },
  ];
  return (
    <form onSubmit={submit} noValidate aria-label={t('screeningSettings.tab')}>
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md" maw={820}>
          <Text size="sm" c="dimmed">
            {t('screeningSettings.intro')}
          </Text>
          <Title order={3} size="h4">
            {t('screeningSettings.periods')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {numberFields.map((name) => (
              <Controller
                key={name}
                control={form.control}
                name={name}
                render={({ field }) => (
                  <NumberInput
                    label={t(`screeningSettings.fields.${name}`)}
                    description={t('screeningSettings.default', {
                      value: name
                        .split('.')
                        .reduce<unknown>(
                          (o, k) => (o as Record<string, unknown>)[k],
                          defaultScreeningSettings,
                        ),
                    })}
                    allowDecimal={false}
                    value={field.value}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
                    onBlur={field.onBlur}
                    error={errorAt(errors, name)}
                  />
                )}
              />
            ))}
          </SimpleGrid>
          <Controller
            control={form.control}
            name="herpesAreas"
            render={({ field }) => (
              <MultiSelect
                label={t('screeningSettings.fields.herpesAreas')}
                data={treatmentAreas.map((a) => ({ value: a, label: t(`treatmentAreas.${a}`) }))}
                value={field.value}
                onChange={field.onChange}
                error={errors.herpesAreas?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="cox2SelectiveSeverity"
            render={({ field }) => (
              <Select
                label={t('screeningSettings.fields.cox2SelectiveSeverity')}
                data={[
                  { value: 'clear', label: t('screening.outcome.clear') },
                  { value: 'caution', label: t('screening.outcome.caution') },
                ]}
                value={field.value}
                allowDeselect={false}
                onChange={(v) => field.onChange(v)}
                w={260}
              />
            )}
          />
          <Title order={3} size="h4">
            {t('screeningSettings.severities')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {severityKeys.map((key) => (
              <Controller
                key={key}
                control={form.control}
                name={`severities.${key}`}
                render={({ field }) => (
                  <Select
                    label={t(`screeningSettings.severityKeys.${key}`)}
                    data={severityData}
                    value={field.value}
                    allowDeselect={false}
                    onChange={(v) => field.onChange(v)}
                    error={errorAt(errors, `severities.${key}`)}
                  />
                )}
              />
            ))}
          </SimpleGrid>
          <FormError message={formError} />
          {editable ? (
            <Button type="submit" loading={isSubmitting} w="fit-content">
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

/** The check's periods and severities: read by everyone, changed by admins. */
export function ScreeningSettingsForm({ editable }: { editable: boolean }) {
  const settings = useQuery({
    queryKey: screeningKeys.settings,
    queryFn: () => unwrap(api.screening.settings({})),
  });
  if (settings.isError) {
    return (
      <Alert color="red" role="alert">
        {settings.error.message}
      </Alert>
    );
  }
  if (!settings.data) return <Loader size="sm" />;
  return <Form settings={settings.data} editable={editable} />;
}
