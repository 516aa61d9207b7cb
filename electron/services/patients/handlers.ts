import type { DomainHandlers } from '../core/handler-kit';
import type { patientsOperations } from '../../../shared/api/patients';
import { forPatient, requireActor } from '../core/handler-kit';
import {
  createPatient,
  listPatientChanges,
  readPatientSettings,
  setArchived,
  toPatient,
  updatePatient,
  riskMedicineLines,
  writePatientSettings,
} from './patients';
import { findDuplicates, searchPatients } from './search';
import { latestHistory } from '../history/medical-history';
import { historyAlerts } from '../../../shared/api/history';

export const patientsHandlers = {
  'patients.search': (ctx, input) => searchPatients(ctx.db, input),

  'patients.duplicates': (ctx, input) => findDuplicates(ctx.db, input),

  'patients.create': async (ctx, input) => {
    const patient = await createPatient(ctx.db, input, requireActor(ctx).id, ctx.now);
    ctx.subject.patientId = patient.id;
    ctx.subject.objectId = patient.id;
    return patient;
  },

  'patients.get': async (ctx, input) => {
    const row = await forPatient(ctx, input.id);
    const history = await latestHistory(ctx.db, row.id);
    return {
      patient: toPatient(row),
      alerts: historyAlerts(history?.answers ?? null),
      historyVersion: history?.version ?? null,
      riskMedicines: riskMedicineLines(history?.answers ?? null),
    };
  },

  'patients.update': async (ctx, input) => {
    await forPatient(ctx, input.id);
    return updatePatient(ctx.db, input, requireActor(ctx).id, ctx.now);
  },

  'patients.archive': async (ctx, input) => {
    await forPatient(ctx, input.id);
    return setArchived(ctx.db, input, requireActor(ctx).id, ctx.now);
  },

  'patients.changes': async (ctx, input) => {
    await forPatient(ctx, input.id);
    return listPatientChanges(ctx.db, input.id);
  },

  'patients.settings': (ctx) => readPatientSettings(ctx.db),

  'patients.updateSettings': (ctx, input) => writePatientSettings(ctx.db, input),
} satisfies DomainHandlers<typeof patientsOperations>;
