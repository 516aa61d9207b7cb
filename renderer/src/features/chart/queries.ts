import type { QueryClient } from '@tanstack/react-query';
import { CHART_RECENT_SCREENINGS, type ChartOpen } from '../../../../shared/api/chart';
import { TREATMENTS_KEY } from '../../lib/query-keys';
import { adverseEventsKeys } from '../adverse-events';
import { consentsKeys } from '../consents';
import { historyKeys } from '../history';
import { patientsKeys } from '../patients';
import { screeningKeys } from '../screening';

/** Query keys of the chart's own reads: the opened chart, and the timeline with treatment data. */
export const chartKeys = {
  open: (patientId: string) => [...patientsKeys.patient(patientId), 'open'] as const,
  timeline: (patientId: string) => [...TREATMENTS_KEY, 'timeline', patientId] as const,
};

/**
 * Puts each part of an opened chart where the panel that shows it looks for it, so the first
 * screen is drawn from one call; each panel still refreshes on its own after a change.
 */
export function seedChart(client: QueryClient, patientId: string, data: ChartOpen): void {
  client.setQueryData(patientsKeys.chart(patientId), data.chart);
  client.setQueryData(consentsKeys.list(patientId), data.consents);
  client.setQueryData(patientsKeys.changes(patientId), data.changes);
  // Null parts are the ones the signed-in role may not read; their panels are not shown.
  if (data.history) client.setQueryData(historyKeys.latest(patientId), data.history);
  if (data.openAdverseEvents) {
    client.setQueryData(adverseEventsKeys.open(patientId), data.openAdverseEvents);
  }
  if (data.recentScreenings) {
    client.setQueryData(
      screeningKeys.list(patientId, CHART_RECENT_SCREENINGS),
      data.recentScreenings,
    );
  }
}
