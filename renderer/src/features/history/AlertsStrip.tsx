import { Badge, Group, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PatientAlert } from '../../../../shared/api/patients';
import { useMay } from '../../lib/access';
import { api, unwrap } from '../../lib/api';
import { historyKeys } from './queries';
import { medicineLabel } from '../screening';

const colour: Record<PatientAlert['kind'], string> = {
  allergy: 'red',
  pregnancy: 'grape',
  breastfeeding: 'grape',
  coagulation: 'red',
  epilepsy: 'orange',
};

/**
 * Always visible above the chart's tabs: the history's alerts, and blood-thinning medicines of the
 * latest history as the drug reference reads them.
 */
export function AlertsStrip({
  alerts,
  hasHistory,
  patientId,
  riskMedicines,
}: {
  alerts: PatientAlert[];
  hasHistory: boolean;
  patientId?: string;
  /** The chart's own list of risk medicine lines; without it they are read from the history. */
  riskMedicines?: string[];
}) {
  const { t } = useTranslation();
  const mayReadHistory = useMay('history.get');
  // Blood thinners from the latest history's medicine lines, read with the drug reference.
  const history = useQuery({
    queryKey: historyKeys.latest(patientId ?? ''),
    queryFn: () => unwrap(api.history.get({ patientId: patientId ?? '' })),
    // The front desk sees the alerts but not the history behind them: no read for that role.
    enabled: riskMedicines === undefined && patientId !== undefined && hasHistory && mayReadHistory,
  });
  const lines = riskMedicines ?? (history.data?.latest?.answers.medicines ?? []).map((m) => m.text);
  const thinners = lines.flatMap((text) => {
    const label = medicineLabel(text, t);
    return label?.status === 'risk' ? [`${text} (${label.text})`] : [];
  });
  return (
    <Paper
      withBorder
      p="xs"
      role="region"
      aria-label={t('chart.alerts')}
      bg={alerts.length + thinners.length ? 'red.0' : undefined}
    >
      <Group gap="xs">
        <Text fw={700} size="sm">
          {t('chart.alerts')}
        </Text>
        {alerts.length === 0 && thinners.length === 0 ? (
          <Text size="sm" c="dimmed">
            {hasHistory ? t('chart.noAlerts') : t('chart.noHistory')}
          </Text>
        ) : (
          alerts.map((a, i) => (
            <Badge
              key={`${a.kind}-${i}`}
              color={colour[a.kind]}
              variant="filled"
              size="lg"
              radius="sm"
              tt="none"
            >
              {t(`chart.alertKinds.${a.kind}`, { detail: a.detail ?? '' })}
            </Badge>
          ))
        )}
        {thinners.map((detail, i) => (
          <Badge
            key={`thinner-${i}`}
            color="orange"
            variant="filled"
            size="lg"
            radius="sm"
            tt="none"
          >
            {t('screening.alerts.bloodThinner', { detail })}
          </Badge>
        ))}
      </Group>
    </Paper>
  );
}
