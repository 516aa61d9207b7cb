import type { HandlerContext } from '../core/context';
import { shippedLanguages, type ShippedLanguage } from '../../../shared/documents/languages';

/**
 * The language the tablet speaks to its patient: their preferred language where the screens
 * exist in it, else the clinic's default, never the language of the member of staff who handed
 * the tablet over (or English because nobody chose).
 */
export async function tabletLanguage(
  ctx: HandlerContext,
  patientId: string,
): Promise<ShippedLanguage> {
  const row = await ctx.db
    .selectFrom('patient')
    .select('preferred_language')
    .where('id', '=', patientId)
    .executeTakeFirst();
  const base = (row?.preferred_language ?? '').trim().toLowerCase().split('-')[0] ?? '';
  const shipped = shippedLanguages.find((l) => l === base);
  return shipped ?? ctx.app.settings?.uiLanguage ?? 'en';
}
