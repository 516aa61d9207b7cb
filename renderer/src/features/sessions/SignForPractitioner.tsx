import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TreatmentSession } from '../../../../shared/api/sessions';
import { ApiFailure, api, unwrap } from '../../lib/api';
import { TREATMENTS_KEY } from '../../lib/query-keys';
import { FormError } from '../../ui/FormError';
import { sessionsKeys } from './queries';

/**
 * A complete draft of another practitioner, opened at a workstation where a colleague is signed
 * in: the session's own practitioner signs it here with their own password. The service checks
 * the password (a wrong one counts towards the sign-in delay) and signs nothing otherwise; the
 * message goes next to the field.
 */
export function SignForPractitioner({ session }: { session: TreatmentSession }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const name = session.practitionerName;
  const sign = useMutation({
    mutationFn: () => unwrap(api.sessions.sign({ id: session.id, practitionerPassword: password })),
    onSuccess: async () => {
      setOpened(false);
      await client.invalidateQueries({ queryKey: sessionsKeys.one(session.id) });
      await client.invalidateQueries({ queryKey: TREATMENTS_KEY });
    },
    // A wrong password is typed again, not kept.
    onError: () => setPassword(''),
  });
  const failure = sign.error instanceof ApiFailure ? sign.error.error : null;
  const fieldError = failure?.fields?.['practitionerPassword'];
  const submit = () => {
    setTried(true);
    if (password === '') return;
    sign.mutate();
  };
  const close = () => {
    if (sign.isPending) return;
    setOpened(false);
    setPassword('');
    setTried(false);
    sign.reset();
  };
  return (
    <>
      <Group justify="flex-end">
        <Button onClick={() => setOpened(true)}>{t('sessions.signFor', { name })}</Button>
      </Group>
      <Modal
        opened={opened}
        onClose={close}
        title={t('sessions.signForTitle', { name })}
        closeButtonProps={{ 'aria-label': t('common.cancel') }}
      >
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack>
            <Text size="sm">{t('sessions.signForHelp', { name })}</Text>
            <Text size="sm">{t('sessions.signBody')}</Text>
            <PasswordInput
              label={t('sessions.signForPassword', { name })}
              autoComplete="off"
              data-autofocus
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              visibilityToggleButtonProps={{ 'aria-label': t('sessions.signForShowPassword') }}
              // Mantine's error red is below AA contrast on white: the darker shade, as elsewhere.
              styles={{
                innerInput: { color: 'var(--mantine-color-text)' },
                error: { color: 'var(--mantine-color-red-8)' },
              }}
              error={
                tried && password === '' && !fieldError
                  ? t('sessions.signForPasswordMissing', { name })
                  : fieldError
              }
            />
            <FormError message={failure && !fieldError ? failure.message : null} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={sign.isPending}>
                {t('sessions.signConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
