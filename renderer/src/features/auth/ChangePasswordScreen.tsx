import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { newPasswordSchema, type StaffUser } from '../../../../shared/api/staff';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { useSetSession } from '../../lib/session';
import { AuthFrame } from './AuthFrame';
import { FormError } from '../../ui/FormError';
import { keyed } from '../../../../shared/api/field-text';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

const formSchema = z
  .object({ newPassword: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, {
    ...keyed('validation.auth.passwordsNotSame', 'The two passwords are not the same'),
    path: ['confirm'],
  });
type FormValues = z.input<typeof formSchema>;

/**
 * Shown instead of the app after signing in with a reset's temporary code: the main process
 * refuses everything else until the user has chosen a password only they know.
 */
export function ChangePasswordScreen({
  user,
  clinicName,
}: {
  user: StaffUser;
  clinicName: string | null;
}) {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { newPassword: '', confirm: '' },
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await unwrap(api.staff.changeOwnPassword({ newPassword: values.newPassword }));
      setSession(await unwrap(api.auth.state({})));
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  const signOut = async () => setSession(await unwrap(api.auth.signOut({})));
  return (
    <AuthFrame title={t('changePassword.title')} subtitle={clinicName}>
      <Alert color="blue" title={t('changePassword.why', { name: user.displayName })}>
        {t('changePassword.help')}
      </Alert>
      <form onSubmit={submit} noValidate aria-label={t('changePassword.title')}>
        <Stack gap="sm">
          <PasswordInput
            label={t('staff.newPassword')}
            description={t('staff.passwordHelp')}
            autoComplete="new-password"
            autoFocus
            required
            {...form.register('newPassword')}
            error={errors.newPassword?.message}
          />
          <PasswordInput
            label={t('staff.confirmPassword')}
            autoComplete="new-password"
            required
            {...form.register('confirm')}
            error={errors.confirm?.message}
          />
          <FormError message={formError} />
          <Button type="submit" loading={isSubmitting}>
            {t('changePassword.submit')}
          </Button>
          <Text size="sm" c="dimmed">
            <Anchor component="button" type="button" onClick={() => void signOut()}>
              {t('shell.signOut')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}
