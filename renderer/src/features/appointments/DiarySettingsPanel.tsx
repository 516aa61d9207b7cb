import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AppointmentSettings } from '../../../../shared/api/appointments';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { FormError } from '../../ui/FormError';
import { TimeOfDayInput } from '../../ui/TimeInputs';
import { appointmentsKeys } from './queries';

interface DayRow {
  open: boolean;
  from: string;
  to: string;
  /** "13:00-14:00, 16:00-16:15": typed as text, so a day's breaks stay one field. */
  breaks: string;
}
interface FormValues {
  rooms: { id: string; name: string }[];
  treatmentTypes: { id: string; name: string; durationMinutes: number }[];
  week: DayRow[];
}

const dayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function toForm(s: AppointmentSettings): FormValues {
  return {
    rooms: s.rooms,
    treatmentTypes: s.treatmentTypes,
    week: s.week.map((d) => ({
      open: d !== null,
      from: d?.open ?? '09:00',
      to: d?.close ?? '18:00',
      breaks: (d?.breaks ?? []).map((b) => `${b.start}-${b.end}`).join(', '),
    })),
  };
}

/** A new entry's id from its name: the diary keeps ids stable, names may change later. */
function slugFor(name: string, taken: readonly string[]): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 30) || 'item';
  let id = base;
  for (let i = 2; taken.includes(id); i++) id = `${base}-${i}`;
  return id;
}

function parseBreaks(text: string): { start: string; end: string }[] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [start = '', end = ''] = p.split(/\s*[-–]\s*/);
      return { start, end };
    });
}

function fieldMessage(errors: FieldErrors<FormValues>, path: string): string | undefined {
  // Server messages land on the paths the service names (week.2.breaks, rooms.0.name).
  let node: unknown = errors;
  for (const key of path.split('.')) {
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  return (node as { message?: string } | undefined)?.message;
}

function DiarySettingsForm({ settings }: { settings: AppointmentSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({ defaultValues: toForm(settings) });
  const rooms = useFieldArray({ control: form.control, name: 'rooms' });
  const types = useFieldArray({ control: form.control, name: 'treatmentTypes' });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const withIds = <T extends { id: string; name: string }>(items: T[]) => {
      const taken = items.map((i) => i.id).filter(Boolean);
      return items.map((i) => {
        if (i.id) return i;
        const id = slugFor(i.name, taken);
        taken.push(id);
        return { ...i, id };
      });
    };
    try {
      const saved = await unwrap(
        api.appointments.updateSettings({
          rooms: withIds(values.rooms),
          treatmentTypes: withIds(values.treatmentTypes).map((ty) => ({
            ...ty,
            durationMinutes: Number(ty.durationMinutes),
          })),
          week: values.week.map((d) =>
            d.open ? { open: d.from, close: d.to, breaks: parseBreaks(d.breaks) } : null,
          ),
        }),
      );
      client.setQueryData(appointmentsKeys.settings, saved);
      form.reset(toForm(saved));
      notifications.show({ message: t('diarySettings.saved'), color: 'teal' });
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('diarySettings.title')}>
      <Stack gap="lg" maw={760}>
        <Stack gap="xs">
          <Title order={3}>{t('diarySettings.rooms')}</Title>
          {rooms.fields.map((f, i) => (
            <Group key={f.id} align="flex-start">
              <TextInput
                label={t('diarySettings.roomName', { n: i + 1 })}
                {...form.register(`rooms.${i}.name`)}
                error={fieldMessage(errors, `rooms.${i}.name`)}
              />
              <ActionIcon
                mt={28}
                variant="subtle"
                color="red"
                aria-label={t('diarySettings.removeRoom', { n: i + 1 })}
                onClick={() => rooms.remove(i)}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Text size="sm" c="red">
            {fieldMessage(errors, 'rooms')}
          </Text>
          <Button
            variant="light"
            w="fit-content"
            onClick={() => rooms.append({ id: '', name: '' })}
          >
            {t('diarySettings.addRoom')}
          </Button>
        </Stack>
        <Stack gap="xs">
          <Title order={3}>{t('diarySettings.types')}</Title>
          {types.fields.map((f, i) => (
            <Group key={f.id} align="flex-start">
              <TextInput
                label={t('diarySettings.typeName', { n: i + 1 })}
                {...form.register(`treatmentTypes.${i}.name`)}
                error={fieldMessage(errors, `treatmentTypes.${i}.name`)}
              />
              <TextInput
                w={140}
                type="number"
                label={t('diarySettings.duration')}
                {...form.register(`treatmentTypes.${i}.durationMinutes`, { valueAsNumber: true })}
                error={fieldMessage(errors, `treatmentTypes.${i}.durationMinutes`)}
              />
              <ActionIcon
                mt={28}
                variant="subtle"
                color="red"
                aria-label={t('diarySettings.removeType', { n: i + 1 })}
                onClick={() => types.remove(i)}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Text size="sm" c="red">
            {fieldMessage(errors, 'treatmentTypes')}
          </Text>
          <Button
            variant="light"
            w="fit-content"
            onClick={() => types.append({ id: '', name: '', durationMinutes: 30 })}
          >
            {t('diarySettings.addType')}
          </Button>
        </Stack>
        <Stack gap="xs">
          <Title order={3}>{t('diarySettings.hours')}</Title>
          <Table aria-label={t('diarySettings.hours')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('diarySettings.day')}</Table.Th>
                <Table.Th>{t('diarySettings.opens')}</Table.Th>
                <Table.Th>{t('diarySettings.closes')}</Table.Th>
                <Table.Th>{t('diarySettings.breaks')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dayNames.map((day, i) => (
                <Table.Tr key={day}>
                  <Table.Td>
                    <Checkbox
                      label={t(`diarySettings.days.${day}`)}
                      {...form.register(`week.${i}.open`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Controller
                      control={form.control}
                      name={`week.${i}.from`}
                      render={({ field }) => (
                        <TimeOfDayInput
                          aria-label={t('diarySettings.opensOn', {
                            day: t(`diarySettings.days.${day}`),
                          })}
                          name={field.name}
                          value={field.value}
                          onChange={field.onChange}
                          onBlur={field.onBlur}
                          error={fieldMessage(errors, `week.${i}.open`)}
                        />
                      )}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Controller
                      control={form.control}
                      name={`week.${i}.to`}
                      render={({ field }) => (
                        <TimeOfDayInput
                          aria-label={t('diarySettings.closesOn', {
                            day: t(`diarySettings.days.${day}`),
                          })}
                          name={field.name}
                          value={field.value}
                          onChange={field.onChange}
                          onBlur={field.onBlur}
                          error={fieldMessage(errors, `week.${i}.close`)}
                        />
                      )}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      placeholder="13:00-14:00"
                      aria-label={t('diarySettings.breaksOn', {
                        day: t(`diarySettings.days.${day}`),
                      })}
                      {...form.register(`week.${i}.breaks`)}
                      error={fieldMessage(errors, `week.${i}.breaks`)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
        <FormError message={formError} />
        <Button type="submit" loading={form.formState.isSubmitting} w="fit-content">
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

/** Settings > Diary: rooms, treatment types with their durations, opening hours and breaks. */
export function DiarySettingsPanel() {
  const settings = useQuery({
    queryKey: appointmentsKeys.settings,
    queryFn: () => unwrap(api.appointments.settings({})),
  });
  return settings.data ? <DiarySettingsForm settings={settings.data} /> : null;
}
