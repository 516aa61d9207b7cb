import { Alert, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { staffUpdateOwnProfileInput, type StaffUser } from '../../../../shared/api/staff';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { FormError } from '../../ui/FormError';
import { staffKeys } from './queries';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

type FormValues = z.input<typeof staffUpdateOwnProfileInput>;
type FormOutput = z.output<typeof staffUpdateOwnProfileInput>;

/**
 * The signed-in person's own profile. A practitioner's licence or registration number is printed
 * beside their name on every consent and session summary, so they keep it right themselves.
 */
export function OwnProfilePage() {
  const { t } = useTranslation();
  const profile = useQuery({
    queryKey: staffKeys.ownProfile,
    queryFn: () => unwrap(api.staff.ownProfile({})),
  });
  return (
    <Stack maw={560}>
      <Title order={2}>{t('profile.title')}</Title>
      {profile.isPending ? <Loader aria-label={t('profile.loading')} /> : null}
      {profile.isError ? (
        <Alert color="red" role="alert">
          {profile.error.message}
        </Alert>
      ) : null}
      {profile.data ? <ProfileForm user={profile.data} /> : null}
    </Stack>
  );
}

function ProfileForm({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues, unknown, FormOutput>({
    resolver: zodResolver(staffUpdateOwnProfileInput),
    defaultValues: { licenceNumber: user.licenceNumber ?? '' },
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      // The form checked the field; the service reads an empty one as "no number".
      const saved = await unwrap(
        api.staff.updateOwnProfile({ licenceNumber: values.licenceNumber ?? '' }),
      );
      client.setQueryData(staffKeys.ownProfile, saved);
      form.reset({ licenceNumber: saved.licenceNumber ?? '' });
      notifications.show({ message: t('profile.saved'), color: 'teal' });
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text fw={600}>{user.displayName}</Text>
          <Text size="sm" c="dimmed">
            {t('profile.account', { username: user.username, role: t(`roles.${user.role}`) })}
          </Text>
        </Stack>
      </Paper>
      <form onSubmit={submit} noValidate aria-label={t('profile.title')}>
        <Stack gap="sm">
          <TextInput
            label={t('profile.licenceNumber')}
            description={t('profile.licenceHelp')}
            autoComplete="off"
            data-autofocus
            {...form.register('licenceNumber')}
            error={errors.licenceNumber?.message}
          />
          <FormError message={formError} />
          <Group>
            <Button type="submit" loading={isSubmitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
