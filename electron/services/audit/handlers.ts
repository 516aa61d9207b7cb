import type { DomainHandlers } from '../core/handler-kit';
import type { HandlerContext } from '../core/context';
import type { auditOperations } from '../../../shared/api/audit';
import { requireActor, today } from '../core/handler-kit';
import { readDocumentSettings } from '../documents/settings';
import { verifyAudit } from './audit-log';
import { readLastCheck } from './startup-check';
import { exportAuditEvents, listAuditEvents } from './audit-read';
import { auditCsv, auditFileName, exportAuditPdf } from './audit-export';

async function displayName(ctx: HandlerContext, userId: string): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('staff_user')
    .select('display_name')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.display_name ?? null;
}

export const auditHandlers = {
  'audit.list': (ctx, input) => listAuditEvents(ctx.db, input),

  'audit.exportCsv': async (ctx, input) => {
    const events = await exportAuditEvents(ctx.db, input);
    return {
      fileName: auditFileName(today(ctx), 'csv'),
      csv: auditCsv(events),
      rows: events.length,
    };
  },

  'audit.exportPdf': async (ctx, input) => {
    const actor = requireActor(ctx);
    const { target, locale, timeZone, ...filter } = input;
    const targetPath = ctx.app.fileTokens.takeOne('save-pdf', target, 'target');
    const events = await exportAuditEvents(ctx.db, filter);
    const clinic = ctx.app.settings?.clinic;
    const { pageSize } = await readDocumentSettings(ctx.db);
    return exportAuditPdf({
      dataDir: ctx.app.dataDir,
      targetPath,
      filter,
      events,
      // The whole chain is checked, not only the extract: a gap elsewhere matters to an inspector.
      verify: await verifyAudit(ctx.db, ctx.app.auditKey),
      clinic: {
        name: clinic?.name ?? 'Clinic',
        address: clinic?.address ?? '',
        phone: clinic?.phone ?? '',
        email: clinic?.email ?? '',
        logoDataUrl: clinic?.logo ?? null,
      },
      pageSize,
      locale,
      timeZone,
      printedBy: (await displayName(ctx, actor.id)) ?? actor.username,
      userName: filter.userId ? await displayName(ctx, filter.userId) : null,
      now: ctx.now,
    });
  },

  'audit.verify': (ctx) => verifyAudit(ctx.db, ctx.app.auditKey),
  'audit.lastCheck': (ctx) => readLastCheck(ctx.db),
} satisfies DomainHandlers<typeof auditOperations>;
