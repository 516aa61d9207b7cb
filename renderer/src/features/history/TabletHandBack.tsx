import { Box, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { resumeStaffInput, type SessionState } from '../../../../shared/api/auth';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { FormError } from '../../ui/FormError';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

type FormValues = z.input<typeof resumeStaffInput>;

/**
 * Where staff take the tablet back: their own name and password, checked by the main process,
 * which alone ends patient mode. A wrong password is refused and audited there.
 */
export function TabletHandBack({ onResumed }: { onResumed: (state: SessionState) => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({
    resolver: zodResolver(resumeStaffInput),
    defaultValues: { username: '', password: '' },
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onResumed(await unwrap(api.auth.resumeStaff(values)));
    } catch (error) {
      // The tablet is in the patient's hands: neither field keeps what staff typed.
      form.reset({ username: '', password: '' });
      setFormError(applyServerError(error, form.setError));
    }
  });
  return (
    <Paper withBorder p="lg" maw={420}>
      <form onSubmit={submit} noValidate aria-label={t('history.tablet.staffTitle')}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('history.tablet.staffTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('history.tablet.staffHelp')}
          </Text>
          <TextInput
            dir="ltr"
            label={t('staff.username')}
            autoComplete="off"
            autoCapitalize="none"
            {...form.register('username')}
            error={errors.username?.message}
          />
          <PasswordInput
            label={t('staff.password')}
            autoComplete="off"
            {...form.register('password')}
            error={errors.password?.message}
          />
          <FormError message={formError} />
          <Button type="submit" loading={isSubmitting}>
            {t('history.tablet.resume')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The whole screen once the patient is done: thanks, and where staff take the tablet back. */
export function TabletHandBackScreen({ onResumed }: { onResumed: (state: SessionState) => void }) {
  const { t } = useTranslation();
  return (
    <Box maw={900} mx="auto" p="xl" data-testid="tablet-hand-back">
      <Stack gap="xl">
        <Title order={1}>{t('history.tablet.thanks')}</Title>
        <Text size="xl">{t('history.tablet.handBack')}</Text>
        <TabletHandBack onResumed={onResumed} />
      </Stack>
    </Box>
  );
}
