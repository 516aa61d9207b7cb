import type { Db } from '../store/database';
import { documentSettingsSchema, type DocumentSettings } from '../../../shared/api/documents';

type Queryable = Pick<Db, 'selectFrom' | 'insertInto' | 'executeQuery'>;

/** Its own setting key, so the clinic settings form and this one never overwrite each other. */
const SETTING_KEY = 'documents';
const defaults: DocumentSettings = { pageSize: 'A4' };

export async function readDocumentSettings(db: Queryable): Promise<DocumentSettings> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', SETTING_KEY)
    .executeTakeFirst();
  if (!row) return defaults;
  const parsed = documentSettingsSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : defaults;
}

export async function writeDocumentSettings(
  db: Queryable,
  settings: DocumentSettings,
): Promise<DocumentSettings> {
  const value = JSON.stringify(settings);
  await db
    .insertInto('setting')
    .values({ key: SETTING_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  return settings;
}
