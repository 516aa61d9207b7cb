import type { Queryable } from '../store/db';
import { settingsDefaults, type ClinicDetails, type Settings } from '../../../shared/api/clinic';
import { AppError } from '../core/errors';
import { writeSettingValue } from '../store/settings';

/**
 * The clinic's own settings: its details, the idle lock, its patients' languages and the language
 * its screens open in, one key each.
 */
export async function readSettings(db: Queryable): Promise<Settings | null> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).execute();
  const map = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const clinic = map.get('clinic') as ClinicDetails | undefined;
  if (!clinic) return null;
  return {
    clinic,
    idleLockMinutes:
      (map.get('idleLockMinutes') as number | undefined) ?? settingsDefaults.idleLockMinutes,
    patientLanguages:
      (map.get('patientLanguages') as string[] | undefined) ?? settingsDefaults.patientLanguages,
    uiLanguage:
      (map.get('uiLanguage') as Settings['uiLanguage'] | undefined) ?? settingsDefaults.uiLanguage,
  };
}

export async function requireSettings(db: Queryable): Promise<Settings> {
  const settings = await readSettings(db);
  if (!settings) throw new AppError('CONFLICT', { key: 'errors.clinic.notSetUp' });
  return settings;
}

export async function writeSettings(db: Queryable, patch: Partial<Settings>): Promise<void> {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    await writeSettingValue(db, key, value);
  }
}
