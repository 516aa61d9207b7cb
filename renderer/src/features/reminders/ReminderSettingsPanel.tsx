import {
  Button,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReminderSettings } from '../../../../shared/api/reminders';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { FormError } from '../../ui/FormError';
import { TimeOfDayInput } from '../../ui/TimeInputs';
import { remindersKeys } from './queries';

type FormValues = Omit<ReminderSettings, 'smtp'> & {
  smtp: Omit<ReminderSettings['smtp'], 'passwordSet'> & { password: string };
};

function ReminderSettingsForm({ settings }: { settings: ReminderSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const { passwordSet, ...smtp } = settings.smtp;
  const form = useForm<FormValues>({
    defaultValues: { ...settings, smtp: { ...smtp, password: '' } },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const { password, ...rest } = values.smtp;
    try {
      const saved = await unwrap(
        api.reminders.updateSettings({
          ...values,
          // An empty box keeps the stored password; the screen never has it to send back.
          smtp: password === '' ? rest : { ...rest, password },
        }),
      );
      client.setQueryData(remindersKeys.settings, saved);
      form.reset({ ...saved, smtp: { ...saved.smtp, password: '' } });
      notifications.show({ message: t('reminders.settings.saved'), color: 'teal' });
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('reminders.settings.title')}>
      <Stack gap="sm" maw={560}>
        <Text size="sm" c="dimmed">
          {t('reminders.settings.help')}
        </Text>
        <Group grow align="flex-start">
          <TextInput
            dir="ltr"
            label={t('reminders.settings.host')}
            {...form.register('smtp.host')}
            error={errors.smtp?.host?.message}
          />
          <Controller
            control={form.control}
            name="smtp.port"
            render={({ field }) => (
              <NumberInput
                label={t('reminders.settings.port')}
                min={1}
                max={65535}
                allowDecimal={false}
                value={field.value}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
                error={errors.smtp?.port?.message}
              />
            )}
          />
        </Group>
        <Controller
          control={form.control}
          name="smtp.security"
          render={({ field }) => (
            <Select
              label={t('reminders.settings.security')}
              data={(['tls', 'starttls', 'none'] as const).map((v) => ({
                value: v,
                label: t(`reminders.settings.securityOptions.${v}`),
              }))}
              value={field.value}
              onChange={(v) => field.onChange(v ?? 'starttls')}
              allowDeselect={false}
            />
          )}
        />
        <TextInput
          dir="ltr"
          label={t('reminders.settings.user')}
          autoComplete="off"
          {...form.register('smtp.user')}
          error={errors.smtp?.user?.message}
        />
        <PasswordInput
          label={t('reminders.settings.password')}
          description={
            passwordSet
              ? t('reminders.settings.passwordStored')
              : t('reminders.settings.passwordNone')
          }
          autoComplete="new-password"
          {...form.register('smtp.password')}
        />
        <Group grow align="flex-start">
          <TextInput
            dir="ltr"
            label={t('reminders.settings.fromAddress')}
            {...form.register('smtp.fromAddress')}
            error={errors.smtp?.fromAddress?.message}
          />
          <TextInput
            label={t('reminders.settings.fromName')}
            {...form.register('smtp.fromName')}
            error={errors.smtp?.fromName?.message}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t('reminders.settings.timeZone')}
            description={t('reminders.settings.timeZoneHelp')}
            {...form.register('timeZone')}
            error={errors.timeZone?.message}
          />
          <Controller
            control={form.control}
            name="preCareAt"
            render={({ field }) => (
              <TimeOfDayInput
                label={t('reminders.settings.preCareAt')}
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.preCareAt?.message}
              />
            )}
          />
        </Group>
        <Switch label={t('reminders.settings.enabled')} {...form.register('enabled')} />
        <Switch label={t('reminders.settings.confirmations')} {...form.register('confirmations')} />
        <Switch label={t('reminders.settings.preCare')} {...form.register('preCare')} />
        <FormError message={formError} />
        <Button type="submit" loading={form.formState.isSubmitting} w="fit-content">
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

/** Settings > Reminders: the clinic's own mail server and when reminders go. Admin only. */
export function ReminderSettingsPanel() {
  const settings = useQuery({
    queryKey: remindersKeys.settings,
    queryFn: () => unwrap(api.reminders.settings({})),
  });
  return settings.data ? <ReminderSettingsForm settings={settings.data} /> : null;
}
