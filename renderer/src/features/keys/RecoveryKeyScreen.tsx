import { Alert, Button, Checkbox, Code, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api';
import { host } from '../../lib/host';
import { FormError } from '../../ui/FormError';
import { KeysFrame } from './KeysFrame';
import { keysKeys, useApplyKeysStatus } from './queries';

/**
 * The recovery key, shown once when it is made: the sheet to print, and a confirmation that it
 * is kept somewhere safe. After that Mesochart forgets it.
 */
export function RecoveryKeyScreen() {
  const { t } = useTranslation();
  const apply = useApplyKeysStatus();
  const [kept, setKept] = useState(false);
  const key = useQuery({
    queryKey: keysKeys.recoveryKey,
    queryFn: () => unwrap(api.keys.recoveryKey({})),
    staleTime: Infinity,
  });
  const sheet = useMutation({
    mutationFn: async () => {
      const target = await host.chooseSaveFile('save-pdf', 'mesochart-recovery-sheet.pdf');
      if (!target) return null;
      return unwrap(api.keys.saveRecoverySheet({ target: target.token }));
    },
  });
  const confirm = useMutation({
    mutationFn: () => unwrap(api.keys.confirmRecoveryKey({})),
    onSuccess: apply,
  });
  const groups = key.data?.recoveryKey.split('-') ?? [];

  return (
    <KeysFrame title={t('keys.recoveryKey.title')} subtitle={t('keys.recoveryKey.subtitle')}>
      <Text size="sm">{t('keys.recoveryKey.help')}</Text>
      <Code
        block
        data-testid="recovery-key"
        aria-label={t('keys.recoveryKey.label')}
        fz={22}
        ta="center"
        fw={700}
        style={{ letterSpacing: '0.08em', wordSpacing: '0.4em' }}
      >
        {[groups.slice(0, 4).join('-'), groups.slice(4).join('-')].join('\n')}
      </Code>
      <FormError message={key.error?.message ?? sheet.error?.message ?? null} />
      <Group gap="sm">
        <Button variant="default" onClick={() => sheet.mutate()} loading={sheet.isPending}>
          {t('keys.recoveryKey.saveSheet')}
        </Button>
        {sheet.data ? (
          <Text size="sm" c="teal.9" role="status">
            {t('keys.recoveryKey.saved', { path: sheet.data.path })}
          </Text>
        ) : null}
      </Group>
      <Alert color="orange">{t('keys.recoveryKey.warning')}</Alert>
      <Stack gap="sm">
        <Checkbox
          label={t('keys.recoveryKey.kept')}
          checked={kept}
          onChange={(e) => setKept(e.currentTarget.checked)}
        />
        <Button disabled={!kept} loading={confirm.isPending} onClick={() => confirm.mutate()}>
          {t('keys.recoveryKey.continue')}
        </Button>
      </Stack>
    </KeysFrame>
  );
}
