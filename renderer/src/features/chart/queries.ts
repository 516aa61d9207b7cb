import type { QueryClient } from '@tanstack/react-query';
import { CHART_RECENT_SCREENINGS, type ChartOpen } from '../../../../shared/api/chart';
import { PATIENTS_KEY, patientKeys } from '../patients/queries';

export const chartOpenKey = (patientId: string) => [PATIENTS_KEY, patientId, 'open'] as const;
export const openAdverseEventsKey = (patientId: string) =>
  ['treatments', 'open-adverse-events', patientId] as const;
// The limit is part of the key: the chart lists the last few checks, a session looks among more.
export const screeningListKey = (patientId: string, limit: number) =>
  ['screening', 'list', patientId, limit] as const;

/**
 * Puts each part of an opened chart where the panel that shows it looks for it, so the first
 * screen is drawn from one call; each panel still refreshes on its own after a change.
 */
export function seedChart(client: QueryClient, patientId: string, data: ChartOpen): void {
  client.setQueryData(patientKeys.chart(patientId), data.chart);
  client.setQueryData(patientKeys.history(patientId), data.history);
  client.setQueryData(patientKeys.consents(patientId), data.consents);
  client.setQueryData(patientKeys.changes(patientId), data.changes);
  client.setQueryData(openAdverseEventsKey(patientId), data.openAdverseEvents);
  client.setQueryData(screeningListKey(patientId, CHART_RECENT_SCREENINGS), data.recentScreenings);
}
