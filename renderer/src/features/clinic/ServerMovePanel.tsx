import {
  Alert,
  Button,
  Group,
  List,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  serverMoveInput,
  serverMoveSteps,
  type ServerMoveInput,
  type ServerMoveJob,
} from '../../../../shared/api/clinic';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { failureText } from '../../lib/error-text';
import { FormError } from '../../ui/FormError';
import { SERVER_DEFAULTS, ServerFields, useExplainServerCheck, type ServerForm } from '../keys';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

/**
 * Settings > Server (admin): "Move this clinic to a server". The server's schema owner and the
 * workstations' role, a connection test, then the move as a background job with its stage and,
 * at the end, what was checked. This computer's record is only read.
 */
export function ServerMovePanel() {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ServerMoveInput>({
    resolver: zodResolver(serverMoveInput),
    defaultValues: {
      server: { ...SERVER_DEFAULTS, user: 'mesochart_owner' },
      runtimeRole: 'mesochart_app',
    },
  });
  useFieldMessagesFollowLanguage(form);
  const serverForm = form as unknown as ServerForm;
  const explain = useExplainServerCheck(serverForm);
  const job = useQuery({
    queryKey: ['clinic', 'server-move', jobId],
    queryFn: () => unwrap(api.clinic.moveJob({ jobId: jobId ?? '' })),
    enabled: jobId !== null,
    refetchInterval: (q) =>
      q.state.data?.state === 'done' || q.state.data?.state === 'failed' ? false : 300,
  });
  const running = jobId !== null && (!job.data || job.data.state === 'running');

  const test = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      setReady(explain(await unwrap(api.clinic.checkServer(values))));
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  const move = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      setJobId((await unwrap(api.clinic.moveToServer(values))).id);
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });

  return (
    <Stack gap="md" maw={640}>
      <Title order={2} size="h4">
        {t('serverMove.title')}
      </Title>
      <Text size="sm">{t('serverMove.help')}</Text>
      <form noValidate onSubmit={move} aria-label={t('serverMove.title')}>
        <Stack gap="sm">
          <ServerFields
            form={serverForm}
            passwordHelp={t('serverMove.passwordHelp')}
            onEdit={() => setReady(false)}
          />
          <TextInput
            label={t('serverMove.runtimeRole')}
            description={t('serverMove.runtimeRoleHelp')}
            required
            autoCapitalize="none"
            {...form.register('runtimeRole', { onChange: () => setReady(false) })}
            error={form.formState.errors.runtimeRole?.message}
          />
          {ready ? (
            <Alert color="teal" role="status">
              {t('serverMove.ready')}
            </Alert>
          ) : null}
          <FormError message={formError} />
          <Group>
            <Button variant="default" onClick={() => void test()} disabled={running}>
              {t('server.connect.test')}
            </Button>
            <Button type="submit" disabled={!ready || running} loading={running}>
              {t('serverMove.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {job.data ? <MoveProgress job={job.data} /> : null}
    </Stack>
  );
}

function MoveProgress({ job }: { job: ServerMoveJob }) {
  const { t } = useTranslation();
  if (job.state === 'failed') {
    return (
      <Alert color="red" role="alert" title={t('serverMove.failed')}>
        {failureText(job.messageText, job.message ?? '')}
      </Alert>
    );
  }
  if (job.state === 'running' || !job.report) {
    const at = serverMoveSteps.indexOf(job.step);
    return (
      <Stack gap="xs" role="status" aria-live="polite">
        <Text size="sm">{t(`serverMove.step.${job.step}`)}</Text>
        <Progress
          value={((at + 0.5) / serverMoveSteps.length) * 100}
          animated
          aria-label={t('serverMove.progress')}
        />
      </Stack>
    );
  }
  const { report } = job;
  const rows = report.tables.reduce((sum, table) => sum + table.rows, 0);
  return (
    <Stack gap="sm">
      <Alert color="teal" role="status" title={t('serverMove.done')}>
        <List size="sm">
          <List.Item>{t('serverMove.doneRows', { rows, tables: report.tables.length })}</List.Item>
          <List.Item>{t('serverMove.doneFiles', { files: report.files })}</List.Item>
          <List.Item>{t('serverMove.doneAudit', { events: report.auditEvents })}</List.Item>
          <List.Item>{t('serverMove.doneOriginal')}</List.Item>
        </List>
      </Alert>
      <Table striped aria-label={t('serverMove.tables')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('serverMove.table')}</Table.Th>
            <Table.Th>{t('serverMove.rows')}</Table.Th>
            <Table.Th>{t('serverMove.hash')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.tables
            .filter((table) => table.rows > 0)
            .map((table) => (
              <Table.Tr key={table.table}>
                <Table.Td>{table.table}</Table.Td>
                <Table.Td>{table.rows}</Table.Td>
                <Table.Td>
                  <code>{table.hash.slice(0, 16)}</code>
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
