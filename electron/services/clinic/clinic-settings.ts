import type { Db } from '../store/database';
import { settingsDefaults, type ClinicDetails, type Settings } from '../../../shared/api/clinic';
import { AppError } from '../core/errors';

type Queryable = Pick<Db, 'selectFrom' | 'insertInto' | 'executeQuery'>;

/** Settings are rows of JSON values keyed by name, so new settings need no migration. */
export async function readSettings(db: Queryable): Promise<Settings | null> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).execute();
  const map = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const clinic = map.get('clinic') as ClinicDetails | undefined;
  if (!clinic) return null;
  return {
    clinic,
    idleLockMinutes:
      (map.get('idleLockMinutes') as number | undefined) ?? settingsDefaults.idleLockMinutes,
  };
}

export async function requireSettings(db: Queryable): Promise<Settings> {
  const settings = await readSettings(db);
  if (!settings) throw new AppError('CONFLICT', 'The clinic has not been set up yet');
  return settings;
}

export async function writeSettings(db: Queryable, patch: Partial<Settings>): Promise<void> {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    await db
      .insertInto('setting')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
  }
}
