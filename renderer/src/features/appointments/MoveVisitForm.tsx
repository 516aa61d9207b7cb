import { Button, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type BaseSyntheticEvent } from 'react';
import { flushSync } from 'react-dom';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../shared/api/appointments';
import { dateOf, timeOf } from '../../../../shared/appointments/diary-time';
import { ApiFailure, api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { DayInput } from '../../ui/DayInput';
import { FormError } from '../../ui/FormError';
import { TimeOfDayInput } from '../../ui/TimeInputs';
import { appointmentsKeys } from './queries';

interface Values {
  date: string;
  time: string;
  roomId: string;
  practitionerId: string;
  outsideHours: boolean;
  hoursOverride: { reason: string };
}

/**
 * Moving a booked visit from the keyboard (the diary's drag needs a mouse): a new day, time, room
 * or practitioner, checked by the service as a drag is, and outside opening hours only with a
 * reason, which the form asks for as soon as the service does.
 */
export function MoveVisitForm({
  appointment,
  onMoved,
}: {
  appointment: Appointment;
  onMoved: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const settings = useQuery({
    queryKey: appointmentsKeys.settings,
    queryFn: () => unwrap(api.appointments.settings({})),
  });
  const practitioners = useQuery({
    queryKey: appointmentsKeys.practitioners,
    queryFn: () => unwrap(api.appointments.practitioners({})),
  });
  const form = useForm<Values>({
    defaultValues: {
      date: dateOf(appointment.startsAt),
      time: timeOf(appointment.startsAt),
      roomId: appointment.roomId,
      practitionerId: appointment.practitionerId,
      outsideHours: false,
      hoursOverride: { reason: '' },
    },
  });
  const outside = useWatch({ control: form.control, name: 'outsideHours' });
  // Opened from its button: the cursor goes to the time, what a move most often changes.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input[name="time"]')?.focus();
  }, []);
  const required = { required: t('diary.form.required') };
  const errors = form.formState.errors;

  const send = form.handleSubmit(async (v) => {
    setFormError(null);
    try {
      await unwrap(
        api.appointments.move({
          id: appointment.id,
          startsAt: `${v.date}T${v.time}`,
          roomId: v.roomId,
          practitionerId: v.practitionerId,
          hoursOverride: v.outsideHours ? { reason: v.hoursOverride.reason } : null,
        }),
      );
      await client.invalidateQueries({ queryKey: appointmentsKeys.all });
      onMoved();
    } catch (error) {
      const message = applyServerError(error, form.setError);
      const fields = error instanceof ApiFailure ? error.error.fields : undefined;
      if (fields?.startsAt) form.setError('time', { type: 'server', message: fields.startsAt });
      if (fields?.hoursOverride && !v.outsideHours) {
        // The reason field comes with the ticked box: render it now, then put the cursor in it.
        flushSync(() => form.setValue('outsideHours', true));
        form.setFocus('hoursOverride.reason');
      }
      setFormError(message);
    }
  });
  // The service's field messages judge the last try. Some name no input of this form (startsAt,
  // hoursOverride), and react-hook-form would hold every later submit back on them: clear first.
  const submit = (event?: BaseSyntheticEvent) => {
    form.clearErrors();
    return send(event);
  };

  const rooms = (settings.data?.rooms ?? []).map((r) => ({ value: r.id, label: r.name }));
  const people = (practitioners.data ?? []).map((p) => ({ value: p.id, label: p.displayName }));
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('diary.moveTitle')}>
      <Stack gap="xs">
        <Group grow>
          <Controller
            control={form.control}
            name="date"
            rules={required}
            render={({ field }) => (
              <DayInput
                label={t('diary.form.date')}
                required
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.date?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="time"
            rules={required}
            render={({ field }) => (
              <TimeOfDayInput
                label={t('diary.form.time')}
                required
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.time?.message}
              />
            )}
          />
        </Group>
        <Group grow>
          {(
            [
              ['roomId', 'room', rooms],
              ['practitionerId', 'practitioner', people],
            ] as const
          ).map(([name, label, data]) => (
            <Controller
              key={name}
              control={form.control}
              name={name}
              rules={required}
              render={({ field }) => (
                <Select
                  label={t(`diary.form.${label}`)}
                  required
                  data={data}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  error={errors[name]?.message}
                  allowDeselect={false}
                />
              )}
            />
          ))}
        </Group>
        <Checkbox label={t('diary.form.outsideHours')} {...form.register('outsideHours')} />
        {outside ? (
          <TextInput
            label={t('diary.form.outsideHoursReason')}
            required
            {...form.register('hoursOverride.reason')}
            error={errors.hoursOverride?.reason?.message ?? errors.hoursOverride?.message}
          />
        ) : null}
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('diary.moveSave')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
