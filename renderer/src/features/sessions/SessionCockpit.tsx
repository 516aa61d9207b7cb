import { personName } from '../../../../shared/patients/person-name';
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ageOn } from '../../../../shared/api/patients';
import type { ScreeningRecord } from '../../../../shared/api/screening';
import type { TreatmentSession } from '../../../../shared/api/sessions';
import { api, unwrap } from '../../lib/api';
import { formatDay, formatInstant } from '../../lib/dates';
import { OpenAdverseEvents } from '../adverse-events';
import { AlertsStrip } from '../history';
import { patientsKeys } from '../patients';
import { findingText, screeningKeys, severityColour } from '../screening';

// The same look-back the session's check panel uses, so both read one cached list.
const CHECK_LOOKBACK = 100;

/** The history version a check was made on, once the check record carries it. */
function checkedVersion(check: ScreeningRecord): number | null {
  const v = (check as { historyVersion?: number | null }).historyVersion;
  return typeof v === 'number' ? v : null;
}

/** The check the session rests on: when, its outcome, and the history version it read. */
function RestingCheck({
  check,
  currentVersion,
}: {
  check: ScreeningRecord | undefined;
  currentVersion: number | null;
}) {
  const { t } = useTranslation();
  if (!check) {
    return (
      <Badge color="red" variant="filled" tt="none" data-testid="cockpit-check">
        {t('cockpit.noCheck')}
      </Badge>
    );
  }
  const version = checkedVersion(check);
  const stale = version !== null && currentVersion !== null && version !== currentVersion;
  return (
    <Group gap={6} data-testid="cockpit-check" wrap="wrap">
      <Text size="sm" fw={600}>
        {t('cockpit.check', { at: formatInstant(check.performedAt) })}
      </Text>
      <Badge color={severityColour[check.outcome]} variant="light" tt="none">
        {t(`screening.outcome.${check.outcome}`)}
      </Badge>
      {check.status !== 'passed' ? (
        <Badge color={check.status === 'stopped' ? 'red' : 'orange'} variant="light" tt="none">
          {t(`cockpit.checkStatus.${check.status}`)}
        </Badge>
      ) : null}
      <Badge color={stale ? 'red' : 'gray'} variant={stale ? 'filled' : 'light'} tt="none">
        {stale
          ? t('cockpit.historyStale', { checked: version, current: currentVersion })
          : t('cockpit.historyVersion', { version: version ?? currentVersion ?? '—' })}
      </Badge>
    </Group>
  );
}

/**
 * Who is being treated and what to watch for, kept in view while the note is written: name,
 * clinic number, a photo-free identity line, her alerts, open adverse events, earlier
 * do-not-treat checks, and the check this session rests on.
 */
export function SessionCockpit({ session }: { session: TreatmentSession }) {
  const { t } = useTranslation();
  const patientId = session.patientId;
  const chart = useQuery({
    queryKey: patientsKeys.chart(patientId),
    queryFn: () => unwrap(api.patients.get({ id: patientId })),
  });
  const checks = useQuery({
    queryKey: screeningKeys.list(patientId, CHECK_LOOKBACK),
    queryFn: () => unwrap(api.screening.list({ patientId, limit: CHECK_LOOKBACK })),
  });
  if (!chart.data) return null;
  const { patient, alerts, historyVersion } = chart.data;
  const check = checks.data?.find((c) => c.id === session.screeningId);
  const doNotTreat = (checks.data ?? []).filter(
    (c) => c.outcome === 'do-not-treat' && c.id !== session.screeningId,
  );
  return (
    <Paper
      withBorder
      shadow="sm"
      p="sm"
      component="section"
      aria-label={t('cockpit.label')}
      data-testid="session-cockpit"
      style={{
        position: 'sticky',
        top: 'var(--app-shell-header-offset, 0px)',
        zIndex: 20,
      }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={0}>
            <Group gap="xs">
              <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
                {personName(patient)}
              </Title>
              <Badge size="lg" variant="outline" tt="none" aria-label={t('chart.clinicNumber')}>
                {patient.clinicNumber}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" data-testid="cockpit-identity">
              {[
                t('patients.age', { count: ageOn(patient.dateOfBirth, session.performedOn) }),
                t('patients.born', { date: formatDay(patient.dateOfBirth) }),
                t(`patients.sexes.${patient.sex}`),
              ].join(' · ')}
            </Text>
          </Stack>
          <RestingCheck check={check} currentVersion={historyVersion} />
        </Group>
        <AlertsStrip alerts={alerts} hasHistory={historyVersion !== null} patientId={patientId} />
        {doNotTreat.length > 0 ? (
          <Group gap="xs" data-testid="cockpit-do-not-treat">
            <Text size="sm" fw={700}>
              {t('cockpit.doNotTreatHistory')}
            </Text>
            {doNotTreat.map((c) => {
              const stop = c.findings.find((f) => f.severity === 'do-not-treat');
              return (
                <Badge key={c.id} color="red" variant="light" tt="none" size="lg" radius="sm">
                  {t('cockpit.doNotTreatCheck', {
                    date: formatDay(c.performedOn),
                    reason: stop ? findingText(stop) : t('screening.outcome.do-not-treat'),
                  })}
                </Badge>
              );
            })}
          </Group>
        ) : null}
        <OpenAdverseEvents patientId={patientId} compact />
      </Stack>
    </Paper>
  );
}
