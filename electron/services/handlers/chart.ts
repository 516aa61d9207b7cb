import type { Handler } from '../handlers';
import type { chartOperations } from '../../../shared/api/operations/chart';
import { CHART_RECENT_SCREENINGS } from '../../../shared/api/domains/chart';
import { historyAlerts } from '../../../shared/api/domains/medical-history';
import { adverseEventsOfPatient } from '../adverse-events';
import { getHistory } from '../medical-history';
import { listConsents } from '../patient-consents';
import { listPatientChanges, toPatient } from '../patients';
import { listScreenings } from '../screening';
import { forPatient } from './subject';

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
} satisfies { [N in keyof typeof chartOperations]: Handler<N> };
