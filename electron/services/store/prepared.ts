import {
  sql,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type RawBuilder,
  type CompiledQuery,
} from 'kysely';
import type Database from 'better-sqlite3';
import type { Db } from './db';
import type { StoreSchema } from './schema';
import { dialectOf, type StoreDialect } from './dialect';

/** Build and compile queries only, one per dialect; they have no connection. */
const compilers: Record<StoreDialect, Kysely<StoreSchema>> = {
  sqlite: new Kysely<StoreSchema>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  }),
  // Numbered placeholders ($1, $2) and PostgreSQL's quoting.
  postgres: new Kysely<StoreSchema>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }),
};

/** What a prepared query runs on: the store, or a transaction of it. */
export type Executor = Pick<Db, 'executeQuery'>;

/**
 * Kysely instances on which a prepared query may run its statement itself, and how to get it
 * (undefined when it may not just now): directly instead of through Kysely's connection provider,
 * whose promises and locks cost several times the read itself for the small reads of a chart.
 */
const directStatements = new WeakMap<object, (sql: string) => Database.Statement | undefined>();

/** Lets prepared queries on `db` run their statements directly whenever `statement` gives one. */
export function runsDirectly(
  db: object,
  statement: (sql: string) => Database.Statement | undefined,
): void {
  directStatements.set(db, statement);
}

const marker = (i: number) => `\u0000mesochart-argument-${i}\u0000`;

/**
 * A query of a fixed shape, built and compiled by Kysely once; each call binds its arguments to
 * the compiled SQL (whose statement the store keeps prepared). Kysely otherwise rebuilds and
 * recompiles the query on every call, which costs more than running the small indexed reads a
 * chart opens with. Arguments may only be values the query binds, never names or shape.
 */
export function preparedQuery<A extends unknown[], R>(
  build: (db: Kysely<StoreSchema>, ...args: A) => Compilable<R>,
): (db: Executor, ...args: A) => Promise<R[]> {
  type Compiled = { query: CompiledQuery<R>; slots: number[] };
  const compiled: Partial<Record<StoreDialect, Compiled>> = {};
  const compile = (dialect: StoreDialect, arity: number): Compiled => {
    const markers = Array.from({ length: arity }, (_, i) => marker(i)) as A;
    const query = build(compilers[dialect], ...markers).compile();
    const slots = query.parameters.map((p) => markers.indexOf(p));
    for (let i = 0; i < markers.length; i += 1) {
      if (!slots.includes(i)) {
        throw new Error(`preparedQuery: argument ${i} is not a bound value of ${query.sql}`);
      }
    }
    return { query, slots };
  };
  return async (db, ...args) => {
    // The store's SQLite instances are registered for the direct path: no adapter lookup there.
    const direct = directStatements.get(db);
    const dialect = direct ? 'sqlite' : dialectOf(db);
    const { query, slots } = (compiled[dialect] ??= compile(dialect, args.length));
    const parameters = query.parameters.map((p, i) => {
      const slot = slots[i] ?? -1;
      return slot >= 0 ? args[slot] : p;
    });
    const statement = direct?.(query.sql);
    if (statement) {
      // What Kysely's SQLite connection does with the statement, without its round of promises.
      if (statement.reader) return statement.all(parameters) as R[];
      statement.run(parameters);
      return [];
    }
    return (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
}

/** A limit or offset to write into SQL text: only a whole number gets there. */
export function wholeNumber(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new Error('A page limit or offset must be a whole number');
  }
  return n;
}

/**
 * A prepared query with its LIMIT written into the SQL, one statement per limit asked for.
 * SQLite stops an ordered index scan sooner when it knows the limit than when it is bound: on a
 * patient's 200 checks, the ten newest took half as long again with a bound limit.
 */
export function preparedWithLimit<A extends unknown[], R>(
  build: (db: Kysely<StoreSchema>, limit: RawBuilder<number>, ...args: A) => Compilable<R>,
): (db: Executor, limit: number, ...args: A) => Promise<R[]> {
  const byLimit = new Map<number, (db: Executor, ...args: A) => Promise<R[]>>();
  return (db, limit, ...args) => {
    let query = byLimit.get(limit);
    if (!query) {
      const literal = sql.raw<number>(String(wholeNumber(limit)));
      query = preparedQuery((kysely, ...rest: A) => build(kysely, literal, ...rest));
      byLimit.set(limit, query);
    }
    return query(db, ...args);
  };
}
