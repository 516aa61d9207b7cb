import { Anchor, Button, Divider, PasswordInput, Stack, Text } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { unlockInput } from '../../../../shared/api/auth';
import type { StaffUser } from '../../../../shared/api/staff';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { useSetSession } from '../../lib/session';
import { AuthFrame } from './AuthFrame';
import { SignInForm } from './SignInScreen';
import { FormError } from '../../ui/FormError';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

type FormValues = z.input<typeof unlockInput>;

/**
 * Shown instead of everything else while the screen is locked: only the locked user's name is
 * visible. Unlocking needs that user's password; another member of staff can sign in instead.
 */
export function LockScreen({ user, clinicName }: { user: StaffUser; clinicName: string | null }) {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const [otherUser, setOtherUser] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({
    resolver: zodResolver(unlockInput),
    defaultValues: { password: '' },
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      setSession(await unwrap(api.auth.unlock(values)));
    } catch (error) {
      form.setValue('password', '');
      setFormError(applyServerError(error, form.setError));
    }
  });

  return (
    <AuthFrame title={t('lock.title')} subtitle={clinicName}>
      {otherUser ? (
        <Stack gap="sm">
          <SignInForm submitLabel={t('lock.signInOther')} />
          <Anchor component="button" type="button" onClick={() => setOtherUser(false)}>
            {t('lock.back', { name: user.displayName })}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label={t('lock.unlock')}>
          <Stack gap="sm">
            <Text>{t('lock.lockedBy', { name: user.displayName })}</Text>
            <PasswordInput
              label={t('staff.password')}
              autoComplete="current-password"
              autoFocus
              {...form.register('password')}
              error={errors.password?.message}
            />
            <FormError message={formError} />
            <Button type="submit" loading={isSubmitting}>
              {t('lock.unlock')}
            </Button>
            <Divider label={t('lock.or')} />
            <Button variant="subtle" onClick={() => setOtherUser(true)}>
              {t('lock.otherUser')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}
