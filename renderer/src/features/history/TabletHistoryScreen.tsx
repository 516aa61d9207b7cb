import { Alert, Box, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { emptyHistoryAnswers, type HistoryAnswers } from '../../../../shared/api/history';
import { useMay } from '../../lib/access';
import { api, unwrap } from '../../lib/api';
import { useSetSession } from '../../lib/session';
import { HistoryForm } from './HistoryForm';
import { historyKeys } from './queries';

/**
 * The questionnaire in the patient's hands: no navigation, no staff data, only their first name
 * and their own answers. Sending or stopping locks the screen, so handing the tablet back needs
 * a member of staff's password before anything else is visible.
 */
export function TabletHistoryScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const chart = useQuery({
    queryKey: historyKeys.tabletPatient(id),
    queryFn: () => unwrap(api.patients.get({ id })),
  });
  const mayReadHistory = useMay('history.get');
  const history = useQuery({
    queryKey: historyKeys.tablet(id),
    queryFn: () => unwrap(api.history.get({ patientId: id })),
    // The front desk takes a new intake but may not read the earlier one: the form starts empty.
    enabled: mayReadHistory,
  });
  const lock = async () => {
    // The chart is where staff land after unlocking, not this screen.
    void navigate(`/patients/${id}?tab=history`, { replace: true });
    setSession(await unwrap(api.auth.lock({})));
  };
  const submit = async (answers: HistoryAnswers) => {
    await unwrap(api.history.submit({ patientId: id, answers, takenBy: 'patient' }));
    await lock();
  };
  return (
    <Box maw={900} mx="auto" p="xl" data-testid="tablet-questionnaire">
      {chart.isError || history.isError ? (
        <Alert color="red">{(chart.error ?? history.error)?.message}</Alert>
      ) : null}
      {chart.data && (history.data || !mayReadHistory) ? (
        <Stack gap="xl">
          <Title order={1}>{t('history.tablet.title')}</Title>
          <HistoryForm
            size="lg"
            defaultValues={history.data?.latest?.answers ?? emptyHistoryAnswers()}
            onSubmit={submit}
            onCancel={() => void lock()}
            submitLabel={t('history.tablet.done')}
            cancelLabel={t('history.tablet.cancel')}
            intro={
              <Text size="xl">
                {t('history.tablet.intro', { name: chart.data.patient.givenName })}
              </Text>
            }
          />
        </Stack>
      ) : (
        <Loader aria-label={t('common.loading')} />
      )}
    </Box>
  );
}
