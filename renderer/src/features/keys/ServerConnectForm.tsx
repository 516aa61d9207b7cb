import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  serverSettingsSchema,
  type ServerCheckAnswer,
  type ServerSettingsInput,
} from '../../../../shared/api/keys';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { FormError } from '../../ui/FormError';
import { useApplyKeysStatus } from './queries';
import { ServerFields, useExplainServerCheck } from './ServerFields';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

const schema = z.object({ server: serverSettingsSchema });

/** The usual first-run values: the roles `create-server-database` makes, certificate checked. */
export const SERVER_DEFAULTS: ServerSettingsInput = {
  host: '',
  port: 5432,
  database: 'mesochart',
  user: 'mesochart_app',
  password: '',
  tls: 'verify',
};

/**
 * "Connect to the clinic server" at first run (or to change the connection of a server that
 * cannot be opened at start-up, from `initial`): the connection, a test that says what is wrong
 * next to the field it concerns, and Connect, which keeps it (password sealed) for every start.
 */
export function ServerConnectForm(props: {
  initial?: ServerSettingsInput;
  help?: string;
  passwordHelp?: string;
}) {
  const { t } = useTranslation();
  const apply = useApplyKeysStatus();
  const [tested, setTested] = useState<number | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ server: ServerSettingsInput }>({
    resolver: zodResolver(schema),
    defaultValues: { server: props.initial ?? SERVER_DEFAULTS },
  });
  useFieldMessagesFollowLanguage(form);
  const explain = useExplainServerCheck(form);
  // The last test's failure, worded again when the screen's language changes (the start-up
  // screen offers its own language choice while the form is open).
  const [failed, setFailed] = useState<ServerCheckAnswer | null>(null);
  useEffect(() => {
    if (failed) explain(failed, false);
  }, [failed, explain]);
  const { isSubmitting } = form.formState;

  const check = async (server: ServerSettingsInput) => {
    setFormError(null);
    setTested(null);
    try {
      const answer = await unwrap(api.keys.checkServer(server));
      if (answer.ok) setTested(answer.version);
      setFailed(answer.ok ? null : answer);
      return explain(answer);
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
      return false;
    }
  };

  const test = form.handleSubmit(async ({ server }) => {
    await check(server);
  });
  const connect = form.handleSubmit(async ({ server }) => {
    if (!(await check(server))) return;
    try {
      apply(await unwrap(api.keys.connectServer(server)));
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });

  return (
    <form noValidate onSubmit={connect} aria-label={t('server.connect.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {props.help ?? t('server.connect.help')}
        </Text>
        <ServerFields
          form={form}
          passwordHelp={props.passwordHelp ?? t('server.connect.passwordHelp')}
          onEdit={() => setTested(null)}
        />
        {tested !== null ? (
          <Alert color="teal" role="status">
            {t('server.connect.works', { version: tested })}
          </Alert>
        ) : null}
        <FormError message={formError} />
        <Group>
          <Button variant="default" onClick={() => void test()} loading={isSubmitting}>
            {t('server.connect.test')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('server.connect.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
