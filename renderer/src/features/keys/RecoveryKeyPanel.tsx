import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api';
import { useApplyKeysStatus } from './queries';

/**
 * Settings > Backups, for the admin: a new recovery key when the sheet is lost (or was never
 * printed, as after an upgrade). Confirmed first, since the old sheet stops working; the new key
 * is then shown once on its own screen.
 */
export function RecoveryKeyPanel() {
  const { t } = useTranslation();
  const apply = useApplyKeysStatus();
  const [asking, setAsking] = useState(false);
  const renew = useMutation({
    mutationFn: () => unwrap(api.keys.newRecoveryKey({})),
    onSuccess: apply,
  });
  return (
    <Stack gap="sm" maw={640} aria-labelledby="recovery-key-title">
      <Title order={3} size="h5" id="recovery-key-title">
        {t('keys.panel.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('keys.panel.help')}
      </Text>
      {asking ? (
        <Alert color="orange" role="alert">
          <Stack gap="xs">
            <Text size="sm">{t('keys.panel.confirm')}</Text>
            <Button color="orange" loading={renew.isPending} onClick={() => renew.mutate()}>
              {t('keys.panel.make')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <Button
          variant="default"
          onClick={() => setAsking(true)}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('keys.panel.new')}
        </Button>
      )}
      {renew.error ? <Text c="red.8">{renew.error.message}</Text> : null}
    </Stack>
  );
}
