import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerWait } from '../../../../shared/api/keys';
import type { ShippedLanguage } from '../../../../shared/documents/languages';
import { api, ApiFailure, unwrap } from '../../lib/api';
import { errorText } from '../../lib/error-text';
import { uiLocale, useUiLanguage } from '../../lib/ui-language';
import { ScreenLanguageSelect } from '../staff';
import { KeysFrame } from './KeysFrame';
import { ServerConnectForm } from './ServerConnectForm';
import { useApplyKeysStatus } from './queries';

/** How often the screen tries the server again by itself. */
export const RETRY_SECONDS = 5;

/**
 * The clinic server this computer works on could not be opened at start-up: which server, why
 * (each failure in its own words), Try again (and again by itself every few seconds), and
 * Change the connection, tested before it is kept. The administrator's part says why no empty
 * record is opened here instead. Nobody is signed in yet and the clinic's language lives on the
 * server, so the screen offers its own language choice.
 */
export function ServerWaitScreen({ server }: { server: ServerWait }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<ShippedLanguage>('en');
  useUiLanguage(language);
  const apply = useApplyKeysStatus();
  // A password this computer cannot open is only typed again: the form opens at once, and
  // trying the same saved connection again by itself could not help.
  const sealed = server.reason === 'password-sealed';
  const [changing, setChanging] = useState(sealed);
  const [details, setDetails] = useState(false);
  const retry = useMutation({
    mutationFn: () => unwrap(api.keys.retryServer({})),
    onSuccess: apply,
  });
  // Again by itself a few seconds after each attempt ends: a slow server never piles them up.
  const { mutate, isPending } = retry;
  useEffect(() => {
    if (isPending || sealed) return;
    const timer = setTimeout(() => mutate(), RETRY_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [isPending, mutate, server.triedAt, sealed]);

  const values = {
    host: server.host,
    port: server.port,
    database: server.database,
    user: server.user,
    version: server.version ?? '?',
  };
  const time = new Date(server.triedAt).toLocaleTimeString(uiLocale(language));
  const failure = retry.error instanceof ApiFailure ? errorText(retry.error.error) : null;
  // The saved password never reaches the window: it is typed again to change the connection.
  const initial = {
    host: server.host,
    port: server.port,
    database: server.database,
    user: server.user,
    password: '',
    tls: server.tls,
  };

  return (
    <KeysFrame title={t('server.startup.title')} subtitle={t('server.startup.subtitle', values)}>
      <ScreenLanguageSelect
        label={t('server.startup.language')}
        value={language}
        onChange={(next) => setLanguage(next ?? 'en')}
        maw={240}
      />
      <Alert color="red" role="alert" title={t('server.startup.why')} data-testid="server-failure">
        {t(`server.failure.${server.reason}`, values)}
      </Alert>
      {sealed ? null : (
        <Text size="sm" role="status" data-testid="server-retry">
          {retry.isPending
            ? t('server.startup.trying')
            : t('server.startup.retrying', { seconds: RETRY_SECONDS, time })}
        </Text>
      )}
      {failure ? <Alert color="orange">{failure}</Alert> : null}
      <Group>
        <Button onClick={() => retry.mutate()} loading={retry.isPending}>
          {t('server.startup.tryAgain')}
        </Button>
        {server.setBy === 'this-computer' ? (
          <Button
            variant="default"
            aria-expanded={changing}
            onClick={() => setChanging((open) => !open)}
          >
            {t('server.startup.change')}
          </Button>
        ) : null}
      </Group>
      {server.setBy === 'administrator' ? (
        <Text size="sm">{t('server.startup.setByAdministrator')}</Text>
      ) : null}
      {changing ? (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('server.startup.change')}
          </Title>
          <ServerConnectForm
            initial={initial}
            help={t('server.startup.changeHelp')}
            passwordHelp={t('server.startup.passwordHelp')}
          />
        </Stack>
      ) : null}
      <div>
        <Button
          variant="subtle"
          px={0}
          aria-expanded={details}
          onClick={() => setDetails((open) => !open)}
        >
          {t('server.startup.adminToggle')}
        </Button>
        {details ? (
          <Stack gap="xs" mt="xs" data-testid="server-admin-details">
            <Text size="sm">{t(`server.startup.localRecord.${server.localRecord}`)}</Text>
            <Text size="sm">{t('server.startup.noFallback')}</Text>
            <Text size="sm">{t('server.startup.adminSteps', values)}</Text>
          </Stack>
        ) : null}
      </div>
    </KeysFrame>
  );
}
