import { personName } from '../../../../shared/patients/person-name';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { StaffUser } from '../../../../shared/api/staff';
import type { OperationName } from '../../../../shared/api/contract';
import { roleMay } from '../../lib/access';
import { useArrivalFocus } from '../../lib/focus';
import { ApiFailure, api, unwrap } from '../../lib/api';
import { ageOn } from '../../../../shared/api/patients';
import { formatDay } from '../../lib/dates';
import { chartKeys, seedChart } from './queries';
import { PatientOverview } from './PatientOverview';
import { TreatmentsPanel } from './PatientTreatmentsPage';
import { OpenAdverseEvents } from '../adverse-events';
import { DocumentsTab } from '../documents';
import { AlertsStrip, HistoryTab } from '../history';
import { patientsKeys } from '../patients';
import { PhotosTab } from '../photos';
import { ScreeningList } from '../screening';
import { SessionDocumentsPanel } from '../sessions';
import { ExportRecordButton } from './ExportRecordButton';

const tabs = ['overview', 'history', 'sessions', 'photos', 'documents'] as const;
type Tab = (typeof tabs)[number];

function ChartError({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="red" role="alert">
        {error instanceof ApiFailure && error.error.code === 'NOT_FOUND'
          ? t('patients.notFound')
          : error.message}
      </Alert>
      <Anchor component={Link} to="/patients">
        {t('patients.backToSearch')}
      </Anchor>
    </Stack>
  );
}

/** The patient's chart: who they are, what to watch for, and their record by tab. */
export function PatientChart({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  // Tabs and panels follow the contract's matrix: the front desk sees the alert strip, the
  // intake and documents, not sessions, photos, checks or adverse events.
  const may = (name: OperationName) => roleMay(user.role, name);
  // Registering the patient or saving her history lands here: the focus goes to her name.
  const arrival = useArrivalFocus();
  const shownTabs = tabs.filter(
    (x) => (x !== 'sessions' || may('sessions.list')) && (x !== 'photos' || may('photos.list')),
  );
  const tab: Tab = shownTabs.find((x) => x === params.get('tab')) ?? 'overview';
  const client = useQueryClient();
  const opened = useQuery({
    queryKey: chartKeys.open(id),
    queryFn: async () => {
      const data = await unwrap(api.chart.open({ patientId: id }));
      seedChart(client, id, data);
      return data;
    },
  });
  // Seeded by the call above; read through its own key so changes made on the chart show at once.
  const chart = useQuery({
    queryKey: patientsKeys.chart(id),
    queryFn: () => unwrap(api.patients.get({ id })),
    enabled: opened.isSuccess,
  });
  if (opened.isError) return <ChartError error={opened.error} />;
  if (chart.isPending) return <Loader aria-label={t('common.loading')} />;
  if (chart.isError) return <ChartError error={chart.error} />;
  const { patient, alerts, historyVersion } = chart.data;
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/patients" size="sm">
        {t('patients.backToSearch')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2} style={{ overflowWrap: 'anywhere' }} ref={arrival} tabIndex={-1}>
            {personName(patient)}
          </Title>
          <Text c="dimmed">
            {[
              t('patients.age', { count: ageOn(patient.dateOfBirth) }),
              t('patients.born', { date: formatDay(patient.dateOfBirth) }),
              t(`patients.sexes.${patient.sex}`),
            ].join(' · ')}
          </Text>
        </Stack>
        <Group gap="xs">
          {patient.archived ? (
            <Badge color="gray" size="lg">
              {t('patients.archivedBadge')}
            </Badge>
          ) : null}
          <Badge size="lg" variant="outline" tt="none" aria-label={t('chart.clinicNumber')}>
            {patient.clinicNumber}
          </Badge>
          {may('chart.exportRecord') ? <ExportRecordButton patientId={patient.id} /> : null}
          {user.role === 'practitioner' && !patient.archived ? (
            <Button component={Link} to={`/patients/${patient.id}/check`}>
              {t('screening.startCheck')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {patient.archived ? (
        <Alert color="gray" py={6}>
          {t('chart.archivedNotice')}
        </Alert>
      ) : null}
      <AlertsStrip
        alerts={alerts}
        hasHistory={historyVersion !== null}
        patientId={patient.id}
        riskMedicines={chart.data.riskMedicines}
      />
      {may('adverseEvents.listOpen') ? <OpenAdverseEvents patientId={patient.id} /> : null}
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(v) => setParams(v && v !== 'overview' ? { tab: v } : {}, { replace: true })}
      >
        <Tabs.List>
          {shownTabs.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`chart.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <PatientOverview patient={patient} user={user} />
          {may('screening.list') ? <ScreeningList patientId={patient.id} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryTab patientId={patient.id} archived={patient.archived} />
        </Tabs.Panel>
        <Tabs.Panel value="sessions" pt="md">
          <TreatmentsPanel patientId={patient.id} user={user} />
        </Tabs.Panel>
        <Tabs.Panel value="photos" pt="md">
          <PhotosTab patientId={patient.id} user={user} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <DocumentsTab
            patientId={patient.id}
            patientName={personName(patient)}
            archived={patient.archived}
            user={user}
            sessionDocuments={
              may('sessions.list') ? <SessionDocumentsPanel patientId={patient.id} /> : null
            }
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
