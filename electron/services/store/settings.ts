import type { z } from 'zod';
import type { Queryable } from './db';

/**
 * Settings are rows of JSON values keyed by name, so a new setting needs no migration. Each
 * domain keeps its own key, so saving one settings form never overwrites another's.
 */
export async function readSettingValue(db: Queryable, key: string): Promise<unknown> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

export async function writeSettingValue(db: Queryable, key: string, data: unknown): Promise<void> {
  const value = JSON.stringify(data);
  await db
    .insertInto('setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export interface SettingSlot<T> {
  read(db: Queryable): Promise<T>;
  write(db: Queryable, value: T): Promise<T>;
}

/**
 * One setting with its schema and defaults. A stored value that no longer validates must not
 * silently loosen a rule, so it reads as the defaults; `merge` lays a stored value over the
 * defaults first, so a field added later starts at its default.
 */
export function settingSlot<T>(
  key: string,
  schema: z.ZodType<T>,
  defaults: T,
  merge: (defaults: T, stored: unknown) => unknown = (_d, stored) => stored,
): SettingSlot<T> {
  return {
    async read(db) {
      const stored = await readSettingValue(db, key);
      if (stored === undefined) return defaults;
      const parsed = schema.safeParse(merge(defaults, stored));
      return parsed.success ? parsed.data : defaults;
    },
    async write(db, value) {
      await writeSettingValue(db, key, value);
      return value;
    },
  };
}
