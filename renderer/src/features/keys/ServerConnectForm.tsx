import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  serverSettingsSchema,
  type ServerCheckAnswer,
  type ServerSettingsInput,
} from '../../../../shared/api/keys';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { FormError } from '../../ui/FormError';
import { useApplyKeysStatus } from './queries';

const TLS_MODES = ['verify', 'require', 'off'] as const;

/**
 * "Connect to the clinic server" at first run: the connection, a test that says what is wrong
 * next to the field it concerns, and Connect, which keeps it (password sealed) for every start.
 */
export function ServerConnectForm() {
  const { t } = useTranslation();
  const apply = useApplyKeysStatus();
  const [tested, setTested] = useState<number | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ServerSettingsInput>({
    resolver: zodResolver(serverSettingsSchema),
    defaultValues: {
      host: '',
      port: 5432,
      database: 'mesochart',
      user: 'mesochart_app',
      password: '',
      tls: 'verify',
    },
  });
  const { errors, isSubmitting } = form.formState;

  /** The test's answer, shown next to its field; true when the server can be used. */
  const explain = (values: ServerSettingsInput, answer: ServerCheckAnswer): boolean => {
    if (answer.ok) {
      setTested(answer.version);
      return true;
    }
    setTested(null);
    const message = t(`server.failure.${answer.reason ?? 'failed'}`, {
      host: values.host,
      port: values.port,
      database: values.database,
      user: values.user,
      version: answer.version ?? '?',
    });
    form.setError(answer.field ?? 'host', { type: 'server', message }, { shouldFocus: true });
    return false;
  };

  const check = async (values: ServerSettingsInput) => {
    setFormError(null);
    try {
      return explain(values, await unwrap(api.keys.checkServer(values)));
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
      return false;
    }
  };

  const test = form.handleSubmit(async (values) => {
    await check(values);
  });
  const connect = form.handleSubmit(async (values) => {
    if (!(await check(values))) return;
    try {
      apply(await unwrap(api.keys.connectServer(values)));
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });

  return (
    <form noValidate onSubmit={connect} aria-label={t('server.connect.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('server.connect.help')}
        </Text>
        <Group grow align="flex-start">
          <TextInput
            label={t('server.connect.host')}
            required
            autoCapitalize="none"
            {...form.register('host', { onChange: () => setTested(null) })}
            error={errors.host?.message}
          />
          <Controller
            control={form.control}
            name="port"
            render={({ field }) => (
              <NumberInput
                label={t('server.connect.port')}
                required
                min={1}
                max={65535}
                allowDecimal={false}
                maw={120}
                value={field.value}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v))}
                onBlur={field.onBlur}
                error={errors.port?.message}
              />
            )}
          />
        </Group>
        <TextInput
          label={t('server.connect.database')}
          required
          autoCapitalize="none"
          {...form.register('database')}
          error={errors.database?.message}
        />
        <TextInput
          label={t('server.connect.user')}
          required
          autoCapitalize="none"
          {...form.register('user')}
          error={errors.user?.message}
        />
        <PasswordInput
          label={t('server.connect.password')}
          description={t('server.connect.passwordHelp')}
          {...form.register('password')}
          error={errors.password?.message}
        />
        <NativeSelect
          label={t('server.connect.tls')}
          data={TLS_MODES.map((mode) => ({ value: mode, label: t(`server.tls.${mode}`) }))}
          {...form.register('tls')}
          error={errors.tls?.message}
        />
        {tested !== null ? (
          <Alert color="teal" role="status">
            {t('server.connect.works', { version: tested })}
          </Alert>
        ) : null}
        <FormError message={formError} />
        <Group>
          <Button variant="default" onClick={() => void test()} loading={isSubmitting}>
            {t('server.connect.test')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('server.connect.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
