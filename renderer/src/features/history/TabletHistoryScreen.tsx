import { Alert, Box, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SessionState } from '../../../../shared/api/auth';
import { emptyHistoryAnswers, type HistoryAnswers } from '../../../../shared/api/history';
import { useMay } from '../../lib/access';
import { api, unwrap } from '../../lib/api';
import { useSetSession } from '../../lib/session';
import { HistoryForm } from './HistoryForm';
import { TabletHandBackScreen } from './TabletHandBack';
import { historyKeys } from './queries';

type PatientMode = NonNullable<SessionState['patientMode']>;

/**
 * The questionnaire in the patient's hands. The main process holds patient mode: this screen is
 * shown whenever the session says so, whatever the address (a back button, a reload or a typed
 * chart address lands here again), and the main process refuses anything but this patient's
 * questionnaire and consent signing until staff take the tablet back with their password.
 */
export function TabletHistoryScreen({ mode }: { mode: PatientMode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const [phase, setPhase] = useState<'questions' | 'hand-back'>('questions');
  const id = mode.patientId;
  const mayReadHistory = useMay('history.get');
  const history = useQuery({
    queryKey: historyKeys.tablet(id),
    queryFn: () => unwrap(api.history.get({ patientId: id })),
    // The front desk takes a new intake but may not read the earlier one: the form starts empty.
    enabled: mayReadHistory,
  });
  const submit = async (answers: HistoryAnswers) => {
    await unwrap(api.history.submit({ patientId: id, answers, takenBy: 'patient' }));
    setPhase('hand-back');
  };
  const resumed = (state: SessionState) => {
    // Staff land on the chart the tablet was handed from.
    void navigate(`/patients/${id}?tab=history`, { replace: true });
    setSession(state);
  };
  if (phase === 'hand-back') return <TabletHandBackScreen onResumed={resumed} />;
  return (
    <Box maw={900} mx="auto" p="xl" data-testid="tablet-questionnaire">
      {history.isError ? (
        <Alert color="red">{t('history.tablet.failed', { message: history.error.message })}</Alert>
      ) : null}
      {history.data || !mayReadHistory ? (
        <Stack gap="xl">
          <Title order={1}>{t('history.tablet.title')}</Title>
          <HistoryForm
            size="lg"
            defaultValues={history.data?.latest?.answers ?? emptyHistoryAnswers('not-asked')}
            onSubmit={submit}
            onCancel={() => setPhase('hand-back')}
            submitLabel={t('history.tablet.done')}
            cancelLabel={t('history.tablet.cancel')}
            intro={<Text size="xl">{t('history.tablet.intro', { name: mode.givenName })}</Text>}
          />
        </Stack>
      ) : (
        <Loader aria-label={t('common.loading')} />
      )}
    </Box>
  );
}
