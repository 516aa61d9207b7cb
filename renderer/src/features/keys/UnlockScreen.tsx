import { Alert, Button, Divider, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeysStatus } from '../../../../shared/api/keys';
import { api, ApiFailure, unwrap } from '../../lib/api';
import { KeysFrame } from './KeysFrame';
import { RecoverForm } from './RecoverForm';
import { keyFailureText, keyFieldTexts, keysStatusText } from './key-text';
import { useApplyKeysStatus } from './queries';

/**
 * The clinic's keys exist but are closed: the clinic passphrase opens them; where the keychain
 * cannot (another computer, a lost keychain) only the recovery key can.
 */
export function UnlockScreen({ status }: { status: KeysStatus }) {
  const { t } = useTranslation();
  const apply = useApplyKeysStatus();
  const [passphrase, setPassphrase] = useState('');
  const [recovering, setRecovering] = useState(status.method === 'keychain');
  const unlock = useMutation({
    mutationFn: () => unwrap(api.keys.unlock({ passphrase })),
    onSuccess: apply,
  });
  const failure = unlock.error instanceof ApiFailure ? unlock.error.error : null;
  const withPassphrase = status.method === 'passphrase';

  return (
    <KeysFrame title={t('keys.unlock.title')} subtitle={t('keys.unlock.subtitle')}>
      {status.message ? <Alert color="orange">{keysStatusText(status)}</Alert> : null}
      {withPassphrase ? (
        <form
          noValidate
          aria-label={t('keys.unlock.title')}
          onSubmit={(e) => {
            e.preventDefault();
            unlock.mutate();
          }}
        >
          <Stack gap="sm">
            <PasswordInput
              label={t('keys.passphrase')}
              required
              autoFocus
              autoComplete="current-password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              error={keyFieldTexts(failure).passphrase ?? keyFailureText(failure) ?? undefined}
            />
            <Button type="submit" loading={unlock.isPending}>
              {t('keys.unlock.submit')}
            </Button>
          </Stack>
        </form>
      ) : null}
      {withPassphrase ? <Divider /> : null}
      {recovering ? (
        <RecoverForm chooseFolder={false} needsPassphrase={withPassphrase} />
      ) : (
        <Button variant="subtle" onClick={() => setRecovering(true)}>
          {t('keys.unlock.forgot')}
        </Button>
      )}
    </KeysFrame>
  );
}
