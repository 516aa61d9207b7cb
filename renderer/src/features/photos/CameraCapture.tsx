import { Alert, Box, Button, Group, Loader, Modal, Slider, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Photo, PhotoTags } from '../../../../shared/api/photos';
import { api, unwrap } from '../../lib/api';
import { usePhotoImage } from './queries';
import { PhotoTagFields } from './PhotoTagFields';
import { useImportJob } from './use-import-job';

interface Props {
  opened: boolean;
  patientId: string;
  photos: Photo[];
  initialTags: PhotoTags;
  onClose: () => void;
}

/** The photo new ones should match: the first "before" of the area and view, else the first. */
function baselineFor(photos: Photo[], tags: PhotoTags): Photo | null {
  const same = photos
    .filter((p) => p.area === tags.area && p.view === tags.view)
    .sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  return same.find((p) => p.phase === 'before') ?? same[0] ?? null;
}

export function CameraCapture(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('photos.captureView.title')}
      closeButtonProps={{ 'aria-label': t('photos.captureView.close') }}
      size="xl"
    >
      {props.opened ? <CaptureBody {...props} /> : null}
    </Modal>
  );
}

function CaptureBody({ patientId, photos, initialTags }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement | null>(null);
  const [tags, setTags] = useState<PhotoTags>({ ...initialTags, phase: 'after' });
  const [cameraError, setCameraError] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  const [guideOpacity, setGuideOpacity] = useState(40);
  const baseline = baselineFor(photos, tags);
  const guide = usePhotoImage(baseline?.id ?? null, 'preview');
  const importer = useImportJob(patientId);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    // Outside a secure context the browser offers no camera at all.
    const media =
      'mediaDevices' in navigator
        ? navigator.mediaDevices.getUserMedia({
            video: { width: { ideal: 1920 }, height: { ideal: 1080 } },
            audio: false,
          })
        : Promise.reject(new Error('no camera access on this computer'));
    media
      .then(async (s) => {
        if (stopped) {
          s.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          await video.current.play();
          setLive(true);
        }
      })
      .catch((error: unknown) => {
        setCameraError(error instanceof Error ? error.message : String(error));
      });
    // The camera light goes off as soon as the view closes.
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  const capture = useMutation({
    mutationFn: () => {
      const v = video.current;
      if (!v || v.videoWidth === 0) throw new Error('no camera image');
      const canvas = document.createElement('canvas');
      canvas.width = v.videoWidth;
      canvas.height = v.videoHeight;
      canvas.getContext('2d')?.drawImage(v, 0, 0);
      const dataUrl = canvas.toDataURL('image/jpeg', 0.92);
      return unwrap(api.photos.importCapture({ patientId, dataUrl, tags }));
    },
    onSuccess: (job) => importer.follow(job),
  });
  const job = importer.job;
  const saving = capture.isPending || importer.running;

  return (
    <Stack gap="sm">
      <PhotoTagFields patientId={patientId} value={tags} onChange={setTags} disabled={saving} />
      {cameraError ? (
        <Alert color="red" role="alert">
          {t('photos.captureView.noCamera', { message: cameraError })}
        </Alert>
      ) : null}
      <Box
        pos="relative"
        bg="dark.8"
        style={{ borderRadius: 6, overflow: 'hidden', aspectRatio: '16 / 9' }}
        data-testid="capture-stage"
      >
        <video
          ref={video}
          muted
          playsInline
          aria-label={t('photos.captureView.video')}
          style={{ width: '100%', height: '100%', objectFit: 'contain', display: 'block' }}
        />
        {guide.data ? (
          <img
            src={guide.data}
            alt={t('photos.captureView.guide')}
            data-testid="capture-guide"
            style={{
              position: 'absolute',
              inset: 0,
              width: '100%',
              height: '100%',
              objectFit: 'contain',
              opacity: guideOpacity / 100,
              pointerEvents: 'none',
            }}
          />
        ) : null}
        {!live && !cameraError ? (
          <Group pos="absolute" inset={0} justify="center" c="gray.3" gap="xs">
            <Loader size="sm" color="gray" />
            <Text size="sm">{t('photos.captureView.starting')}</Text>
          </Group>
        ) : null}
      </Box>
      <Group justify="space-between" align="center">
        {baseline ? (
          <Group gap="sm" style={{ flex: 1 }} maw={420}>
            <Text size="sm">{t('photos.captureView.guideOpacity')}</Text>
            <Slider
              style={{ flex: 1 }}
              value={guideOpacity}
              onChange={setGuideOpacity}
              min={0}
              max={90}
              thumbLabel={t('photos.captureView.guideOpacity')}
            />
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('photos.captureView.noGuide')}
          </Text>
        )}
        <Button onClick={() => capture.mutate()} disabled={!live || saving} loading={saving}>
          {t('photos.captureView.shoot')}
        </Button>
      </Group>
      {capture.isError ? (
        <Alert color="red" role="alert">
          {capture.error.message}
        </Alert>
      ) : null}
      {job && job.status !== 'running' ? (
        job.imported.length > 0 ? (
          <Alert color="teal" role="status">
            {t('photos.captureView.saved')}
          </Alert>
        ) : (
          <Alert color="red" role="alert">
            {job.refused[0]?.message ?? job.error}
          </Alert>
        )
      ) : null}
    </Stack>
  );
}
