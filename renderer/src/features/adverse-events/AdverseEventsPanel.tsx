import {
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  adverseEventKinds,
  adverseEventRecordInput,
  adverseEventResolveInput,
  severities,
  type AdverseEvent,
} from '../../../../shared/api/adverse-events';
import { treatmentAreas } from '../../../../shared/sessions/treatment-terms';
import { api, unwrap } from '../../lib/api';
import { formatDay, todayLocal } from '../../lib/dates';
import { DayInput } from '../../ui/DayInput';
import { applyServerError } from '../../lib/forms';
import { useKeptThroughLock, useLockDraftWaiting } from '../../lib/lock-drafts';
import { TREATMENTS_KEY } from '../../lib/query-keys';
import { FormError } from '../../ui/FormError';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

const severityColour = { mild: 'yellow', moderate: 'orange', severe: 'red' } as const;

/** The patient's photos to link, named as the gallery names them. */
function usePhotoOptions(patientId: string) {
  const { t } = useTranslation();
  const photos = useQuery({
    queryKey: ['adverse-event-photos', patientId],
    queryFn: () => unwrap(api.photos.list({ patientId, includeArchived: false })),
  });
  return (photos.data ?? []).map((p) => ({
    value: p.id,
    label: [
      t(`photos.phases.${p.phase}`),
      formatDay(p.takenAt.slice(0, 10)),
      t(`photos.areas.${p.area}`),
      t(`photos.views.${p.view}`),
    ].join(' · '),
  }));
}

