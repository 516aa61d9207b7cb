import type { DomainHandlers } from '../core/handler-kit';
import type { chartOperations } from '../../../shared/api/chart';
import { CHART_RECENT_SCREENINGS } from '../../../shared/api/chart';
import { historyAlerts } from '../../../shared/api/history';
import { forPatient } from '../core/handler-kit';
import { adverseEventsOfPatient } from '../adverse-events/adverse-events';
import { getHistory } from '../history/medical-history';
import { listConsents } from '../consents/consents';
import { listPatientChanges, toPatient } from '../patients/patients';
import { listScreenings } from '../screening/screening';
import { patientTimeline } from './timeline';

export const chartHandlers = {
  'chart.open': async (ctx, input) => {
    const row = await forPatient(ctx, input.patientId);
    const history = await getHistory(ctx.db, row.id);
    return {
      chart: {
        patient: toPatient(row),
        alerts: historyAlerts(history.latest?.answers ?? null),
        historyVersion: history.latest?.version ?? null,
      },
      history,
      openAdverseEvents: await adverseEventsOfPatient(ctx.db, row.id, true),
      consents: await listConsents(ctx.db, row.id),
      recentScreenings: await listScreenings(ctx.db, row.id, CHART_RECENT_SCREENINGS),
      changes: await listPatientChanges(ctx.db, row.id),
    };
  },

  'chart.timeline': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return patientTimeline(ctx.db, input.patientId);
  },
} satisfies DomainHandlers<typeof chartOperations>;
