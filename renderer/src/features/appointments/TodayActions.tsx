import { Button, Group } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TodayEntry } from '../../../../shared/api/appointments';
import { appointmentStatuses, mayMoveTo } from '../../../../shared/appointments/diary-rules';
import { useMay } from '../../lib/access';
import { api, unwrap } from '../../lib/api';
import { useSetSession } from '../../lib/session';
import { appointmentsKeys } from './queries';

export interface TodayActionsProps {
  entry: TodayEntry;
  practitioner: boolean;
  /** Opens the visit's status buttons (cancel and no-show with their reason, in treatment, done). */
  onStatus: (id: string) => void;
  onError: (message: string | null) => void;
}

/**
 * What the desk and the practitioner do from a row of the day: mark the arrival, hand the tablet
 * for a history still to take or update (the service locks the staff session and holds the
 * tablet to this patient), open the check (or the session it started, while that is a draft),
 * and reach every other status of the visit.
 */
export function TodayActions({ entry, practitioner, onStatus, onError }: TodayActionsProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const setSession = useSetSession();
  const mayHandTablet = useMay('auth.handTablet');
  const a = entry.appointment;
  const run = async (fn: () => Promise<void>) => {
    onError(null);
    try {
      await fn();
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };
  const arrive = () =>
    run(async () => {
      await unwrap(api.appointments.setStatus({ id: a.id, status: 'arrived' }));
      await client.invalidateQueries({ queryKey: appointmentsKeys.all });
    });
  const handTablet = () =>
    run(async () => {
      setSession(await unwrap(api.auth.handTablet({ patientId: a.patientId })));
    });
  const waiting = a.status === 'booked' || a.status === 'arrived';
  const historyDue = entry.history !== 'current';
  const more = appointmentStatuses.some((s) => mayMoveTo(a.status, s));
  return (
    <Group gap="xs">
      {a.status === 'booked' ? (
        <Button
          size="xs"
          variant="light"
          aria-label={t('todayList.markArrived', { name: a.patientName })}
          onClick={() => void arrive()}
        >
          {t('todayList.markArrivedShort')}
        </Button>
      ) : null}
      {!practitioner && mayHandTablet && waiting && historyDue ? (
        <Button
          size="xs"
          // Not 'light': it slides under the pointer once Mark arrived goes, and Mantine's hovered
          // light green is 4.3:1.
          variant="default"
          aria-label={t('todayList.handTabletFor', { name: a.patientName })}
          onClick={() => void handTablet()}
        >
          {t('todayList.handTablet')}
        </Button>
      ) : null}
      {practitioner && entry.sessionId ? (
        <Button
          size="xs"
          component={Link}
          to={`/patients/${a.patientId}/sessions/${entry.sessionId}`}
          aria-label={t('todayList.openSessionFor', { name: a.patientName })}
        >
          {t('todayList.openSession')}
        </Button>
      ) : null}
      {practitioner && !entry.sessionId ? (
        <Button
          size="xs"
          component={Link}
          // A course's visit opens the check of that course, so the session counts in it.
          to={
            a.courseId
              ? `/patients/${a.patientId}/check?course=${a.courseId}`
              : `/patients/${a.patientId}/check`
          }
          aria-label={t('todayList.openCheckFor', { name: a.patientName })}
        >
          {t('todayList.openCheck')}
        </Button>
      ) : null}
      {more ? (
        <Button
          size="xs"
          variant="default"
          aria-label={t('todayList.changeStatusFor', { name: a.patientName })}
          onClick={() => onStatus(a.id)}
        >
          {t('todayList.changeStatus')}
        </Button>
      ) : null}
    </Group>
  );
}
