import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import type { HandlerContext } from '../core/context';
import { AppError } from '../core/errors';
import { checkExportTarget } from '../core/export-path';
import { renderRecoverySheetPdf } from '../documents/render';
import { findStaffById, toStaffUser } from '../staff/staff';
import type { ShippedLanguage } from '../../../shared/documents/languages';

/**
 * The sheet is read by whoever keeps it: printed in the language of the person saving it, else in
 * the clinic's screens' language (at setup, before anyone has an account).
 */
async function sheetLanguage(ctx: HandlerContext): Promise<ShippedLanguage> {
  const userId = ctx.app.session.userId;
  const user = userId ? await findStaffById(ctx.db, userId) : undefined;
  return (user ? toStaffUser(user).uiLanguage : null) ?? ctx.app.settings?.uiLanguage ?? 'en';
}

/**
 * Writes the recovery sheet to the path the user chose in the save dialog (outside the data
 * folder, ending in .pdf), beside it first and then renamed. Nothing of it is kept here.
 */
export async function saveRecoverySheet(
  ctx: HandlerContext,
  recoveryKey: string,
  targetPath: string,
): Promise<{ path: string }> {
  const target = await checkExportTarget(ctx.app.dataDir, targetPath, '.pdf');
  const clinic = ctx.app.settings?.clinic;
  const language = await sheetLanguage(ctx);
  const { bytes } = await renderRecoverySheetPdf({
    documentId: `recovery-${randomUUID().slice(0, 8)}`,
    generatedAt: ctx.now.toISOString(),
    locale: language === 'en' ? 'en-GB' : language,
    language,
    pageSize: 'A4',
    clinic: {
      name: clinic?.name || 'Mesochart clinic',
      address: clinic?.address ?? '',
      phone: clinic?.phone ?? '',
      email: clinic?.email ?? '',
      logoDataUrl: clinic?.logo ?? null,
    },
    recoveryKey,
  });
  const temp = `${target}.${randomUUID().slice(0, 8)}.part`;
  try {
    const handle = await open(
      temp,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
      0o600,
    );
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? '?';
    throw new AppError('INTERNAL', { key: 'errors.keys.sheetNotSaved', params: { code } });
  }
  return { path: target };
}
