import { personName } from '../../../../shared/patients/person-name';
import { Button, Checkbox, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type BaseSyntheticEvent } from 'react';
import { flushSync } from 'react-dom';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AppointmentSettings } from '../../../../shared/api/appointments';
import { formatDay } from '../../lib/dates';
import { ApiFailure, api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { DayInput } from '../../ui/DayInput';
import { FormError } from '../../ui/FormError';
import { TimeOfDayInput } from '../../ui/TimeInputs';
import { appointmentsKeys } from './queries';

interface Values {
  patientId: string;
  practitionerId: string;
  roomId: string;
  treatmentTypeId: string;
  date: string;
  time: string;
  notes: string;
  outsideHours: boolean;
  hoursOverride: { reason: string };
}

export interface AppointmentFormProps {
  opened: boolean;
  onClose: () => void;
  /** Said on the diary after the dialog closes (the focus returns to New appointment). */
  onBooked: (when: string) => void;
  settings: AppointmentSettings;
  practitioners: readonly { id: string; displayName: string }[];
  date: string;
}

/** Booking by keyboard: every field labelled, the service's refusal shown next to its field. */
export function AppointmentForm({
  opened,
  onClose,
  onBooked,
  settings,
  practitioners,
  date,
}: AppointmentFormProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const patients = useQuery({
    queryKey: ['appointments', 'patient-search', search],
    queryFn: () => unwrap(api.patients.search({ query: search, limit: 20 })),
    enabled: opened && search.trim().length >= 2,
  });
  const form = useForm<Values>({
    defaultValues: {
      patientId: '',
      practitionerId: practitioners[0]?.id ?? '',
      roomId: settings.rooms[0]?.id ?? '',
      treatmentTypeId: settings.treatmentTypes[0]?.id ?? '',
      date,
      time: '09:00',
      notes: '',
      outsideHours: false,
      hoursOverride: { reason: '' },
    },
  });
  const required = { required: t('diary.form.required') };
  const outside = useWatch({ control: form.control, name: 'outsideHours' });

  const send = form.handleSubmit(async (v) => {
    setFormError(null);
    try {
      await unwrap(
        api.appointments.book({
          patientId: v.patientId,
          practitionerId: v.practitionerId,
          roomId: v.roomId,
          treatmentTypeId: v.treatmentTypeId,
          startsAt: `${v.date}T${v.time}`,
          notes: v.notes,
          hoursOverride: v.outsideHours ? { reason: v.hoursOverride.reason } : null,
        }),
      );
      await client.invalidateQueries({ queryKey: appointmentsKeys.all });
      form.reset();
      onClose();
      onBooked(`${formatDay(v.date)} ${v.time}`);
    } catch (error) {
      const message = applyServerError(error, form.setError);
      // startsAt is two inputs here: its message goes under the time.
      const startsAt = error instanceof ApiFailure ? error.field('startsAt') : undefined;
      if (startsAt) form.setError('time', { type: 'server', message: startsAt });
      // Outside opening hours the service books only with a reason: the form offers that choice
      // at once, ticked with the reason field focused, rather than leaving the box to be found.
      if (error instanceof ApiFailure && error.error.fields?.hoursOverride && !v.outsideHours) {
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

  const options = {
    patients: (patients.data?.results ?? []).map((p) => ({
      value: p.id,
      label: `${personName(p)} · ${p.clinicNumber}`,
    })),
    practitioners: practitioners.map((p) => ({ value: p.id, label: p.displayName })),
    rooms: settings.rooms.map((r) => ({ value: r.id, label: r.name })),
    types: settings.treatmentTypes.map((x) => ({ value: x.id, label: x.name })),
  };
  const errors = form.formState.errors;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('diary.form.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate aria-label={t('diary.form.title')}>
        <Stack>
          <Controller
            control={form.control}
            name="patientId"
            rules={required}
            render={({ field }) => (
              <Select
                label={t('diary.form.patient')}
                placeholder={t('diary.form.patientSearch')}
                searchable
                required
                data={options.patients}
                searchValue={search}
                onSearchChange={setSearch}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                error={errors.patientId?.message}
                data-autofocus
              />
            )}
          />
          {/* The treatment type has a row of its own: the clinic names its types, and a third
              of the dialog cut 'Mesotherapy session…' short. */}
          {(
            [
              [
                ['practitionerId', 'practitioner', options.practitioners],
                ['roomId', 'room', options.rooms],
              ],
              [['treatmentTypeId', 'treatmentType', options.types]],
            ] as const
          ).map((row) => (
            <Group grow key={row[0][0]}>
              {row.map(([name, label, data]) => (
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
          ))}
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
          <Textarea
            label={t('diary.form.notes')}
            autosize
            minRows={2}
            {...form.register('notes')}
          />
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
            <Button variant="default" onClick={onClose}>
              {t('diary.form.cancel')}
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('diary.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
