import {
  Divider,
  Alert,
  Button,
  Group,
  Input,
  Loader,
  NumberInput,
  PasswordInput,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  backupConfigureInput,
  type BackupConfigureInput,
  type BackupJob,
  type BackupStatus,
} from '../../../../shared/api/backup';
import { api, unwrap } from '../../lib/api';
import { host } from '../../lib/host';
import { TimeOfDayInput } from '../../ui/TimeInputs';
import type { PickedFile } from '../../../../shared/api/file-token';
import { applyServerError } from '../../lib/forms';
import { formatInstant } from '../../lib/dates';
import { failureText } from '../../lib/error-text';
import { backupKeys } from './queries';
import { RestorePanel } from './RestorePanel';
import { FormError } from '../../ui/FormError';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function LastBackup({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const { lastSuccess, lastFailure } = status;
  return (
    <Stack gap="xs" data-testid="backup-last">
      <Title order={3}>{t('backup.lastTitle')}</Title>
      {lastSuccess ? (
        <>
          <Text>{t('backup.lastSuccess', { when: formatInstant(lastSuccess.at) })}</Text>
          <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {t('backup.lastFile', { file: lastSuccess.file, size: formatSize(lastSuccess.size) })}
          </Text>
        </>
      ) : null}
      {status.stale ? (
        <Alert color="orange" role="alert">
          {lastSuccess ? t('backup.stale') : t('backup.never')}
        </Alert>
      ) : null}
      {lastFailure ? (
        <Alert color="red">
          {t('backup.lastFailure', {
            when: formatInstant(lastFailure.at),
            message: failureText(lastFailure.text, lastFailure.message),
          })}
        </Alert>
      ) : null}
    </Stack>
  );
}

function SettingsForm({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  // The folder is chosen in the system's dialog: the form holds its one-time token, the screen
  // shows the chosen path (or the one saved).
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const form = useForm<BackupConfigureInput>({
    resolver: zodResolver(backupConfigureInput),
    defaultValues: {
      time: status.time,
      keep: status.keep,
      passphrase: '',
      passphraseConfirm: '',
    },
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await unwrap(api.backup.updateSettings(values));
      client.setQueryData(backupKeys.status, saved);
      setPicked(null);
      form.reset({ ...values, folder: undefined, passphrase: '', passphraseConfirm: '' });
      notifications.show({ message: t('backup.saved'), color: 'teal' });
    } catch (error) {
      // A chosen folder's token is spent by the attempt: it is chosen again if it was refused.
      setPicked(null);
      form.setValue('folder', undefined);
      setFormError(applyServerError(error, form.setError));
    }
  });
  const chooseFolder = async () => {
    const chosen = await host.pickFolder('backup-folder');
    if (!chosen) return;
    setPicked(chosen);
    form.setValue('folder', chosen.token);
    form.clearErrors('folder');
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('backup.settingsTitle')}>
      <Stack gap="md">
        <Title order={3}>{t('backup.settingsTitle')}</Title>
        <Input.Wrapper
          label={t('backup.folder')}
          description={t('backup.folderHelp')}
          error={errors.folder?.message}
          required
        >
          <Group gap="sm" mt={4}>
            <Button variant="default" onClick={() => void chooseFolder()}>
              {t('backup.chooseBackupFolder')}
            </Button>
            <Text size="sm" data-testid="backup-folder" style={{ wordBreak: 'break-all' }}>
              {picked?.label ?? status.folder ?? t('backup.noBackupFolder')}
            </Text>
          </Group>
        </Input.Wrapper>
        <Group align="flex-start" grow>
          <Controller
            control={form.control}
            name="time"
            render={({ field }) => (
              <TimeOfDayInput
                label={t('backup.time')}
                description={t('backup.timeHelp')}
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.time?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="keep"
            render={({ field }) => (
              <NumberInput
                label={t('backup.keep')}
                description={t('backup.keepHelp')}
                min={1}
                max={365}
                allowDecimal={false}
                value={field.value}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
                onBlur={field.onBlur}
                error={errors.keep?.message}
              />
            )}
          />
        </Group>
        {status.canStorePassphrase ? (
          <>
            <PasswordInput
              label={t('backup.passphrase')}
              description={`${t('backup.passphraseHelp')}${
                status.passphraseStored ? ` ${t('backup.passphraseKeepHelp')}` : ''
              }`}
              autoComplete="new-password"
              {...form.register('passphrase')}
              error={errors.passphrase?.message}
            />
            <PasswordInput
              label={t('backup.passphraseConfirm')}
              autoComplete="new-password"
              {...form.register('passphraseConfirm')}
              error={errors.passphraseConfirm?.message}
            />
            <Text size="sm" c={status.passphraseStored ? 'dimmed' : 'orange'}>
              {status.passphraseStored ? t('backup.sealed') : t('backup.needPassphrase')}
            </Text>
          </>
        ) : (
          <Alert color="yellow">{t('backup.noKeychain')}</Alert>
        )}
        <FormError message={formError} />
        <Button type="submit" loading={isSubmitting} w="fit-content">
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

function BackUpNow({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [passphrase, setPassphrase] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const job = useQuery({
    queryKey: backupKeys.job(jobId),
    enabled: jobId !== null,
    queryFn: async (): Promise<BackupJob> => {
      const value = await unwrap(api.backup.job({ jobId: jobId ?? '' }));
      if (value.status !== 'running')
        await client.invalidateQueries({ queryKey: backupKeys.status });
      return value;
    },
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 300 : false),
  });
  const running = starting || job.data?.status === 'running';
  const start = async () => {
    setFieldError(null);
    setFormError(null);
    setStarting(true);
    try {
      const started = await unwrap(api.backup.run({ passphrase }));
      setPassphrase('');
      setJobId(started.id);
    } catch (error) {
      let onField = false;
      const message = applyServerError(error, (field, e) => {
        if (field !== 'passphrase') return;
        onField = true;
        setFieldError(e.message ?? null);
      });
      // A message shown at the passphrase field is not repeated below the button.
      if (!onField) setFormError(message);
    } finally {
      setStarting(false);
    }
  };
  const data = job.data;
  const percent = data && data.totalBytes > 0 ? (100 * data.doneBytes) / data.totalBytes : 0;
  return (
    <form
      noValidate
      aria-label={t('backup.nowTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <Stack gap="sm">
        <Title order={3}>{t('backup.nowTitle')}</Title>
        {status.passphraseStored ? (
          <Text size="sm" c="dimmed">
            {t('backup.nowStored')}
          </Text>
        ) : (
          <PasswordInput
            label={t('backup.nowPassphrase')}
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={fieldError}
          />
        )}
        <Button type="submit" loading={running} disabled={!status.folder} w="fit-content">
          {t('backup.now')}
        </Button>
        {data ? (
          <Stack gap={4} aria-live="polite">
            <Progress
              value={data.status === 'succeeded' ? 100 : percent}
              color={data.status === 'failed' ? 'red' : 'teal'}
              aria-label={t('backup.progress')}
              animated={data.status === 'running'}
            />
            {data.status === 'running' ? (
              <Text size="sm">
                {t('backup.running', {
                  done: formatSize(data.doneBytes),
                  total: formatSize(data.totalBytes),
                })}
              </Text>
            ) : null}
            {data.status === 'succeeded' ? (
              <Text size="sm" c="teal" style={{ wordBreak: 'break-all' }}>
                {t('backup.succeeded', { file: data.file ?? '' })}
              </Text>
            ) : null}
            {data.status === 'failed' ? (
              <Alert color="red" role="alert">
                {t('backup.failed', { message: failureText(data.errorText, data.error ?? '') })}
              </Alert>
            ) : null}
          </Stack>
        ) : null}
        <FormError message={formError} />
      </Stack>
    </form>
  );
}

/** The admin's backup settings: where and when backups go, and a manual backup with progress. */
export function BackupPanel() {
  const status = useQuery({
    queryKey: backupKeys.status,
    queryFn: () => unwrap(api.backup.status({})),
  });
  if (status.isError) return <Alert color="red">{status.error.message}</Alert>;
  if (!status.data) return <Loader size="sm" />;
  return (
    <Stack gap="xl" maw={640}>
      <LastBackup status={status.data} />
      <SettingsForm status={status.data} />
      <BackUpNow status={status.data} />
      <Divider />
      <RestorePanel />
    </Stack>
  );
}
