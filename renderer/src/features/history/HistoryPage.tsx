import { personName } from '../../../../shared/patients/person-name';
import { Alert, Loader, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { emptyHistoryAnswers, type HistoryAnswers } from '../../../../shared/api/history';
import { useMay } from '../../lib/access';
import { api, unwrap } from '../../lib/api';
import { focusHeadingState, useFocusFirstField } from '../../lib/focus';
import { patientsKeys } from '../patients';
import { historyKeys } from './queries';
import { HistoryForm } from './HistoryForm';

/** Staff take or update the history at the desk; the form starts from the latest answers. */
export function HistoryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const chart = useQuery({
    queryKey: patientsKeys.chart(id),
    queryFn: () => unwrap(api.patients.get({ id })),
  });
  const mayReadHistory = useMay('history.get');
  const history = useQuery({
    queryKey: historyKeys.latest(id),
    queryFn: () => unwrap(api.history.get({ patientId: id })),
    // The front desk takes a new intake but may not read the earlier one: the form starts empty.
    enabled: mayReadHistory,
  });
  const back = () => void navigate(`/patients/${id}?tab=history`);
  const firstField = useFocusFirstField();
  if (chart.isError || history.isError) {
    return <Alert color="red">{(chart.error ?? history.error)?.message}</Alert>;
  }
  if (!chart.data || (mayReadHistory && !history.data))
    return <Loader aria-label={t('common.loading')} />;
  const { patient } = chart.data;
  const submit = async (answers: HistoryAnswers) => {
    const saved = await unwrap(api.history.submit({ patientId: id, answers, takenBy: 'staff' }));
    await client.invalidateQueries({ queryKey: patientsKeys.patient(id) });
    notifications.show({ color: 'teal', message: t('history.saved', { version: saved.version }) });
    void navigate(`/patients/${id}?tab=history`, { state: focusHeadingState });
  };
  return (
    <Stack maw={1000} ref={firstField}>
      <Title order={2}>{t('history.formTitle', { name: personName(patient) })}</Title>
      <HistoryForm
        defaultValues={history.data?.latest?.answers ?? emptyHistoryAnswers('not-asked')}
        onSubmit={submit}
        onCancel={back}
        submitLabel={t('history.submit')}
        cancelLabel={t('history.cancel')}
      />
    </Stack>
  );
}
