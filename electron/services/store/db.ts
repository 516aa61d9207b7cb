import type { Kysely } from 'kysely';
import type { StoreSchema } from './schema';

/** The store as the services see it: a Kysely instance over the schema. */
export type Db = Kysely<StoreSchema>;

/**
 * What a repository function needs: the store itself or a transaction on it. One name for every
 * domain, so a function written for one can be called inside another's transaction.
 */
export type Queryable = Pick<
  Db,
  'selectFrom' | 'insertInto' | 'updateTable' | 'deleteFrom' | 'executeQuery'
>;
