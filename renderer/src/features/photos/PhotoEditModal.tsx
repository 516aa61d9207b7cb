import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Loader, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  photoAreas,
  photoPhases,
  photoUpdateInput,
  photoViews,
  type Photo,
} from '../../../../shared/api/photos';
import { api, unwrap } from '../../lib/api';
import { formatInstant } from '../../lib/dates';
import { applyServerError } from '../../lib/forms';
import { formatTakenAt, photosKeys, usePhotoImage, useSessionOptions } from './queries';
import { FormError } from '../../ui/FormError';
import { DayTimeInput } from '../../ui/TimeInputs';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

const formSchema = photoUpdateInput.omit({ id: true });
type FormValues = z.infer<typeof formSchema>;

/** One photo larger, its tags to correct, its history, and archiving. */
export function PhotoEditModal({ photo, onClose }: { photo: Photo | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={photo !== null}
      onClose={onClose}
      title={t('photos.edit.title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('photos.edit.close') }}
    >
      {photo ? <PhotoEditor key={photo.id} photo={photo} onClose={onClose} /> : null}
    </Modal>
  );
}

function PhotoEditor({ photo, onClose }: { photo: Photo; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const preview = usePhotoImage(photo.id, 'preview');
  const sessions = useSessionOptions(photo.patientId);
  const [formError, setFormError] = useState<string | null>(null);
  const [archiving, setArchiving] = useState(false);
  const [reason, setReason] = useState('');
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      phase: photo.phase,
      area: photo.area,
      view: photo.view,
      sessionId: photo.sessionId,
      takenAt: photo.takenAt.slice(0, 16),
    },
  });
  useFieldMessagesFollowLanguage(form);
  const changes = useQuery({
    queryKey: photosKeys.changes(photo.id),
    queryFn: () => unwrap(api.photos.changes({ id: photo.id })),
  });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: photosKeys.all(photo.patientId) });
    await client.invalidateQueries({ queryKey: photosKeys.changes(photo.id) });
  };
  const save = useMutation({
    mutationFn: (values: FormValues) => unwrap(api.photos.update({ id: photo.id, ...values })),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: (error) => setFormError(applyServerError(error, form.setError)),
  });
  const archive = useMutation({
    mutationFn: () =>
      unwrap(api.photos.archive({ id: photo.id, archived: !photo.archived, reason })),
    onSuccess: async () => {
      setArchiving(false);
      await refresh();
      onClose();
    },
  });
  const options = <T extends string>(values: readonly T[], key: string) =>
    values.map((v) => ({ value: v, label: t(`photos.${key}.${v}`) }));

  return (
    <Group align="flex-start" gap="lg" wrap="nowrap">
      <div
        style={{
          flex: '1 1 55%',
          minHeight: 360,
          background: 'var(--mantine-color-dark-7)',
          borderRadius: 6,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
        }}
      >
        {preview.data ? (
          <img
            src={preview.data}
            alt={`${t(`photos.phases.${photo.phase}`)}, ${formatTakenAt(photo.takenAt)}`}
            style={{ maxWidth: '100%', maxHeight: '60vh', display: 'block' }}
          />
        ) : (
          <Loader color="gray" />
        )}
      </div>
      <Stack style={{ flex: '1 1 45%' }} gap="sm">
        <form
          noValidate
          aria-label={t('photos.edit.save')}
          onSubmit={form.handleSubmit((values) => {
            setFormError(null);
            save.mutate(values);
          })}
        >
          <Stack gap="sm">
            <FormError message={formError} />
            <Controller
              control={form.control}
              name="phase"
              render={({ field, fieldState }) => (
                <Select
                  label={t('photos.fields.phase')}
                  data={options(photoPhases, 'phases')}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                  error={fieldState.error?.message}
                  disabled={photo.archived}
                />
              )}
            />
            <Controller
              control={form.control}
              name="area"
              render={({ field, fieldState }) => (
                <Select
                  label={t('photos.fields.area')}
                  data={options(photoAreas, 'areas')}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                  searchable
                  error={fieldState.error?.message}
                  disabled={photo.archived}
                />
              )}
            />
            <Controller
              control={form.control}
              name="view"
              render={({ field, fieldState }) => (
                <Select
                  label={t('photos.fields.view')}
                  data={options(photoViews, 'views')}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                  error={fieldState.error?.message}
                  disabled={photo.archived}
                />
              )}
            />
            <Controller
              control={form.control}
              name="sessionId"
              render={({ field, fieldState }) => (
                <Select
                  label={t('photos.fields.session')}
                  data={sessions}
                  value={field.value ?? ''}
                  onChange={(v) => field.onChange(v ? v : null)}
                  allowDeselect={false}
                  error={fieldState.error?.message}
                  disabled={photo.archived}
                />
              )}
            />
            <Controller
              control={form.control}
              name="takenAt"
              render={({ field, fieldState }) => (
                <DayTimeInput
                  label={t('photos.fields.takenAt')}
                  description={t(`photos.edit.takenAtFrom.${photo.takenAtSource}`)}
                  name={field.name}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                  disabled={photo.archived}
                />
              )}
            />
            <Group justify="space-between">
              <Button
                variant="subtle"
                color={photo.archived ? 'blue' : 'red'}
                onClick={() => setArchiving(true)}
              >
                {photo.archived ? t('photos.edit.restore') : t('photos.edit.archive')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={photo.archived}>
                {t('photos.edit.save')}
              </Button>
            </Group>
          </Stack>
        </form>
        <Text size="xs" c="dimmed">
          {t('photos.edit.imported', {
            when: formatInstant(photo.importedAt),
            by: photo.importedBy,
          })}
          {' · '}
          {t('photos.edit.size', { width: photo.width, height: photo.height })}
          {photo.cameraModel ? ` · ${t('photos.edit.camera', { model: photo.cameraModel })}` : ''}
        </Text>
        {changes.data && changes.data.length > 0 ? (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('photos.edit.history')}
            </Text>
            {changes.data.slice(0, 8).map((c, i) => (
              <Text size="xs" c="dimmed" key={`${c.changedAt}-${c.field}-${i}`}>
                {t('photos.edit.historyItem', {
                  when: formatInstant(c.changedAt),
                  by: c.changedBy,
                  field: c.field,
                  from: c.oldValue ?? '—',
                  to: c.newValue ?? '—',
                })}
                {c.reason ? ` (${c.reason})` : ''}
              </Text>
            ))}
          </Stack>
        ) : null}
      </Stack>
      <Modal
        opened={archiving}
        onClose={() => setArchiving(false)}
        title={photo.archived ? t('photos.edit.restore') : t('photos.edit.archiveTitle')}
      >
        <Stack>
          {!photo.archived ? <Text size="sm">{t('photos.edit.archiveBody')}</Text> : null}
          {archive.isError ? (
            <Alert color="red" role="alert">
              {archive.error.message}
            </Alert>
          ) : null}
          <Textarea
            label={t('photos.edit.archiveReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setArchiving(false)}>
              {t('photos.edit.cancel')}
            </Button>
            <Button
              color={photo.archived ? 'blue' : 'red'}
              loading={archive.isPending}
              disabled={reason.trim() === ''}
              onClick={() => archive.mutate()}
            >
              {photo.archived ? t('photos.edit.restore') : t('photos.edit.archiveConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
