import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../shared/api/appointments';
import { mayMoveTo, needsReason } from '../../../../shared/appointments/diary-rules';
import { dateOf, timeOf } from '../../../../shared/appointments/diary-time';
import { ApiFailure, api, unwrap } from '../../lib/api';
import { formatDay } from '../../lib/dates';
import { FormError } from '../../ui/FormError';
import { MoveVisitForm } from './MoveVisitForm';
import { appointmentsKeys } from './queries';

const targets = ['arrived', 'in-treatment', 'done', 'cancelled', 'no-show'] as const;

/**
 * An appointment's status buttons; cancelling and no-show ask for the reason first. A visit that
 * was cancelled or missed shows the reason it was given, and one booked outside opening hours why.
 * A booked visit also moves from here, by keyboard (the diary's drag needs a mouse).
 */
export function AppointmentStatusDialog({
  appointment,
  onClose,
}: {
  appointment: Appointment | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const close = () => {
    setReason('');
    setError(null);
    setMoving(false);
    onClose();
  };
  const set = async (status: (typeof targets)[number]) => {
    if (!appointment) return;
    setError(null);
    try {
      await unwrap(api.appointments.setStatus({ id: appointment.id, status, reason }));
      await client.invalidateQueries({ queryKey: appointmentsKeys.all });
      close();
    } catch (e) {
      setError(e instanceof ApiFailure ? (e.field('reason') ?? e.message) : String(e));
    }
  };
  const a = appointment;
  const next = a ? targets.filter((s) => mayMoveTo(a.status, s)) : [];
  return (
    <Modal
      opened={a !== null}
      onClose={close}
      title={a ? a.patientName : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {a ? (
        <Stack>
          <Text size="sm">
            {formatDay(dateOf(a.startsAt))} {timeOf(a.startsAt)}–{timeOf(a.endsAt)} ·{' '}
            {a.practitionerName}
          </Text>
          <Text size="sm" data-testid="appointment-status">
            {t('diary.statusNow', { status: t(`diary.status.${a.status}`) })}
          </Text>
          {a.statusReason ? (
            <Text size="sm" data-testid="appointment-status-reason">
              {t('diary.statusReason', { reason: a.statusReason })}
            </Text>
          ) : null}
          {a.hoursOverrideReason ? (
            <Text size="sm">
              {t('diary.outsideHoursBecause', { reason: a.hoursOverrideReason })}
            </Text>
          ) : null}
          {a.status === 'booked' && !moving ? (
            <Group>
              <Button variant="default" onClick={() => setMoving(true)}>
                {t('diary.moveOpen')}
              </Button>
            </Group>
          ) : null}
          {a.status === 'booked' && moving ? (
            <MoveVisitForm appointment={a} onMoved={close} />
          ) : null}
          {next.some(needsReason) ? (
            <TextInput
              label={t('diary.reason')}
              description={t('diary.reasonHelp')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={error}
            />
          ) : (
            <FormError message={error} />
          )}
          {next.length > 0 ? (
            <Group>
              {next.map((s) => (
                <Button
                  key={s}
                  variant={needsReason(s) ? 'light' : 'filled'}
                  color={needsReason(s) ? 'red' : 'blue'}
                  onClick={() => void set(s)}
                >
                  {t(`diary.setStatus.${s}`)}
                </Button>
              ))}
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Modal>
  );
}
