import { Alert, Button, Loader, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  photoDateSettingsSchema,
  type PhotoDateSettings,
} from '../../../../shared/photos/photo-dates';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { FormError } from '../../ui/FormError';
import { photosKeys } from './queries';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

const fields = ['daysBeforeFirstVisit', 'hoursInFuture'] as const;

/** When a camera's date is asked about at import: the clinic's two margins. */
export function PhotoDateSettingsForm({ editable }: { editable: boolean }) {
  const settings = useQuery({
    queryKey: photosKeys.dateSettings,
    queryFn: () => unwrap(api.photos.dateSettings({})),
  });
  if (settings.isError) {
    return (
      <Alert color="red" role="alert">
        {settings.error.message}
      </Alert>
    );
  }
  if (!settings.data) return <Loader />;
  return <Form settings={settings.data} editable={editable} />;
}

function Form({ settings, editable }: { settings: PhotoDateSettings; editable: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PhotoDateSettings>({
    resolver: zodResolver(photoDateSettingsSchema),
    defaultValues: settings,
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await unwrap(api.photos.updateDateSettings(values));
      client.setQueryData(photosKeys.dateSettings, saved);
      form.reset(saved);
      notifications.show({ message: t('photos.dateSettings.saved'), color: 'teal' });
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('photos.dateSettings.tab')}>
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md" maw={560}>
          <Text size="sm">{t('photos.dateSettings.intro')}</Text>
          {fields.map((name) => (
            <Controller
              key={name}
              control={form.control}
              name={name}
              render={({ field }) => (
                <NumberInput
                  label={t(`photos.dateSettings.${name}`)}
                  description={t(`photos.dateSettings.${name}Help`)}
                  allowDecimal={false}
                  value={field.value}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
                  onBlur={field.onBlur}
                  error={errors[name]?.message}
                />
              )}
            />
          ))}
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
