import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Progress,
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
import { Link } from 'react-router';
import type { z } from 'zod';
import { followUpRecordInput, type Course } from '../../../../shared/api/courses';
import { personName } from '../../../../shared/patients/person-name';
import { api, unwrap } from '../../lib/api';
import { formatDay } from '../../lib/dates';
import { applyServerError } from '../../lib/forms';
import { TREATMENTS_KEY } from '../../lib/query-keys';
import { FormError } from '../../ui/FormError';
import { BookCourseDialog } from '../appointments';
import { patientsKeys } from '../patients';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

const scaleValues = ['1', '2', '3', '4', '5'];

function FollowUpForm({ courseId, onDone }: { courseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof followUpRecordInput>>({
    resolver: zodResolver(followUpRecordInput),
    defaultValues: { courseId, gais: 0, satisfaction: 0, notes: '' },
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await unwrap(api.courses.recordFollowUp(values));
      await client.invalidateQueries({ queryKey: TREATMENTS_KEY });
      onDone();
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  const scale = (name: 'gais' | 'satisfaction') => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Select
          label={t(`courses.${name}`)}
          required
          data={scaleValues.map((v) => ({ value: v, label: t(`courses.${name}Scale.${v}`) }))}
          value={field.value ? String(field.value) : null}
          onChange={(v) => field.onChange(v ? Number(v) : 0)}
          error={errors[name]?.message}
        />
      )}
    />
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('courses.followUp')}>
      <Stack gap="sm">
        {scale('gais')}
        {scale('satisfaction')}
        <Textarea label={t('courses.followUpNotes')} {...form.register('notes')} />
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('courses.recordFollowUp')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A course with its progress ("session 3 of 6"), next due date and each session's timing. */
export function CourseCard({ course, canTreat }: { course: Course; canTreat: boolean }) {
  const { t } = useTranslation();
  const [following, setFollowing] = useState(false);
  const [booking, setBooking] = useState(false);
  const { progress } = course;
  // Sessions neither logged nor booked yet: what "Book remaining sessions" proposes.
  const unbooked = progress.planned - progress.logged - course.bookings.length;
  // The dialog names the patient; the chart has them cached under this key already.
  const patient = useQuery({
    queryKey: patientsKeys.onTreatmentsPage(course.patientId),
    queryFn: () => unwrap(api.patients.get({ id: course.patientId })),
    enabled: booking,
  });
  return (
    <Paper withBorder p="md" data-testid="course-card">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3} size="h4">
            {t(`indications.${course.indication}`)}
            {course.indicationNote ? ` — ${course.indicationNote}` : ''}
          </Title>
          <Text size="sm" c="dimmed">
            {t('courses.plan', {
              count: course.plannedSessions,
              days: course.intervalDays,
              areas: course.areas.map((a) => t(`treatmentAreas.${a}`)).join(', '),
            })}
          </Text>
        </Stack>
        <Badge variant="light" color={course.status === 'active' ? 'teal' : 'gray'}>
          {t(`courses.status.${course.status}`)}
        </Badge>
      </Group>
      <Group mt="sm" gap="md">
        <Text fw={600} data-testid="course-progress">
          {progress.nextNumber !== null
            ? t('courses.nextSession', { n: progress.nextNumber, total: progress.planned })
            : t('courses.complete', { total: progress.planned })}
        </Text>
        {progress.nextDueOn ? (
          <Text size="sm">{t('courses.nextDue', { date: formatDay(progress.nextDueOn) })}</Text>
        ) : null}
        {progress.overdue ? (
          <Badge color="orange" variant="light">
            {t('courses.overdue')}
          </Badge>
        ) : null}
      </Group>
      <Progress
        mt="xs"
        value={(progress.signed / progress.planned) * 100}
        aria-label={t('courses.progressLabel', { done: progress.signed, total: progress.planned })}
      />
      <Stack gap={4} mt="sm">
        {course.sessions.map((s) => (
          <Group key={s.id} gap="xs">
            <Anchor
              component={Link}
              to={`/patients/${course.patientId}/sessions/${s.id}`}
              size="sm"
            >
              {t('courses.sessionLine', { n: s.number, date: formatDay(s.performedOn) })}
            </Anchor>
            <Badge size="xs" variant="light" color={s.status === 'signed' ? 'teal' : 'gray'}>
              {t(`sessions.status.${s.status}`)}
            </Badge>
            {s.timing === 'too-early' || s.timing === 'too-late' ? (
              <Badge size="xs" color="orange">
                {t(`sessions.timing.${s.timing}`)}
              </Badge>
            ) : null}
          </Group>
        ))}
      </Stack>
      {course.bookings.length > 0 ? (
        <Stack gap={2} mt="sm" aria-label={t('courseBooking.bookedTitle')} role="list">
          {course.bookings.map((b) => (
            <Group key={b.appointmentId} gap="xs" role="listitem">
              <Text size="sm">
                {t('courseBooking.bookedLine', {
                  date: formatDay(b.startsAt.slice(0, 10)),
                  time: b.startsAt.slice(11, 16),
                })}
              </Text>
              {b.timing === 'too-early' || b.timing === 'too-late' ? (
                <Badge size="xs" color="orange">
                  {t(`sessions.timing.${b.timing}`)}
                </Badge>
              ) : null}
            </Group>
          ))}
        </Stack>
      ) : null}
      {course.followUps.length > 0 ? (
        <Stack gap={2} mt="sm">
          {course.followUps.map((f) => (
            <Text key={f.id} size="sm">
              {t('courses.followUpLine', {
                date: formatDay(f.assessedOn),
                gais: t(`courses.gaisScale.${f.gais}`),
                satisfaction: t(`courses.satisfactionScale.${f.satisfaction}`),
              })}
            </Text>
          ))}
        </Stack>
      ) : null}
      {canTreat && progress.signed > 0 ? (
        <Button mt="sm" size="xs" variant="default" onClick={() => setFollowing(true)}>
          {t('courses.recordFollowUp')}
        </Button>
      ) : null}
      {course.status === 'active' && unbooked > 0 ? (
        <Button mt="sm" size="xs" variant="default" onClick={() => setBooking(true)}>
          {t('courseBooking.bookRemaining')}
        </Button>
      ) : null}
      <BookCourseDialog
        courseId={booking ? course.id : null}
        patientName={patient.data ? personName(patient.data.patient) : ''}
        onClose={() => setBooking(false)}
      />
      <Modal opened={following} onClose={() => setFollowing(false)} title={t('courses.followUp')}>
        <FollowUpForm courseId={course.id} onDone={() => setFollowing(false)} />
      </Modal>
    </Paper>
  );
}
