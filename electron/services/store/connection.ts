import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import type Database from 'better-sqlite3';
import { runsDirectly } from './prepared';
import type { StoreSchema } from './schema';
import type { StatementCache } from './statement-cache';

/**
 * Who may use the store's one SQLite connection: whoever holds this lock, one at a time, in the
 * order they asked. A Kysely query outside a transaction takes it for that query; a transaction
 * takes it from BEGIN to COMMIT, so nothing else runs between its statements.
 */
class ConnectionLock {
  #held = false;
  #waiting: (() => void)[] = [];

  get held(): boolean {
    return this.#held;
  }

  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    // Handed straight to the next in line: the lock is never free while someone waits.
    if (next) next();
    else this.#held = false;
  }
}

/** What Kysely's own SQLite connection does, on the store's statement cache. */
class StatementConnection implements DatabaseConnection {
  constructor(private readonly statements: StatementCache) {}

  executeQuery<R>({ sql, parameters }: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.statements.prepare(sql);
    if (statement.reader) return Promise.resolve({ rows: statement.all(parameters) as R[] });
    const { changes, lastInsertRowid } = statement.run(parameters);
    return Promise.resolve({
      numAffectedRows: BigInt(changes),
      insertId: BigInt(lastInsertRowid),
      rows: [],
    });
  }

  async *streamQuery<R>({ sql, parameters }: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const statement = this.statements.prepare(sql);
    if (!statement.reader) throw new Error('Only reading queries can be streamed');
    for (const row of statement.iterate(parameters)) yield { rows: [row as R] };
  }
}

const BEGIN = CompiledQuery.raw('begin');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');

/** The connection behind the lock: what the store's `db` queries through. */
class LockedDriver implements Driver {
  constructor(
    private readonly connection: StatementConnection,
    private readonly lock: ConnectionLock,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.lock.acquire();
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    this.lock.release();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(BEGIN);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(COMMIT);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(ROLLBACK);
  }

  async destroy(): Promise<void> {}
}

/**
 * The connection as a transaction sees it: already held, so taken without waiting. Every
 * transaction is handed the same instance, so one kept past its end is refused only while no
 * other is open; handlers finish their queries before they return (none starts work it leaves
 * running), as they must with any transaction.
 */
class HeldDriver implements Driver {
  constructor(
    private readonly connection: StatementConnection,
    private readonly inTransaction: () => boolean,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (!this.inTransaction()) throw new Error('A transaction was used after it ended');
    return this.connection;
  }

  async releaseConnection(): Promise<void> {}

  beginTransaction(): Promise<void> {
    return Promise.reject(new Error('A transaction cannot start inside another'));
  }

  commitTransaction(): Promise<void> {
    return Promise.reject(new Error('A transaction ends when its function returns'));
  }

  rollbackTransaction(): Promise<void> {
    return Promise.reject(new Error('A transaction ends when its function returns'));
  }

  async destroy(): Promise<void> {}
}

function kyselyOn(driver: Driver): Kysely<StoreSchema> {
  return new Kysely<StoreSchema>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => driver,
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

export interface StoreConnection {
  /** Queries outside a transaction, each taking the lock for itself. */
  db: Kysely<StoreSchema>;
  /** Runs `fn` in one transaction, holding the connection throughout; rolls back if it throws. */
  transaction<T>(fn: (trx: Kysely<StoreSchema>) => Promise<T>): Promise<T>;
  /** Runs `fn` holding the connection, outside any transaction (VACUUM INTO needs that). */
  exclusive<T>(fn: () => T): Promise<T>;
}

/**
 * The store's connection for Kysely. A transaction is opened on a Kysely instance made once, not
 * one built for each (Kysely's own way cost more than a chart's reads). Prepared queries run their
 * statements directly (see `runsDirectly`): in a transaction, which holds the connection; outside
 * one, when nobody holds it, as a statement runs at once and nothing can come between.
 */
export function connectStore(
  sqlite: Database.Database,
  statements: StatementCache,
): StoreConnection {
  const lock = new ConnectionLock();
  const connection = new StatementConnection(statements);
  const db = kyselyOn(new LockedDriver(connection, lock));
  let open = false;
  const inTransaction = () => open && lock.held && sqlite.inTransaction;
  const held = kyselyOn(new HeldDriver(connection, inTransaction));
  runsDirectly(held, (sql) => (inTransaction() ? statements.prepare(sql) : undefined));
  runsDirectly(db, (sql) =>
    lock.held || sqlite.inTransaction ? undefined : statements.prepare(sql),
  );
  const begin = sqlite.prepare('BEGIN');
  const commit = sqlite.prepare('COMMIT');
  const rollback = sqlite.prepare('ROLLBACK');
  return {
    db,
    async exclusive(fn) {
      await lock.acquire();
      try {
        return fn();
      } finally {
        lock.release();
      }
    },
    async transaction(fn) {
      await lock.acquire();
      try {
        begin.run();
        open = true;
        let value;
        try {
          value = await fn(held);
        } catch (error) {
          open = false;
          // SQLite may have rolled back already (a full disk, a constraint in some modes).
          if (sqlite.inTransaction) rollback.run();
          throw error;
        }
        open = false;
        try {
          commit.run();
        } catch (error) {
          if (sqlite.inTransaction) rollback.run();
          throw error;
        }
        return value;
      } finally {
        open = false;
        lock.release();
      }
    },
  };
}
