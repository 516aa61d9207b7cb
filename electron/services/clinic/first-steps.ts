import { z } from 'zod';
import type { Queryable } from '../store/db';
import type { FirstStepKey, FirstSteps } from '../../../shared/api/clinic';
import { settingSlot } from '../store/settings';
import { readBackupLog } from '../backup/settings';

const dismissal = settingSlot(
  'firstStepsDismissed',
  z.object({ at: z.string(), by: z.string() }).nullable(),
  null,
);

async function exists(query: { executeTakeFirst(): Promise<unknown> }): Promise<boolean> {
  return (await query.executeTakeFirst()) !== undefined;
}

/**
 * Each step is read from the record: a second person who can sign in, a product with a lot to
 * record against, a template the clinic saved as its own, a backup that finished.
 */
async function stepsDone(db: Queryable): Promise<Record<FirstStepKey, boolean>> {
  const staff = await db
    .selectFrom('staff_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return {
    staff: Number(staff.n) >= 2,
    products: await exists(
      db
        .selectFrom('product_lot as l')
        .innerJoin('product as p', 'p.id', 'l.product_id')
        .select('l.id')
        .where('p.active', '=', 1)
        .limit(1),
    ),
    templates: await exists(
      db.selectFrom('document_template').select('id').where('saved_by', 'is not', null).limit(1),
    ),
    backups: (await readBackupLog(db)).lastSuccess !== null,
  };
}

export async function readFirstSteps(db: Queryable): Promise<FirstSteps> {
  const done = await stepsDone(db);
  const dismissed = await dismissal.read(db);
  const steps = (Object.keys(done) as FirstStepKey[]).map((key) => ({ key, done: done[key] }));
  return {
    steps,
    show: dismissed === null && steps.some((s) => !s.done),
    dismissedAt: dismissed?.at ?? null,
  };
}

/** The admin may put the list away before it is done; it does not come back by itself. */
export async function dismissFirstSteps(
  db: Queryable,
  actorId: string,
  now: Date,
): Promise<FirstSteps> {
  if ((await dismissal.read(db)) === null) {
    await dismissal.write(db, { at: now.toISOString(), by: actorId });
  }
  return readFirstSteps(db);
}
