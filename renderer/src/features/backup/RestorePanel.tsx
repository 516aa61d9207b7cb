import { Alert, Button, Group, PasswordInput, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api';
import { host } from '../../lib/host';
import { failureText } from '../../lib/error-text';
import type { PickedFile } from '../../../../shared/api/file-token';
import { backupKeys } from './queries';

interface Picked {
  file: PickedFile | null;
  folder: PickedFile | null;
}

/**
 * Restores a backup into an empty folder, checked the way `npm run admin -- restore` checks it.
 * Both come from the system's dialogs as one-time tokens; the services check the paths again.
 */
export function RestorePanel() {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Picked>({ file: null, folder: null });
  const [passphrase, setPassphrase] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const start = useMutation({
    mutationFn: () =>
      unwrap(
        api.backup.restore({
          file: picked.file?.token ?? '',
          folder: picked.folder?.token ?? '',
          passphrase,
        }),
      ),
    onMutate: () => setFields({}),
    onSuccess: (job) => setJobId(job.id),
    onError: (error) => {
      // The attempt spent both tokens: the file and the folder are chosen again.
      setPicked({ file: null, folder: null });
      const marked = (error as { fields?: Record<string, string> }).fields;
      if (marked) setFields(marked);
    },
  });
  const job = useQuery({
    queryKey: backupKeys.restoreJob(jobId),
    queryFn: () => unwrap(api.backup.restoreJob({ jobId: jobId ?? '' })),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 200 : false),
  });
  const state = job.data;
  const running = start.isPending || state?.status === 'running';
  const percent = state && state.totalBytes > 0 ? (100 * state.doneBytes) / state.totalBytes : 0;
  const choose = async (which: keyof Picked) => {
    const chosen =
      which === 'file' ? await host.pickBackupFile() : await host.pickFolder('restore-folder');
    if (chosen) setPicked((p) => ({ ...p, [which]: chosen }));
  };

  return (
    <Stack gap="sm" aria-labelledby="restore-title">
      <Title order={3} size="h5" id="restore-title">
        {t('backup.restore.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('backup.restore.help')}
      </Text>
      <Group gap="sm" align="center">
        <Button variant="default" onClick={() => void choose('file')} disabled={running}>
          {t('backup.restore.chooseFile')}
        </Button>
        <Text size="sm" data-testid="restore-file">
          {picked.file?.label ?? t('backup.restore.noFile')}
        </Text>
      </Group>
      {fields.file ? (
        <Text size="sm" c="red.8">
          {fields.file}
        </Text>
      ) : null}
      <Group gap="sm" align="center">
        <Button variant="default" onClick={() => void choose('folder')} disabled={running}>
          {t('backup.restore.chooseFolder')}
        </Button>
        <Text size="sm" data-testid="restore-folder">
          {picked.folder?.label ?? t('backup.restore.noFolder')}
        </Text>
      </Group>
      {fields.folder ? (
        <Text size="sm" c="red.8">
          {fields.folder}
        </Text>
      ) : null}
      <PasswordInput
        label={t('backup.restore.passphrase')}
        value={passphrase}
        onChange={(e) => setPassphrase(e.currentTarget.value)}
        error={fields.passphrase}
        w={320}
      />
      <Button
        w="fit-content"
        onClick={() => start.mutate()}
        loading={running}
        disabled={!picked.file || !picked.folder || passphrase === ''}
      >
        {t('backup.restore.submit')}
      </Button>
      {state?.status === 'running' ? (
        <Progress value={percent} aria-label={t('backup.restore.progress')} animated />
      ) : null}
      {start.isError && !(start.error as { fields?: unknown }).fields ? (
        <Alert color="red" role="alert">
          {start.error.message}
        </Alert>
      ) : null}
      {state?.status === 'failed' ? (
        <Alert color="red" role="alert" title={t('backup.restore.failed')}>
          {failureText(state.errorText, state.error ?? '')}
        </Alert>
      ) : null}
      {state?.status === 'succeeded' ? (
        <Alert color="teal" role="status" title={t('backup.restore.done')}>
          <Stack gap="xs">
            <Text size="sm">
              {t('backup.restore.doneDetail', {
                files: state.files,
                when: state.backupCreatedAt ? new Date(state.backupCreatedAt).toLocaleString() : '',
                folder: state.folder,
              })}
            </Text>
            <Text size="sm">
              {state.opensWith === 'keychain'
                ? t('backup.restore.opensWithKeychain')
                : t('backup.restore.opensWithPassphrase')}
            </Text>
            {state.recoveryKey ? (
              <>
                <Text size="sm" fw={600}>
                  {t('backup.restore.recoveryKey')}
                </Text>
                <Text
                  ff="monospace"
                  size="lg"
                  data-testid="restored-recovery-key"
                  style={{ userSelect: 'all' }}
                >
                  {state.recoveryKey}
                </Text>
              </>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
