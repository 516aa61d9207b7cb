import { Alert, Button, Group, Loader, Stack, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Photo, PhotoTags } from '../../../../shared/api/photos';
import type { StaffUser } from '../../../../shared/api/staff';
import { api, unwrap } from '../../lib/api';
import { consentsKeys } from '../consents';
import { defaultPair, orderedPair, photosKeys } from './queries';
import { CameraCapture } from './CameraCapture';
import { DateConfirmPanel } from './DateConfirmPanel';
import { PhotoCompare } from './PhotoCompare';
import { PhotoEditModal } from './PhotoEditModal';
import { PhotoGallery } from './PhotoGallery';
import { PhotoImportPanel } from './PhotoImportPanel';
import { useImportJob } from './use-import-job';

const initialTags: PhotoTags = {
  phase: 'before',
  area: 'full-face',
  view: 'front',
  sessionId: null,
};

/** The chart's photos: import, tag, browse by area and view, compare, capture. */
export function PhotosTab({ patientId, user }: { patientId: string; user: StaffUser }) {
  const { t } = useTranslation();
  if (user.role === 'receptionist') {
    return <Text c="dimmed">{t('photos.noRole')}</Text>;
  }
  return <Photos patientId={patientId} />;
}

function Photos({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const [includeArchived, setIncludeArchived] = useState(false);
  const [tags, setTags] = useState<PhotoTags>(initialTags);
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<Photo | null>(null);
  const [pair, setPair] = useState<[Photo, Photo] | null>(null);
  const [capturing, setCapturing] = useState(false);
  const importer = useImportJob(patientId);
  const consents = useQuery({
    queryKey: consentsKeys.list(patientId),
    queryFn: () => unwrap(api.consents.list({ patientId })),
  });
  const list = useQuery({
    queryKey: photosKeys.list(patientId, includeArchived),
    queryFn: () => unwrap(api.photos.list({ patientId, includeArchived })),
  });
  const given = (kind: string) =>
    consents.data?.current.some((c) => c.kind === kind && c.decision === 'given') ?? false;
  const photos = list.data ?? [];
  const active = photos.filter((p) => !p.archived);
  const chosen = selected
    .map((id) => active.find((p) => p.id === id))
    .filter((p): p is Photo => p !== undefined);
  const comparison =
    chosen.length === 2 ? orderedPair(chosen[0]!, chosen[1]!) : defaultPair(active);
  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id].slice(-2)));

  const actions = (
    <>
      <Button variant="default" onClick={() => setCapturing(true)} disabled={importer.running}>
        {t('photos.capture')}
      </Button>
      <Button
        variant="light"
        disabled={comparison === null}
        onClick={() => comparison && setPair(comparison)}
      >
        {chosen.length === 2 ? t('photos.compareSelected') : t('photos.compare')}
      </Button>
    </>
  );

  const gallery = list.isPending ? (
    <Loader aria-label={t('photos.loading')} />
  ) : list.isError ? (
    <Alert color="red" role="alert">
      {list.error.message}
    </Alert>
  ) : (
    <Stack gap="xs">
      <DateConfirmPanel photos={photos} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('photos.count', { count: active.length })}
          {comparison === null && active.length > 0 ? ` · ${t('photos.noPair')}` : ''}
        </Text>
        <Switch
          size="xs"
          label={t('photos.showArchived')}
          checked={includeArchived}
          onChange={(e) => setIncludeArchived(e.currentTarget.checked)}
        />
      </Group>
      {photos.length === 0 ? (
        <Text c="dimmed">{t('photos.empty')}</Text>
      ) : (
        <PhotoGallery photos={photos} selected={selected} onToggle={toggle} onOpen={setEditing} />
      )}
    </Stack>
  );

  return (
    <>
      {consents.isSuccess && !given('photos-record') ? (
        <Stack gap="sm">
          <Alert color="yellow" role="alert">
            {t('photos.noConsent')}
          </Alert>
          {gallery}
        </Stack>
      ) : (
        <PhotoImportPanel
          patientId={patientId}
          tags={tags}
          onTagsChange={setTags}
          importer={importer}
          actions={actions}
        >
          {gallery}
        </PhotoImportPanel>
      )}
      <PhotoEditModal photo={editing} onClose={() => setEditing(null)} />
      <PhotoCompare
        patientId={patientId}
        photos={active}
        pair={pair}
        canExport={given('photos-other')}
        onClose={() => setPair(null)}
      />
      <CameraCapture
        opened={capturing}
        patientId={patientId}
        photos={active}
        initialTags={tags}
        onClose={() => setCapturing(false)}
      />
    </>
  );
}
