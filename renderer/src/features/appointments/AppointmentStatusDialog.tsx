import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../shared/api/appointments';
import { mayMoveTo, needsReason } from '../../../../shared/appointments/diary-rules';
import { dateOf, timeOf } from '../../../../shared/appointments/diary-time';
import { ApiFailure, api, unwrap } from '../../lib/api';
import { formatDay } from '../../lib/dates';
import { appointmentsKeys } from './queries';

const targets = ['arrived', 'in-treatment', 'done', 'cancelled', 'no-show'] as const;

/** An appointment's status buttons; cancelling and no-show ask for the reason first. */
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
  const close = () => {
    setReason('');
    setError(null);
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
      setError(e instanceof ApiFailure ? (e.error.fields?.reason ?? e.message) : String(e));
    }
  };
  const a = appointment;
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
          <TextInput
            label={t('diary.reason')}
            description={t('diary.reasonHelp')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error}
          />
          <Group>
            {targets
              .filter((s) => mayMoveTo(a.status, s))
              .map((s) => (
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
        </Stack>
      ) : null}
    </Modal>
  );
}
