import { PostgresAdapter } from 'kysely';

/** Which database a store runs on: the embedded SQLite file or a clinic's PostgreSQL server. */
export type StoreDialect = 'sqlite' | 'postgres';

/**
 * The dialect a Kysely instance or transaction speaks, read from its adapter: the store layer's
 * helpers (prepared queries, the search index, append locks) choose their SQL with it, so the
 * repositories above them are written once.
 */
export function dialectOf(db: object): StoreDialect {
  const executor = (db as { getExecutor?: () => { adapter: unknown } }).getExecutor?.();
  return executor?.adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
