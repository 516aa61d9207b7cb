import { Alert, Button, NumberInput, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { clinicDetailsSchema, settingsSchema, type Settings } from '../../../../shared/api/clinic';
import type { StaffUser } from '../../../../shared/api/staff';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { SESSION_KEY } from '../../lib/session';
import { ClinicFields } from './ClinicFields';
import { LogoInput } from './LogoInput';
import { PatientLanguagesField } from './PatientLanguagesField';
import { RoleMatrix } from './RoleMatrix';
import { ServerMovePanel } from './ServerMovePanel';
import { clinicKeys } from './queries';
import { BackupPanel } from '../backup';
import { RecoveryKeyPanel } from '../keys';
import { DiarySettingsPanel } from '../appointments';
import { ReminderSettingsPanel } from '../reminders';
import { TemplatesPanel } from '../documents';
import { RegisterSettingsForm } from '../patients';
import { ScreeningSettingsForm } from '../screening';
import { PhotoDateSettingsForm } from '../photos';
import { ScreenLanguageSelect, StaffPanel } from '../staff';
import { FormError } from '../../ui/FormError';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

const schema = z.object({
  clinic: clinicDetailsSchema,
  idleLockMinutes: settingsSchema.shape.idleLockMinutes,
  uiLanguage: settingsSchema.shape.uiLanguage,
  patientLanguages: settingsSchema.shape.patientLanguages,
});
type FormValues = z.input<typeof schema>;

function ClinicSettingsForm({ settings, editable }: { settings: Settings; editable: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({ resolver: zodResolver(schema), defaultValues: settings });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await unwrap(api.clinic.updateSettings(values));
      client.setQueryData(clinicKeys.settings, saved);
      await client.invalidateQueries({ queryKey: SESSION_KEY });
      form.reset(saved);
      notifications.show({ message: t('settings.saved'), color: 'teal' });
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('settings.clinicTab')}>
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md" maw={560}>
          <ClinicFields register={form.register} errors={errors} prefix="clinic." />
          <Controller
            control={form.control}
            name="clinic.logo"
            render={({ field }) => (
              <LogoInput
                value={field.value ?? null}
                onChange={field.onChange}
                error={errors.clinic?.logo?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="idleLockMinutes"
            render={({ field }) => (
              <NumberInput
                label={t('settings.idleLockMinutes')}
                description={t('settings.idleLockHelp')}
                min={1}
                max={120}
                allowDecimal={false}
                value={field.value}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
                onBlur={field.onBlur}
                error={errors.idleLockMinutes?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="uiLanguage"
            render={({ field }) => (
              <ScreenLanguageSelect
                label={t('settings.uiLanguage')}
                description={t('settings.uiLanguageHelp')}
                value={field.value}
                onChange={(language) => field.onChange(language ?? 'en')}
                error={errors.uiLanguage?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="patientLanguages"
            render={({ field }) => (
              <PatientLanguagesField
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.patientLanguages?.message}
              />
            )}
          />
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

export function SettingsPage({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  const isAdmin = user.role === 'admin';
  // A link may open a tab directly (the first steps point at staff, templates and backups).
  const [params] = useSearchParams();
  const settings = useQuery({
    queryKey: clinicKeys.settings,
    queryFn: () => unwrap(api.clinic.settings({})),
  });
  return (
    <Stack>
      <Title order={2}>{t('nav.settings')}</Title>
      <Tabs defaultValue={params.get('tab') ?? 'clinic'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="clinic">{t('settings.clinicTab')}</Tabs.Tab>
          <Tabs.Tab value="register">{t('settings.registerTab')}</Tabs.Tab>
          <Tabs.Tab value="screening">{t('screeningSettings.tab')}</Tabs.Tab>
          <Tabs.Tab value="roles">{t('roleMatrix.tab')}</Tabs.Tab>
          <Tabs.Tab value="photos">{t('photos.dateSettings.tab')}</Tabs.Tab>
          {isAdmin ? <Tabs.Tab value="staff">{t('settings.staffTab')}</Tabs.Tab> : null}
          {isAdmin ? <Tabs.Tab value="templates">{t('templates.tab')}</Tabs.Tab> : null}
          {isAdmin ? <Tabs.Tab value="backups">{t('backup.tab')}</Tabs.Tab> : null}
          {isAdmin ? <Tabs.Tab value="diary">{t('diarySettings.tab')}</Tabs.Tab> : null}
          {isAdmin ? <Tabs.Tab value="reminders">{t('reminders.tab')}</Tabs.Tab> : null}
          {isAdmin ? <Tabs.Tab value="server">{t('serverMove.tab')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="clinic" pt="md">
          {settings.data ? (
            <ClinicSettingsForm settings={settings.data} editable={isAdmin} />
          ) : null}
          {settings.isError ? <Alert color="red">{settings.error.message}</Alert> : null}
        </Tabs.Panel>
        <Tabs.Panel value="register" pt="md">
          <RegisterSettingsForm editable={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="screening" pt="md">
          <ScreeningSettingsForm editable={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="roles" pt="md">
          <RoleMatrix />
        </Tabs.Panel>
        <Tabs.Panel value="photos" pt="md">
          <PhotoDateSettingsForm editable={isAdmin} />
        </Tabs.Panel>
        {isAdmin ? (
          <Tabs.Panel value="staff" pt="md">
            <StaffPanel currentUserId={user.id} />
          </Tabs.Panel>
        ) : null}
        {isAdmin ? (
          <Tabs.Panel value="templates" pt="md">
            <TemplatesPanel />
          </Tabs.Panel>
        ) : null}
        {isAdmin ? (
          <Tabs.Panel value="backups" pt="md">
            <Stack gap="xl">
              <BackupPanel />
              <RecoveryKeyPanel />
            </Stack>
          </Tabs.Panel>
        ) : null}
        {isAdmin ? (
          <Tabs.Panel value="diary" pt="md">
            <DiarySettingsPanel />
          </Tabs.Panel>
        ) : null}
        {isAdmin ? (
          <Tabs.Panel value="reminders" pt="md">
            <ReminderSettingsPanel />
          </Tabs.Panel>
        ) : null}
        {isAdmin ? (
          <Tabs.Panel value="server" pt="md">
            <ServerMovePanel />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}
