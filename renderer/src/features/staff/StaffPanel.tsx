import {
  Badge,
  Button,
  Code,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { staffCreateInput, type StaffUser } from '../../../../shared/api/staff';
import { roles, type Role } from '../../../../shared/api/roles';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { FormError } from '../../ui/FormError';
import { staffKeys } from './queries';
import { formatInstant } from '../../lib/dates';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

function useRoleOptions() {
  const { t } = useTranslation();
  return roles.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

function CreateStaffForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const roleOptions = useRoleOptions();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof staffCreateInput>>({
    resolver: zodResolver(staffCreateInput),
    defaultValues: { username: '', displayName: '', role: 'receptionist', password: '' },
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await unwrap(api.staff.create(values));
      await client.invalidateQueries({ queryKey: staffKeys.list });
      notifications.show({
        message: t('staff.created', { name: created.displayName }),
        color: 'teal',
      });
      onDone();
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('staff.add')}>
      <Stack gap="sm">
        <TextInput
          label={t('staff.displayName')}
          required
          data-autofocus
          {...form.register('displayName')}
          error={errors.displayName?.message}
        />
        <TextInput
          dir="ltr"
          label={t('staff.username')}
          description={t('staff.usernameHelp')}
          required
          autoCapitalize="none"
          {...form.register('username')}
          error={errors.username?.message}
        />
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => (
            <Select
              label={t('staff.role')}
              data={roleOptions}
              allowDeselect={false}
              value={field.value}
              onChange={(v) => field.onChange(v as Role)}
              error={errors.role?.message}
            />
          )}
        />
        <PasswordInput
          label={t('staff.initialPassword')}
          description={t('staff.passwordHelp')}
          required
          {...form.register('password')}
          error={errors.password?.message}
        />
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('staff.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The admin's reset: never a password the admin chooses or learns, but a one-time temporary
 * code shown once, to hand over in person, that only lets its holder choose a new password.
 */
function ResetPasswordForm({ user, onDone }: { user: StaffUser; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const reset = useMutation({
    mutationFn: () => unwrap(api.staff.resetPassword({ id: user.id })),
    onSuccess: () => client.invalidateQueries({ queryKey: staffKeys.list }),
  });
  if (reset.data) {
    const expires = formatInstant(reset.data.expiresAt);
    return (
      <Stack gap="sm">
        <Text>{t('staff.resetDone', { name: user.displayName })}</Text>
        <Code
          block
          fz="xl"
          ta="center"
          data-testid="temporary-code"
          aria-label={t('staff.temporaryCode')}
        >
          {reset.data.temporaryCode}
        </Code>
        <Text size="sm">{t('staff.resetHandOver', { name: user.displayName, expires })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('staff.resetClose')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Text>{t('staff.resetExplain', { name: user.displayName })}</Text>
      <FormError message={reset.error?.message ?? null} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button color="red.9" loading={reset.isPending} onClick={() => reset.mutate()}>
          {t('staff.resetConfirm')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Staff accounts: create, change role, deactivate or reactivate, reset a forgotten password. */
export function StaffPanel({ currentUserId }: { currentUserId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const roleOptions = useRoleOptions();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<StaffUser | null>(null);
  const [deactivating, setDeactivating] = useState<StaffUser | null>(null);
  const [error, setError] = useState<string | null>(null);
  const staff = useQuery({ queryKey: staffKeys.list, queryFn: () => unwrap(api.staff.list({})) });

  const update = async (input: { id: string; role?: Role; active?: boolean }) => {
    setError(null);
    try {
      await unwrap(api.staff.update(input));
      await client.invalidateQueries({ queryKey: staffKeys.list });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Stack>
      <Group>
        <Button onClick={() => setCreating(true)}>{t('staff.add')}</Button>
      </Group>
      <FormError message={error} />
      <Table striped highlightOnHover aria-label={t('staff.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staff.displayName')}</Table.Th>
            <Table.Th>{t('staff.username')}</Table.Th>
            <Table.Th>{t('staff.role')}</Table.Th>
            <Table.Th>{t('staff.status')}</Table.Th>
            <Table.Th>{t('staff.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(staff.data ?? []).map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>{u.username}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('staff.roleOf', { name: u.displayName })}
                  data={roleOptions}
                  value={u.role}
                  allowDeselect={false}
                  disabled={!u.active}
                  onChange={(v) => v && v !== u.role && void update({ id: u.id, role: v as Role })}
                  w={170}
                />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge color={u.active ? 'teal' : 'gray'} variant="light">
                    {u.active ? t('staff.active') : t('staff.inactive')}
                  </Badge>
                  {u.mustChangePassword ? (
                    <Badge color="red.9" variant="outline">
                      {t('staff.resetPending')}
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Button size="xs" variant="default" onClick={() => setResetting(u)}>
                    {t('staff.resetPassword')}
                  </Button>
                  {u.id !== currentUserId ? (
                    <Button
                      size="xs"
                      variant="light"
                      color={u.active ? 'red' : 'teal'}
                      onClick={() =>
                        u.active ? setDeactivating(u) : void update({ id: u.id, active: true })
                      }
                    >
                      {u.active ? t('staff.deactivate') : t('staff.reactivate')}
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('staff.add')}>
        <CreateStaffForm onDone={() => setCreating(false)} />
      </Modal>
      <Modal
        opened={deactivating !== null}
        onClose={() => setDeactivating(null)}
        title={t('staff.deactivateTitle', { name: deactivating?.displayName ?? '' })}
      >
        <Stack>
          <Text>{t('staff.deactivateBody', { name: deactivating?.displayName ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeactivating(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                if (deactivating) void update({ id: deactivating.id, active: false });
                setDeactivating(null);
              }}
            >
              {t('staff.deactivate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={resetting !== null}
        onClose={() => setResetting(null)}
        title={t('staff.resetPasswordFor', { name: resetting?.displayName ?? '' })}
        closeButtonProps={{ 'aria-label': t('common.cancel') }}
      >
        {resetting ? (
          <ResetPasswordForm user={resetting} onDone={() => setResetting(null)} />
        ) : null}
      </Modal>
    </Stack>
  );
}