function RecordForm({
  sessionId,
  patientId,
  onDone,
}: {
  sessionId: string;
  patientId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const photoOptions = usePhotoOptions(patientId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof adverseEventRecordInput>>({
    resolver: zodResolver(adverseEventRecordInput),
    defaultValues: {
      sessionId,
      kind: undefined,
      severity: 'mild',
      onsetOn: todayLocal(),
      description: '',
      actionTaken: '',
      areas: [],
      photoIds: [],
    },
  });
  useFieldMessagesFollowLanguage(form);
  useKeptThroughLock(`adverse-event-${sessionId}`, form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await unwrap(api.adverseEvents.record(values));
      await client.invalidateQueries({ queryKey: TREATMENTS_KEY });
      onDone();
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('adverseEvents.record')}>
      <Stack gap="sm">
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <Select
              label={t('adverseEvents.kind')}
              required
              data-autofocus
              data={adverseEventKinds.map((k) => ({
                value: k,
                label: t(`adverseEvents.kinds.${k}`),
              }))}
              value={field.value ?? null}
              onChange={(v) => field.onChange(v ?? undefined)}
              error={errors.kind?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="severity"
          render={({ field }) => (
            <Select
              label={t('adverseEvents.severity')}
              required
              data={severities.map((s) => ({
                value: s,
                label: t(`adverseEvents.severities.${s}`),
              }))}
              value={field.value}
              allowDeselect={false}
              onChange={(v) => v && field.onChange(v)}
              error={errors.severity?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="onsetOn"
          render={({ field }) => (
            <DayInput
              label={t('adverseEvents.onset')}
              required
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.onsetOn?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="areas"
          render={({ field }) => (
            <MultiSelect
              label={t('adverseEvents.areas')}
              data={treatmentAreas.map((a) => ({ value: a, label: t(`treatmentAreas.${a}`) }))}
              value={field.value ?? []}
              onChange={field.onChange}
              searchable
              error={errors.areas?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="photoIds"
          render={({ field }) => (
            <MultiSelect
              label={t('adverseEvents.photos')}
              data={photoOptions}
              value={field.value ?? []}
              onChange={field.onChange}
              nothingFoundMessage={t('adverseEvents.noPhotos')}
              error={errors.photoIds?.message}
            />
          )}
        />
        <Textarea
          label={t('adverseEvents.description')}
          autosize
          minRows={2}
          {...form.register('description')}
          error={errors.description?.message}
        />
        <Textarea
          label={t('adverseEvents.actionTaken')}
          autosize
          minRows={2}
          {...form.register('actionTaken')}
          error={errors.actionTaken?.message}
        />
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('adverseEvents.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ResolveForm({ event, onDone }: { event: AdverseEvent; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof adverseEventResolveInput>>({
    resolver: zodResolver(adverseEventResolveInput),
    defaultValues: { id: event.id, resolvedOn: todayLocal(), outcome: '' },
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await unwrap(api.adverseEvents.resolve(values));
      await client.invalidateQueries({ queryKey: TREATMENTS_KEY });
      onDone();
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('adverseEvents.resolve')}>
      <Stack gap="sm">
        <Controller
          control={form.control}
          name="resolvedOn"
          render={({ field }) => (
            <DayInput
              label={t('adverseEvents.resolvedOn')}
              required
              data-autofocus
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.resolvedOn?.message}
            />
          )}
        />
        <Textarea
          label={t('adverseEvents.outcome')}
          required
          autosize
          minRows={2}
          {...form.register('outcome')}
          error={errors.outcome?.message}
        />
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('adverseEvents.resolve')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AdverseEventLine({ event }: { event: AdverseEvent }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Badge color={severityColour[event.severity]} variant="light">
        {t(`adverseEvents.severities.${event.severity}`)}
      </Badge>
      <Text size="sm" fw={500}>
        {t(`adverseEvents.kinds.${event.kind}`)}
      </Text>
      <Text size="sm" c="dimmed">
        {event.resolvedOn
          ? t('adverseEvents.resolvedLine', {
              onset: formatDay(event.onsetOn),
              resolved: formatDay(event.resolvedOn),
            })
          : t('adverseEvents.openLine', { onset: formatDay(event.onsetOn) })}
      </Text>
    </Group>
  );
}

/** Adverse events of one session: record, list, resolve. */
export function AdverseEventsPanel({
  sessionId,
  patientId,
  events,
  canRecord,
}: {
  sessionId: string;
  patientId: string;
  events: AdverseEvent[];
  canRecord: boolean;
}) {
  const { t } = useTranslation();
  const photoOptions = usePhotoOptions(patientId);
  // A half-typed event from before the screen locked reopens its dialog.
  const [recording, setRecording] = useState(useLockDraftWaiting(`adverse-event-${sessionId}`));
  const [resolving, setResolving] = useState<AdverseEvent | null>(null);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {t('adverseEvents.title')}
        </Title>
        {canRecord ? (
          <Button size="xs" variant="light" color="orange" onClick={() => setRecording(true)}>
            {t('adverseEvents.record')}
          </Button>
        ) : null}
      </Group>
      <Stack gap="xs">
        {events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('adverseEvents.none')}
          </Text>
        ) : null}
        {events.map((e) => (
          <Paper
            key={e.id}
            p="xs"
            bg={e.resolvedOn ? 'gray.0' : 'orange.0'}
            data-testid="adverse-event"
          >
            <Group justify="space-between">
              <AdverseEventLine event={e} />
              {!e.resolvedOn && canRecord ? (
                <Button size="xs" variant="default" onClick={() => setResolving(e)}>
                  {t('adverseEvents.resolve')}
                </Button>
              ) : null}
            </Group>
            {e.areas.length > 0 ? (
              <Text size="xs" mt={4}>
                {t('adverseEvents.areasLine', {
                  areas: e.areas.map((a) => t(`treatmentAreas.${a}`)).join(', '),
                })}
              </Text>
            ) : null}
            {e.photoIds.length > 0 ? (
              <Text size="xs" data-testid="adverse-event-photos">
                {t('adverseEvents.photosLine', {
                  photos: e.photoIds
                    .map((id) => photoOptions.find((o) => o.value === id)?.label ?? '—')
                    .join('; '),
                })}
              </Text>
            ) : null}
            {e.actionTaken ? (
              <Text size="xs" mt={4}>
                {t('adverseEvents.actionLine', { action: e.actionTaken })}
              </Text>
            ) : null}
            {e.outcome ? (
              <Text size="xs">{t('adverseEvents.outcomeLine', { outcome: e.outcome })}</Text>
            ) : null}
          </Paper>
        ))}
      </Stack>
      <Modal
        opened={recording}
        onClose={() => setRecording(false)}
        title={t('adverseEvents.record')}
      >
        <RecordForm
          sessionId={sessionId}
          patientId={patientId}
          onDone={() => setRecording(false)}
        />
      </Modal>
      <Modal
        opened={resolving !== null}
        onClose={() => setResolving(null)}
        title={t('adverseEvents.resolve')}
      >
        {resolving ? <ResolveForm event={resolving} onDone={() => setResolving(null)} /> : null}
      </Modal>
    </Paper>
  );
}
