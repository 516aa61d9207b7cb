import { Alert, Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseProposal } from '../../../../shared/api/appointments';
import { addMinutes, dateOf, timeOf } from '../../../../shared/appointments/diary-time';
import { ApiFailure, api, unwrap } from '../../lib/api';
import { formatDay } from '../../lib/dates';
import { TREATMENTS_KEY } from '../../lib/query-keys';
import { DayInput } from '../../ui/DayInput';
import { TimeOfDayInput } from '../../ui/TimeInputs';
import { appointmentsKeys } from './queries';

interface Row {
  number: number;
  dueOn: string;
  date: string;
  time: string;
  roomId: string;
}

export interface BookCourseDialogProps {
  courseId: string | null;
  patientName: string;
  onClose: () => void;
  onBooked?: (count: number) => void;
}

/**
 * Books a course's remaining sessions in one step: the service proposes each at the protocol's
 * interval where the practitioner and a room are free; every row stays editable before saving,
 * and a refused row shows the service's reason beside it (nothing is booked then).
 */
export function BookCourseDialog({
  courseId,
  patientName,
  onClose,
  onBooked,
}: BookCourseDialogProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: appointmentsKeys.settings,
    queryFn: () => unwrap(api.appointments.settings({})),
  });
  const practitioners = useQuery({
    queryKey: appointmentsKeys.practitioners,
    queryFn: () => unwrap(api.appointments.practitioners({})),
  });
  const [practitionerId, setPractitionerId] = useState<string | null>(null);
  const [typeId, setTypeId] = useState<string | null>(null);
  const [firstOn, setFirstOn] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [unplaced, setUnplaced] = useState<CourseProposal['unplaced']>([]);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const who = practitionerId ?? practitioners.data?.[0]?.id ?? null;
  const type = typeId ?? settings.data?.treatmentTypes[0]?.id ?? null;
  const duration =
    settings.data?.treatmentTypes.find((ty) => ty.id === type)?.durationMinutes ?? 30;

  const close = () => {
    setRows(null);
    setError(null);
    setFields({});
    onClose();
  };
  const propose = async () => {
    if (!courseId || !who || !type) return;
    setError(null);
    setFields({});
    try {
      const p = await unwrap(
        api.appointments.proposeCourse({
          courseId,
          practitionerId: who,
          treatmentTypeId: type,
          ...(firstOn ? { firstOn } : {}),
        }),
      );
      setRows(
        p.slots.map((s) => ({
          number: s.number,
          dueOn: s.dueOn,
          date: dateOf(s.startsAt),
          time: timeOf(s.startsAt),
          roomId: s.roomId,
        })),
      );
      setUnplaced(p.unplaced);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const book = async () => {
    if (!courseId || !who || !type || !rows) return;
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const booked = await unwrap(
        api.appointments.bookCourse({
          courseId,
          practitionerId: who,
          treatmentTypeId: type,
          slots: rows.map((r) => {
            const startsAt = `${r.date}T${r.time}`;
            return { startsAt, endsAt: addMinutes(startsAt, duration), roomId: r.roomId };
          }),
        }),
      );
      await client.invalidateQueries({ queryKey: appointmentsKeys.all });
      await client.invalidateQueries({ queryKey: ['recall'] });
      // The course's on-schedule check reads the booked dates.
      await client.invalidateQueries({ queryKey: TREATMENTS_KEY });
      onBooked?.(booked.length);
      close();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      if (e instanceof ApiFailure) setFields(e.fieldMessages());
    } finally {
      setBusy(false);
    }
  };
  const update = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs?.map((r, j) => (j === i ? { ...r, ...patch } : r)) ?? null);
  const rowError = (i: number) =>
    ['startsAt', 'endsAt', 'roomId', 'practitionerId', 'patientId', 'hoursOverride']
      .map((k) => fields[`slots.${i}.${k}`])
      .find(Boolean);

  return (
    <Modal
      opened={courseId !== null}
      onClose={close}
      size="xl"
      title={t('courseBooking.title', { name: patientName })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Group grow align="flex-end">
          <Select
            label={t('diary.form.practitioner')}
            data={(practitioners.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
            value={who}
            onChange={setPractitionerId}
            allowDeselect={false}
          />
          <Select
            label={t('diary.form.treatmentType')}
            data={(settings.data?.treatmentTypes ?? []).map((ty) => ({
              value: ty.id,
              label: ty.name,
            }))}
            value={type}
            onChange={setTypeId}
            allowDeselect={false}
          />
          <DayInput
            label={t('courseBooking.firstOn')}
            description={t('courseBooking.firstOnHelp')}
            value={firstOn}
            onChange={setFirstOn}
          />
        </Group>
        {/* Default, not light: teal on its pale tint falls below AA contrast when hovered. */}
        <Button variant="default" w="fit-content" onClick={() => void propose()}>
          {t('courseBooking.propose')}
        </Button>
        {rows ? (
          <Table aria-label={t('courseBooking.proposal')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('courseBooking.session')}</Table.Th>
                <Table.Th>{t('courseBooking.due')}</Table.Th>
                <Table.Th>{t('diary.form.date')}</Table.Th>
                <Table.Th>{t('diary.form.time')}</Table.Th>
                <Table.Th>{t('diary.form.room')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={r.number}>
                  <Table.Td>{r.number}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(r.dueOn)}</Table.Td>
                  <Table.Td>
                    <DayInput
                      aria-label={t('courseBooking.dateOf', { n: r.number })}
                      value={r.date}
                      onChange={(date) => update(i, { date })}
                      error={rowError(i)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TimeOfDayInput
                      aria-label={t('courseBooking.timeOf', { n: r.number })}
                      value={r.time}
                      onChange={(time) => update(i, { time })}
                      w={90}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('courseBooking.roomOf', { n: r.number })}
                      data={(settings.data?.rooms ?? []).map((room) => ({
                        value: room.id,
                        label: room.name,
                      }))}
                      value={r.roomId}
                      onChange={(v) => update(i, { roomId: v ?? r.roomId })}
                      allowDeselect={false}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        {rows && rows.length === 0 && unplaced.length === 0 ? (
          <Text c="dimmed">{t('courseBooking.nothingLeft')}</Text>
        ) : null}
        {unplaced.length > 0 ? (
          <Alert color="orange">
            {t('courseBooking.unplaced', {
              list: unplaced.map((u) => `${u.number} (${formatDay(u.dueOn)})`).join(', '),
            })}
          </Alert>
        ) : null}
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('diary.form.cancel')}
          </Button>
          <Button onClick={() => void book()} loading={busy} disabled={!rows || rows.length === 0}>
            {t('courseBooking.book', { count: rows?.length ?? 0 })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
