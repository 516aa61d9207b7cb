import { NativeSelect, NumberInput, PasswordInput, Group, TextInput } from '@mantine/core';
import { useCallback } from 'react';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ServerCheckAnswer, ServerSettingsInput } from '../../../../shared/api/keys';

const TLS_MODES = ['verify', 'require', 'off'] as const;

/** Any form holding a clinic server's connection under `server`. */
export type ServerForm = UseFormReturn<{ server: ServerSettingsInput }>;

/**
 * A clinic server's connection fields (first run, and the admin's move to a server), with
 * `passwordHelp` under the password. `onEdit` is told of each change (a test passed goes stale).
 */
export function ServerFields(props: { form: ServerForm; passwordHelp: string; onEdit(): void }) {
  const { t } = useTranslation();
  const { form, onEdit } = props;
  const errors = form.formState.errors.server;
  return (
    <>
      <Group grow align="flex-start">
        <TextInput
          dir="ltr"
          label={t('server.connect.host')}
          required
          autoCapitalize="none"
          {...form.register('server.host', { onChange: onEdit })}
          error={errors?.host?.message}
        />
        <Controller
          control={form.control}
          name="server.port"
          render={({ field }) => (
            <NumberInput
              label={t('server.connect.port')}
              required
              min={1}
              max={65535}
              allowDecimal={false}
              maw={120}
              value={field.value}
              onChange={(v) => {
                onEdit();
                field.onChange(typeof v === 'number' ? v : Number(v));
              }}
              onBlur={field.onBlur}
              error={errors?.port?.message}
            />
          )}
        />
      </Group>
      <TextInput
        dir="ltr"
        label={t('server.connect.database')}
        required
        autoCapitalize="none"
        {...form.register('server.database', { onChange: onEdit })}
        error={errors?.database?.message}
      />
      <TextInput
        dir="ltr"
        label={t('server.connect.user')}
        required
        autoCapitalize="none"
        {...form.register('server.user', { onChange: onEdit })}
        error={errors?.user?.message}
      />
      <PasswordInput
        label={t('server.connect.password')}
        description={props.passwordHelp}
        {...form.register('server.password', { onChange: onEdit })}
        error={errors?.password?.message}
      />
      <NativeSelect
        label={t('server.connect.tls')}
        data={TLS_MODES.map((mode) => ({ value: mode, label: t(`server.tls.${mode}`) }))}
        {...form.register('server.tls', { onChange: onEdit })}
        error={errors?.tls?.message}
      />
    </>
  );
}

/**
 * Shows a connection test's failure next to its field, in this screen's language (and focuses
 * the field unless `focus` is false). True when the server can be used. The same function while
 * the language stays, so a screen can word an answer again when it changes.
 */
export function useExplainServerCheck(form: ServerForm) {
  const { t } = useTranslation();
  return useCallback(
    (answer: ServerCheckAnswer, focus = true): boolean => {
      if (answer.ok) return true;
      const values = form.getValues('server');
      const message = t(`server.failure.${answer.reason ?? 'failed'}`, {
        host: values.host,
        port: values.port,
        database: values.database,
        user: values.user,
        version: answer.version ?? '?',
      });
      form.setError(
        `server.${answer.field ?? 'host'}`,
        { type: 'server', message },
        { shouldFocus: focus },
      );
      return false;
    },
    [t, form],
  );
}
