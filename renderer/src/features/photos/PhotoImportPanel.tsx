import {
  Alert,
  Button,
  CloseButton,
  Group,
  List,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoJob, PhotoTags } from '../../../../shared/api/photos';
import { api, unwrap } from '../../lib/api';
import { catalogueText } from '../../lib/error-text';
import { host } from '../../lib/host';
import type { PickedFile } from '../../../../shared/api/file-token';
import { PhotoTagFields } from './PhotoTagFields';
import type { useImportJob } from './use-import-job';

interface Props {
  patientId: string;
  tags: PhotoTags;
  onTagsChange: (tags: PhotoTags) => void;
  importer: ReturnType<typeof useImportJob>;
  actions: ReactNode;
  children: ReactNode;
}

/** Add photos by dialog or by dropping them anywhere on the tab; progress and summary. */
export function PhotoImportPanel({
  patientId,
  tags,
  onTagsChange,
  importer,
  actions,
  children,
}: Props) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const [unknownDrops, setUnknownDrops] = useState(0);
  const start = useMutation({
    mutationFn: (files: string) => unwrap(api.photos.startImport({ patientId, files, tags })),
    onSuccess: (job) => importer.follow(job),
  });
  const [cancelling, setCancelling] = useState(false);

  // The dialog or the drop gives a one-time token for the whole selection, never paths.
  const begin = (picked: PickedFile | null) => {
    setCancelling(false);
    if (picked) start.mutate(picked.token);
  };
  const pick = async () => begin(await host.pickPhotos());
  const onDrop = async (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (importer.running || start.isPending) return;
    const files = Array.from(event.dataTransfer.files);
    const picked = await host.dropPhotos(files);
    setUnknownDrops(files.length - (picked?.count ?? 0));
    begin(picked);
  };
  const busy = importer.running || start.isPending;

  return (
    <Stack
      gap="sm"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
        setDragging(false);
      }}
      onDrop={(e) => void onDrop(e)}
      data-testid="photos-drop-target"
      style={{
        outline: dragging ? '2px dashed var(--mantine-color-blue-5)' : 'none',
        outlineOffset: 4,
        borderRadius: 4,
      }}
    >
      <Paper withBorder p="sm" component="section" aria-label={t('photos.defaultsTitle')}>
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 560px' }}>
            <Text size="sm" fw={600}>
              {t('photos.defaultsTitle')}
            </Text>
            <PhotoTagFields
              patientId={patientId}
              value={tags}
              onChange={onTagsChange}
              disabled={busy}
            />
          </Stack>
          <Group gap="xs">
            <Button onClick={() => void pick()} loading={start.isPending} disabled={busy}>
              {t('photos.addPhotos')}
            </Button>
            {actions}
          </Group>
        </Group>
        <Text size="xs" c="dimmed" mt={6}>
          {dragging ? t('photos.dropZone') : t('photos.dropHint')}
        </Text>
      </Paper>
      {start.isError ? (
        <Alert color="red" role="alert" withCloseButton onClose={() => start.reset()}>
          {start.error.message}
        </Alert>
      ) : null}
      {unknownDrops > 0 ? (
        <Alert color="yellow" role="alert" withCloseButton onClose={() => setUnknownDrops(0)}>
          {t('photos.dropUnknown', { count: unknownDrops })}
        </Alert>
      ) : null}
      {importer.job ? (
        <ImportStatus
          job={importer.job}
          cancelling={cancelling}
          onCancel={() => {
            setCancelling(true);
            void importer.cancel();
          }}
          onDismiss={importer.dismiss}
        />
      ) : null}
      {children}
    </Stack>
  );
}

function ImportStatus({
  job,
  cancelling,
  onCancel,
  onDismiss,
}: {
  job: PhotoJob;
  cancelling: boolean;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  if (job.status === 'running') {
    const percent = job.total === 0 ? 0 : Math.round((job.done / job.total) * 100);
    return (
      <Paper withBorder p="sm" aria-live="polite">
        <Group justify="space-between" mb={6}>
          <Text size="sm" fw={600}>
            {t('photos.import.progress', { done: job.done, total: job.total })}
          </Text>
          <Button size="xs" variant="default" onClick={onCancel} disabled={cancelling}>
            {cancelling ? t('photos.import.cancelling') : t('photos.import.cancel')}
          </Button>
        </Group>
        <Progress
          value={percent}
          animated
          aria-label={t('photos.import.progressLabel')}
          aria-valuenow={percent}
        />
        {job.current ? (
          <Text size="xs" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
            {t('photos.import.current', { file: job.current })}
          </Text>
        ) : null}
      </Paper>
    );
  }
  const added = job.imported.filter((i) => !i.alreadyInRecord).length;
  const already = job.imported.length - added;
  const colour = job.status === 'failed' ? 'red' : job.refused.length > 0 ? 'yellow' : 'teal';
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-label={t('photos.import.summaryTitle')}
      style={{ borderColor: `var(--mantine-color-${colour}-5)` }}
    >
      <Group justify="space-between" align="flex-start">
        <Title order={3} size="h5">
          {t('photos.import.summaryTitle')}
        </Title>
        <CloseButton aria-label={t('photos.import.dismiss')} onClick={onDismiss} />
      </Group>
      <Stack gap={4}>
        <Text size="sm">{t('photos.import.imported', { count: added })}</Text>
        {already > 0 ? (
          <Text size="sm">{t('photos.import.already', { count: already })}</Text>
        ) : null}
        {job.status === 'cancelled' ? <Text size="sm">{t('photos.import.cancelled')}</Text> : null}
        {job.notImported > 0 ? (
          <Text size="sm">{t('photos.import.notImported', { count: job.notImported })}</Text>
        ) : null}
        {job.status === 'failed' && job.error ? (
          <Text size="sm" c="red">
            {t('photos.import.failed', {
              message: job.errorText ? catalogueText(job.errorText) : job.error,
            })}
          </Text>
        ) : null}
        {job.refused.length > 0 ? (
          <>
            <Text size="sm" fw={600} c="red.8">
              {t('photos.import.refused', { count: job.refused.length })}
            </Text>
            <List size="sm" spacing={2}>
              {job.refused.map((r, i) => (
                <List.Item key={`${r.fileName}-${i}`} style={{ overflowWrap: 'anywhere' }}>
                  {t('photos.import.refusedItem', {
                    file: r.fileName,
                    message: r.text ? catalogueText(r.text) : r.message,
                  })}
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
