import type { OperationName } from '../../shared/api/contract';
import type { Handler } from './core/handler-kit';
import { authHandlers } from './auth/handlers';
import { staffHandlers } from './staff/handlers';
import { clinicHandlers } from './clinic/handlers';
import { auditHandlers } from './audit/handlers';
import { patientsHandlers } from './patients/handlers';
import { historyHandlers } from './history/handlers';
import { consentsHandlers } from './consents/handlers';
import { screeningHandlers } from './screening/handlers';
import { productsHandlers } from './products/handlers';
import { coursesHandlers } from './courses/handlers';
import { sessionsHandlers } from './sessions/handlers';
import { adverseEventsHandlers } from './adverse-events/handlers';
import { recallHandlers } from './recall/handlers';
import { chartHandlers } from './chart/handlers';
import { photosHandlers } from './photos/handlers';
import { documentsHandlers } from './documents/handlers';
import { backupHandlers } from './backup/handlers';
import { appointmentsHandlers } from './appointments/handlers';
import { remindersHandlers } from './reminders/handlers';
import { keysHandlers } from './keys/handlers';

/**
 * One handler per operation in the contract, spread from each domain's table; the compiler
 * refuses a contract entry without one.
 */
export const handlers: { [N in OperationName]: Handler<N> } = {
  ...authHandlers,
  ...staffHandlers,
  ...clinicHandlers,
  ...auditHandlers,
  ...patientsHandlers,
  ...historyHandlers,
  ...consentsHandlers,
  ...screeningHandlers,
  ...productsHandlers,
  ...coursesHandlers,
  ...sessionsHandlers,
  ...adverseEventsHandlers,
  ...recallHandlers,
  ...chartHandlers,
  ...photosHandlers,
  ...documentsHandlers,
  ...backupHandlers,
  ...appointmentsHandlers,
  ...remindersHandlers,
  ...keysHandlers,
};
