import { personName } from '../../../../shared/patients/person-name';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { StaffUser } from '../../../../shared/api/staff';
import { api, unwrap } from '../../lib/api';
import { formatDay } from '../../lib/dates';
import { OpenAdverseEvents } from '../adverse-events';
import { CourseCard, CourseForm, coursesKeys } from '../courses';
import { patientsKeys } from '../patients';
import { productsKeys } from '../products';
import { OpenDraftNotice, SessionStatusBadge, StartSession, sessionsKeys } from '../sessions';
import { chartKeys } from './queries';
import { Timeline } from './Timeline';

/** A patient's treatments on a page of their own: header, open adverse events, then the panel. */
export function PatientTreatmentsPage({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  const { patientId = '' } = useParams();
  const chart = useQuery({
    queryKey: patientsKeys.onTreatmentsPage(patientId),
    queryFn: () => unwrap(api.patients.get({ id: patientId })),
  });
  const patient = chart.data?.patient;
  return (
    <Stack gap="md">
      <Stack gap={0}>
        <Title order={2}>
          {patient
            ? t('treatmentsPage.title', { name: personName(patient) })
            : t('treatmentsPage.titleLoading')}
        </Title>
        {patient ? (
          <Text size="sm" c="dimmed">
            {patient.clinicNumber} · {formatDay(patient.dateOfBirth)}
          </Text>
        ) : null}
      </Stack>
      {chart.error ? (
        <Alert color="red" role="alert">
          {chart.error.message}
        </Alert>
      ) : null}
      <OpenAdverseEvents patientId={patientId} />
      <TreatmentsPanel patientId={patientId} user={user} />
    </Stack>
  );
}

/** Courses and progress, today's session, the sessions list and the timeline: the chart's tab. */
export function TreatmentsPanel({ patientId, user }: { patientId: string; user: StaffUser }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const canTreat = user.role === 'practitioner';
  const courses = useQuery({
    queryKey: coursesKeys.list(patientId),
    queryFn: () => unwrap(api.courses.list({ patientId })),
  });
  const sessions = useQuery({
    queryKey: sessionsKeys.list(patientId),
    queryFn: () => unwrap(api.sessions.list({ patientId })),
  });
  const timeline = useQuery({
    queryKey: chartKeys.timeline(patientId),
    queryFn: () => unwrap(api.chart.timeline({ patientId })),
  });
  const products = useQuery({
    queryKey: productsKeys.active,
    queryFn: () => unwrap(api.products.list({ includeInactive: false })),
    enabled: canTreat,
  });
  const failed = courses.error ?? sessions.error ?? timeline.error;
  return (
    <Stack gap="md">
      {failed ? (
        <Alert color="red" role="alert">
          {failed.message}
        </Alert>
      ) : null}
      <OpenDraftNotice patientId={patientId} sessions={sessions.data ?? []} />
      {canTreat && courses.data ? (
        <Paper withBorder p="md">
          <Group justify="space-between" align="flex-end">
            <StartSession patientId={patientId} courses={courses.data} />
            <Button variant="light" onClick={() => setCreating(true)}>
              {t('courses.new')}
            </Button>
          </Group>
        </Paper>
      ) : null}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          <Title order={3} size="h4">
            {t('courses.title')}
          </Title>
          {courses.data?.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('courses.none')}
            </Text>
          ) : null}
          {(courses.data ?? []).map((c) => (
            <CourseCard key={c.id} course={c} canTreat={canTreat} />
          ))}
          <Title order={3} size="h4">
            {t('sessions.listTitle')}
          </Title>
          <Table.ScrollContainer minWidth={420} type="native">
            <Table aria-label={t('sessions.listTitle')} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sessions.date')}</Table.Th>
                  <Table.Th>{t('sessions.areasTitle')}</Table.Th>
                  <Table.Th>{t('sessions.practitioner')}</Table.Th>
                  <Table.Th>{t('sessions.statusLabel')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(sessions.data ?? []).map((s) => (
                  <Table.Tr key={s.id} data-testid="session-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/patients/${patientId}/sessions/${s.id}`}>
                        {formatDay(s.performedOn)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{s.areas.map((a) => t(`treatmentAreas.${a}`)).join(', ')}</Table.Td>
                    <Table.Td>{s.practitionerName}</Table.Td>
                    <Table.Td>
                      <SessionStatusBadge status={s.status} />
                      {s.abandonReason ? (
                        <Text size="xs" c="dimmed">
                          {t('sessions.abandonReasonShown', { reason: s.abandonReason })}
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
        <Stack gap="md">
          <Title order={3} size="h4">
            {t('timeline.title')}
          </Title>
          <Timeline patientId={patientId} entries={timeline.data ?? []} />
        </Stack>
      </SimpleGrid>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('courses.new')}
        size="lg"
      >
        <CourseForm
          patientId={patientId}
          products={products.data ?? []}
          onDone={() => setCreating(false)}
        />
      </Modal>
    </Stack>
  );
}
