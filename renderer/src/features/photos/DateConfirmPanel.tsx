import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateTimeSchema, type Photo } from '../../../../shared/api/photos';
import { api, ApiFailure, unwrap } from '../../lib/api';
import { DayTimeInput } from '../../ui/TimeInputs';
import { formatTakenAt, photosKeys, usePhotoImage } from './queries';

/**
 * Photos whose camera date looked wrong at import (before the patient's first visit, or in the
 * future). They stay in the record; the comparison shows no interval for them until a person
 * says the camera was right or enters the real date.
 */
export function DateConfirmPanel({ photos }: { photos: Photo[] }) {
  const { t } = useTranslation();
  const waiting = photos.filter((p) => p.dateCheck === 'unconfirmed' && !p.archived);
  if (waiting.length === 0) return null;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="photo-dates-title"
      style={{ borderColor: 'var(--mantine-color-yellow-6)' }}
    >
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={3} size="h5" id="photo-dates-title">
            {t('photos.dateCheck.title', { count: waiting.length })}
          </Title>
          <Text size="sm">{t('photos.dateCheck.intro')}</Text>
        </Stack>
        {waiting.map((photo) => (
          <DateQuestion key={photo.id} photo={photo} />
        ))}
      </Stack>
    </Paper>
  );
}

function DateQuestion({ photo }: { photo: Photo }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const thumb = usePhotoImage(photo.id, 'thumbnail');
  const [entered, setEntered] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const confirm = useMutation({
    mutationFn: (takenAt: string | null) =>
      unwrap(api.photos.confirmDate({ id: photo.id, takenAt })),
    onSuccess: () => client.invalidateQueries({ queryKey: photosKeys.all(photo.patientId) }),
    onError: (error) => {
      if (error instanceof ApiFailure) setFieldError(error.field('takenAt') ?? null);
    },
  });
  const submitEntered = () => {
    const parsed = localDateTimeSchema.safeParse(entered);
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? t('photos.dateCheck.invalid'));
      return;
    }
    setFieldError(null);
    confirm.mutate(parsed.data);
  };
  const cameraDate = formatTakenAt(photo.cameraTakenAt ?? photo.takenAt, true);
  const fieldId = `real-date-${photo.id}`;
  return (
    <Group
      gap="md"
      align="flex-start"
      wrap="nowrap"
      data-testid="date-question"
      role="group"
      aria-label={t('photos.dateCheck.photoLabel', { date: cameraDate })}
    >
      <div
        style={{
          width: 96,
          height: 96,
          flexShrink: 0,
          background: 'var(--mantine-color-dark-7)',
          borderRadius: 4,
          overflow: 'hidden',
        }}
      >
        {thumb.data ? (
          <img
            src={thumb.data}
            alt=""
            style={{ width: '100%', height: '100%', objectFit: 'contain' }}
          />
        ) : null}
      </div>
      <Stack gap={6} style={{ flex: 1 }}>
        <Text size="sm" fw={600}>
          {t('photos.dateCheck.cameraSays', { date: cameraDate })}
        </Text>
        <Text size="sm">{t(`photos.dateCheck.reasons.${photo.dateCheckReason ?? 'future'}`)}</Text>
        <Group align="flex-end" gap="sm">
          <Button
            variant="default"
            size="sm"
            loading={confirm.isPending && confirm.variables === null}
            onClick={() => confirm.mutate(null)}
          >
            {t('photos.dateCheck.keep')}
          </Button>
          <Text size="sm" c="dimmed" pb={6}>
            {t('photos.dateCheck.or')}
          </Text>
          <DayTimeInput
            id={fieldId}
            size="sm"
            label={t('photos.dateCheck.realDate')}
            value={entered}
            onChange={setEntered}
            error={fieldError}
            w={240}
          />
          <Button
            size="sm"
            loading={confirm.isPending && confirm.variables !== null}
            onClick={submitEntered}
          >
            {t('photos.dateCheck.useDate')}
          </Button>
        </Group>
        {confirm.isError && !fieldError ? (
          <Alert color="red" role="alert">
            {confirm.error.message}
          </Alert>
        ) : null}
      </Stack>
    </Group>
  );
}
