import {
  Button,
  Divider,
  PasswordInput,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { setupInput } from '../../../../shared/api/auth';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { useSetSession } from '../../lib/session';
import { RestorePanel } from '../backup';
import { RecoverPanel, ServerConnectForm } from '../keys';
import { AuthFrame } from './AuthFrame';
import { ClinicFields, LogoInput } from '../clinic';
import { FormError } from '../../ui/FormError';
import { keyed } from '../../../../shared/api/field-text';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

const schema = setupInput
  .and(z.object({ confirm: z.string() }))
  .refine((v) => v.admin.password === v.confirm, {
    ...keyed('validation.auth.passwordsDoNotMatch', 'The passwords do not match'),
    path: ['confirm'],
  });
type FormValues = z.input<typeof schema>;

/** First run: the clinic's details for printed documents and the first admin account. */
export function SetupScreen() {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const [formError, setFormError] = useState<string | null>(null);
  // This computer's own record, or the clinic server the front desk and rooms share.
  const [where, setWhere] = useState<'local' | 'server'>('local');
  const form = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      clinic: { name: '', address: '', phone: '', email: '', logo: null },
      admin: { username: '', displayName: '', password: '' },
      confirm: '',
    },
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ confirm: _confirm, ...values }) => {
    setFormError(null);
    try {
      setSession(await unwrap(api.auth.setup(values)));
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });

  return (
    <AuthFrame title={t('setup.title')} subtitle={t('setup.subtitle')} width={560}>
      <Radio.Group
        mb="lg"
        label={t('server.choice.label')}
        value={where}
        onChange={(value) => setWhere(value === 'server' ? 'server' : 'local')}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="local" label={t('server.choice.local')} />
          <Radio value="server" label={t('server.choice.server')} />
        </Stack>
      </Radio.Group>
      {where === 'server' ? <ServerConnectForm /> : null}
      <form onSubmit={submit} noValidate aria-label={t('setup.title')} hidden={where === 'server'}>
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('setup.clinicSection')}
          </Title>
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
          <Divider />
          <Title order={2} size="h4">
            {t('setup.adminSection')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('setup.adminHelp')}
          </Text>
          <TextInput
            label={t('staff.displayName')}
            required
            {...form.register('admin.displayName')}
            error={errors.admin?.displayName?.message}
          />
          <TextInput
            dir="ltr"
            label={t('staff.username')}
            description={t('staff.usernameHelp')}
            required
            autoCapitalize="none"
            {...form.register('admin.username')}
            error={errors.admin?.username?.message}
          />
          <PasswordInput
            label={t('staff.password')}
            description={t('staff.passwordHelp')}
            required
            {...form.register('admin.password')}
            error={errors.admin?.password?.message}
          />
          <PasswordInput
            label={t('staff.confirmPassword')}
            required
            {...form.register('confirm')}
            error={errors.confirm?.message}
          />
          <FormError message={formError} />
          <Button type="submit" loading={isSubmitting}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
      {/* A new computer for an existing clinic: its backup instead of a new setup. */}
      <Divider my="lg" />
      <RecoverPanel />
      <Divider my="lg" />
      <RestorePanel />
    </AuthFrame>
  );
}
