import { Button, Divider, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiFailure, unwrap } from '../../lib/api';
import { FormError } from '../../ui/FormError';
import { KeysFrame } from './KeysFrame';
import { PassphraseFields } from './PassphraseFields';
import { RecoverForm } from './RecoverForm';
import { keyFailureText, keyFieldTexts } from './key-text';
import { useApplyKeysStatus } from './queries';

/**
 * First start on a computer without a keychain: the clinic passphrase that will wrap its keys is
 * chosen before anything else, or an existing clinic is brought here with its recovery key.
 */
export function PassphraseSetupScreen() {
  const { t } = useTranslation();
  const apply = useApplyKeysStatus();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [recovering, setRecovering] = useState(false);
  const create = useMutation({
    mutationFn: () => unwrap(api.keys.create({ passphrase, confirm })),
    onSuccess: apply,
  });
  const failure = create.error instanceof ApiFailure ? create.error.error : null;

  return (
    <KeysFrame title={t('keys.setup.title')} subtitle={t('keys.setup.subtitle')}>
      <form
        noValidate
        aria-label={t('keys.setup.title')}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('keys.setup.help')}</Text>
          <PassphraseFields
            value={passphrase}
            confirm={confirm}
            onChange={setPassphrase}
            onConfirm={setConfirm}
            errors={keyFieldTexts(failure)}
          />
          <FormError message={failure && !failure.fields ? keyFailureText(failure) : null} />
          <Button type="submit" loading={create.isPending}>
            {t('keys.setup.submit')}
          </Button>
        </Stack>
      </form>
      <Divider />
      {recovering ? (
        <RecoverForm chooseFolder needsPassphrase />
      ) : (
        <Button variant="subtle" onClick={() => setRecovering(true)}>
          {t('keys.recover.open')}
        </Button>
      )}
    </KeysFrame>
  );
}
