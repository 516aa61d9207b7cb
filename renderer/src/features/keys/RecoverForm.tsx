import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiFailure, unwrap } from '../../lib/api';
import { host } from '../../lib/host';
import type { PickedFile } from '../../../../shared/api/file-token';
import { FormError } from '../../ui/FormError';
import { PassphraseFields } from './PassphraseFields';
import { keyFailureText, keyFieldTexts } from './key-text';
import { useApplyKeysStatus } from './queries';

/**
 * Opens the clinic with its recovery key, then seals its keys for this computer (with a new
 * clinic passphrase where there is no keychain). `chooseFolder`: the clinic's data folder is
 * picked (a new computer's setup screen); otherwise it is this computer's data folder.
 */
export function RecoverForm(props: { chooseFolder: boolean; needsPassphrase: boolean }) {
  const { t } = useTranslation();
  const apply = useApplyKeysStatus();
  const [folder, setFolder] = useState<PickedFile | null>(null);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const recover = useMutation({
    mutationFn: () =>
      unwrap(
        api.keys.recover({
          recoveryKey,
          folder: props.chooseFolder ? (folder?.token ?? '') : null,
          passphrase: props.needsPassphrase ? passphrase : '',
          confirm: props.needsPassphrase ? confirm : '',
        }),
      ),
    onSuccess: apply,
    // The folder's token was spent by the attempt: the folder is chosen again.
    onError: () => setFolder(null),
  });
  const failure = recover.error instanceof ApiFailure ? recover.error.error : null;
  const errors = keyFieldTexts(failure);
  const formError =
    recover.error && !(failure?.fields && Object.keys(failure.fields).length > 0)
      ? (keyFailureText(failure) ?? recover.error.message)
      : null;

  return (
    <form
      noValidate
      aria-labelledby="recover-title"
      onSubmit={(e) => {
        e.preventDefault();
        recover.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="recover-title">
          {t('keys.recover.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t(props.chooseFolder ? 'keys.recover.helpFolder' : 'keys.recover.help')}
        </Text>
        {props.chooseFolder ? (
          <Stack gap={4}>
            <Group gap="sm">
              <Button
                variant="default"
                onClick={() => void host.pickFolder('clinic-folder').then((f) => f && setFolder(f))}
              >
                {t('keys.recover.chooseFolder')}
              </Button>
              <Text size="sm" data-testid="recover-folder">
                {folder?.label ?? t('keys.recover.noFolder')}
              </Text>
            </Group>
            {errors.folder ? (
              <Text size="sm" c="red.8">
                {errors.folder}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        <TextInput
          label={t('keys.recover.key')}
          dir="ltr"
          description={t('keys.recover.keyHelp')}
          required
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontFamily: 'monospace' } }}
          placeholder={t('keys.recover.keyPlaceholder')}
          value={recoveryKey}
          onChange={(e) => setRecoveryKey(e.currentTarget.value)}
          error={errors.recoveryKey}
        />
        {props.needsPassphrase ? (
          <PassphraseFields
            value={passphrase}
            confirm={confirm}
            onChange={setPassphrase}
            onConfirm={setConfirm}
            errors={errors}
          />
        ) : null}
        <FormError message={formError} />
        <Button type="submit" loading={recover.isPending}>
          {t('keys.recover.submit')}
        </Button>
      </Stack>
    </form>
  );
}
