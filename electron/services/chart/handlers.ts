import type { DomainHandlers } from '../core/handler-kit';
import type { chartOperations } from '../../../shared/api/chart';
import { CHART_RECENT_SCREENINGS } from '../../../shared/api/chart';
import { historyAlerts } from '../../../shared/api/history';
import { forPatient, requireActor } from '../core/handler-kit';
import { operations, type OperationName } from '../../../shared/api/contract';
import { roleMayCall, type Role } from '../../../shared/api/roles';
import { adverseEventsOfPatient } from '../adverse-events/adverse-events';
import { getHistory } from '../history/medical-history';
import { listConsents } from '../consents/consents';
import { listPatientChanges, riskMedicineLines, toPatient } from '../patients/patients';
import { listScreenings } from '../screening/screening';
import { patientTimeline } from './timeline';
import { exportPatientRecord } from './record-export';

export const chartHandlers = {
  'chart.open': async (ctx, input) => {
    const row = await forPatient(ctx, input.patientId);
    const history = await getHistory(ctx.db, row.id);
    // The clinical parts follow the same matrix as their own reads (history.get,
    // adverseEvents.listOpen, screening.list): whoever may not call those gets null here.
    const role = requireActor(ctx).role as Role;
    const may = (name: OperationName) => roleMayCall(operations[name].access, role);
    return {
      chart: {
        patient: toPatient(row),
        alerts: historyAlerts(history.latest?.answers ?? null),
        historyVersion: history.latest?.version ?? null,
        riskMedicines: riskMedicineLines(history.latest?.answers ?? null),
      },
      history: may('history.get') ? history : null,
      openAdverseEvents: may('adverseEvents.listOpen')
        ? await adverseEventsOfPatient(ctx.db, row.id, true)
        : null,
      consents: await listConsents(ctx.db, row.id),
      recentScreenings: may('screening.list')
        ? await listScreenings(ctx.db, row.id, CHART_RECENT_SCREENINGS)
        : null,
      changes: await listPatientChanges(ctx.db, row.id),
    };
  },

  'chart.timeline': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return patientTimeline(ctx.db, input.patientId);
  },

  // A disclosure: the audit event names the patient and the folder written, whoever asked.
  'chart.exportRecord': async (ctx, input) => {
    const folder = ctx.app.fileTokens.takeOne('export-folder', input.folder, 'folder');
    await forPatient(ctx, input.patientId);
    const actor = requireActor(ctx);
    const staff = await ctx.db
      .selectFrom('staff_user')
      .select('display_name')
      .where('id', '=', actor.id)
      .executeTakeFirst();
    return exportPatientRecord(
      ctx.db,
      ctx.app.dataDir,
      { ...input, folder, byName: staff?.display_name ?? actor.username },
      ctx.now,
    );
  },
} satisfies DomainHandlers<typeof chartOperations>;
