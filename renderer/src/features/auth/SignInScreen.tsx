import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { signInInput } from '../../../../shared/api/auth';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { useSetSession } from '../../lib/session';
import { AuthFrame } from './AuthFrame';
import { FormError } from '../../ui/FormError';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

type FormValues = z.input<typeof signInInput>;

export function SignInForm(props: { submitLabel: string }) {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({
    resolver: zodResolver(signInInput),
    defaultValues: { username: '', password: '' },
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      setSession(await unwrap(api.auth.signIn(values)));
    } catch (error) {
      // The user name stays; only the password is cleared for the next try.
      form.setValue('password', '');
      setFormError(applyServerError(error, form.setError));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={props.submitLabel}>
      <Stack gap="sm">
        <TextInput
          dir="ltr"
          label={t('staff.username')}
          autoComplete="username"
          autoCapitalize="none"
          data-autofocus
          autoFocus
          {...form.register('username')}
          error={errors.username?.message}
        />
        <PasswordInput
          label={t('staff.password')}
          autoComplete="current-password"
          {...form.register('password')}
          error={errors.password?.message}
        />
        <FormError message={formError} />
        <Button type="submit" loading={isSubmitting}>
          {props.submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

export function SignInScreen({ clinicName }: { clinicName: string | null }) {
  const { t } = useTranslation();
  return (
    <AuthFrame title={t('signIn.title')} subtitle={clinicName}>
      <SignInForm submitLabel={t('signIn.submit')} />
    </AuthFrame>
  );
}
