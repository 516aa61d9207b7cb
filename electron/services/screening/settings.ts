import type { Db } from '../store/database';
import {
  defaultScreeningSettings,
  screeningSettingsSchema,
  type ScreeningSettings,
} from '../../../shared/screening';

type Queryable = Pick<Db, 'selectFrom' | 'insertInto' | 'executeQuery'>;

/** Its own setting key, so saving the clinic's other settings never overwrites these. */
const SETTING_KEY = 'screening';

/**
 * The clinic's periods, windows and judgment-call severities for the pre-procedure check. A
 * stored value is read over the defaults, so a setting added later starts at its reference value.
 */
export async function readScreeningSettings(db: Queryable): Promise<ScreeningSettings> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', SETTING_KEY)
    .executeTakeFirst();
  if (!row) return defaultScreeningSettings;
  const stored = JSON.parse(row.value) as Partial<ScreeningSettings>;
  const merged = {
    ...defaultScreeningSettings,
    ...stored,
    holdDays: { ...defaultScreeningSettings.holdDays, ...stored.holdDays },
    severities: { ...defaultScreeningSettings.severities, ...stored.severities },
  };
  const parsed = screeningSettingsSchema.safeParse(merged);
  // A value that no longer validates must not silently loosen the check: fall back to defaults.
  return parsed.success ? parsed.data : defaultScreeningSettings;
}

export async function writeScreeningSettings(
  db: Queryable,
  settings: ScreeningSettings,
): Promise<ScreeningSettings> {
  const value = JSON.stringify(settings);
  await db
    .insertInto('setting')
    .values({ key: SETTING_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  return settings;
}
