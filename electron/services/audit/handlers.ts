import type { DomainHandlers } from '../core/handler-kit';
import type { auditOperations } from '../../../shared/api/audit';
import { listAudit, verifyAudit } from './audit-log';

export const auditHandlers = {
  'audit.list': (ctx, input) => listAudit(ctx.db, input),

  'audit.verify': (ctx) => verifyAudit(ctx.db, ctx.app.auditKey),
} satisfies DomainHandlers<typeof auditOperations>;
