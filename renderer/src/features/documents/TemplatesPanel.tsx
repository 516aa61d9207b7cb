import {
  Alert,
  Button,
  Grid,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateVersionInfo } from '../../../../shared/api/documents';
import { pageSizes } from '../../../../shared/documents/document-data';
import { api, unwrap } from '../../lib/api';
import { languageName } from '../../../../shared/documents/languages';
import { TemplateEditorForm } from './TemplateEditorForm';
import { TemplateReviewNotice } from './TemplateReviewNotice';
import { documentsKeys, formatDocumentDate } from './queries';

const keyOf = (t: Pick<TemplateVersionInfo, 'kind' | 'procedureKind' | 'language'>) =>
  `${t.kind}|${t.procedureKind ?? ''}|${t.language}`;

/** Settings → Templates: paper size, and every template with its versions (admins only). */
export function TemplatesPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);
  const [loadVersion, setLoadVersion] = useState<number | undefined>(undefined);
  const settings = useQuery({
    queryKey: documentsKeys.settings,
    queryFn: () => unwrap(api.documents.settings({})),
  });
  const saveSize = useMutation({
    mutationFn: (pageSize: (typeof pageSizes)[number]) =>
      unwrap(api.documents.updateSettings({ pageSize })),
    onSuccess: (saved) => {
      client.setQueryData(documentsKeys.settings, saved);
      notifications.show({ message: t('templates.paperSaved'), color: 'teal' });
    },
  });
  const list = useQuery({
    queryKey: documentsKeys.templates,
    queryFn: () => unwrap(api.documents.templates({})),
  });
  // The English templates come first to hand: the others are their translations.
  const current =
    list.data?.find((x) => keyOf(x) === selected) ??
    list.data?.find((x) => x.language === 'en') ??
    list.data?.[0];
  const key = current
    ? { kind: current.kind, procedureKind: current.procedureKind, language: current.language }
    : null;
  const history = useQuery({
    queryKey: documentsKeys.templateHistory(key),
    queryFn: () => unwrap(api.documents.templateHistory(key!)),
    enabled: key !== null,
  });
  const detail = useQuery({
    queryKey: documentsKeys.template(key, loadVersion),
    queryFn: () =>
      unwrap(api.documents.template({ ...key!, ...(loadVersion ? { version: loadVersion } : {}) })),
    enabled: key !== null,
  });
  const name = (x: TemplateVersionInfo) =>
    x.kind === 'consent' && x.procedureKind
      ? t('templates.consentName', { procedure: t(`documents.procedureKinds.${x.procedureKind}`) })
      : t('templates.aftercareName');
  const latestVersionOf = (language: string) =>
    list.data?.find((x) => current && keyOf(x) === keyOf({ ...current, language }))?.version ??
    null;

  return (
    <Stack gap="md">
      <Select
        label={t('templates.paperSize')}
        data={pageSizes.map((s) => ({ value: s, label: t(`templates.paperSizes.${s}`) }))}
        value={settings.data?.pageSize ?? null}
        onChange={(v) => v && saveSize.mutate(v as (typeof pageSizes)[number])}
        allowDeselect={false}
        maw={240}
      />
      {saveSize.isError ? (
        <Alert color="red" role="alert">
          {saveSize.error.message}
        </Alert>
      ) : null}
      <Title order={3} size="h4">
        {t('templates.title')}
      </Title>
      {list.isPending ? <Loader aria-label={t('templates.title')} /> : null}
      {list.isError ? <Alert color="red">{list.error.message}</Alert> : null}
      {list.data && current ? (
        <Select
          label={t('templates.choose')}
          data={list.data.map((x) => ({
            value: keyOf(x),
            label: t('templates.option', {
              name: name(x),
              language: languageName(x.language),
              version: x.version,
            }),
          }))}
          value={keyOf(current)}
          onChange={(v) => {
            setSelected(v);
            setLoadVersion(undefined);
          }}
          allowDeselect={false}
          maw={520}
        />
      ) : null}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 9 }}>
          {detail.data && current ? (
            <Stack gap="xs">
              <TemplateReviewNotice info={current} />
              {loadVersion && loadVersion !== current.version ? (
                <Alert color="blue" py={6}>
                  {t('templates.loadedOld', { version: loadVersion })}
                </Alert>
              ) : null}
              <TemplateEditorForm
                key={`${keyOf(current)}|${detail.data.info.version}|${current.version}`}
                template={detail.data.template}
                baseVersion={current.version}
                latestVersionOf={latestVersionOf}
              />
            </Stack>
          ) : null}
          {detail.isError ? <Alert color="red">{detail.error.message}</Alert> : null}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <Paper withBorder p="sm" component="section" aria-label={t('templates.history')}>
            <Title order={4} size="h6" mb="xs">
              {t('templates.history')}
            </Title>
            <Stack gap={6}>
              {(history.data ?? []).map((v) => (
                <Group key={v.version} justify="space-between" wrap="nowrap" gap={4}>
                  <Text size="xs">
                    {t('templates.historyEntry', {
                      version: v.version,
                      date: formatDocumentDate(v.savedAt),
                      by: v.savedByName ?? t('templates.builtIn'),
                    })}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={t('templates.load', { version: v.version })}
                    onClick={() => setLoadVersion(v.version)}
                  >
                    {`v${v.version}`}
                  </Button>
                </Group>
              ))}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
