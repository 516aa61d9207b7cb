import {
  PostgresAdapter,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type pg from 'pg';
import { AppError } from '../core/errors';

/**
 * The clinic server could not be reached (it is off, the network is down, it is restarting).
 * Thrown instead of the driver's own error so the wrapper answers with a typed error the screens
 * can explain, and nothing half-written: PostgreSQL rolls back a transaction whose connection
 * went away, so the call either committed whole before or did not happen.
 */
export class ServerUnreachableError extends AppError {
  constructor(cause?: unknown) {
    super('SERVER_UNREACHABLE', { key: 'errors.server.unreachable' });
    this.name = 'ServerUnreachableError';
    if (cause !== undefined) Object.defineProperty(this, 'cause', { value: cause });
  }
}

// Socket errors of a server that is off or out of reach.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
// SQLSTATEs of a server shutting down, restarting or ending our connection.
const SERVER_GONE = new Set(['57P01', '57P02', '57P03']);
// What pg says when the socket closes under it (it gives these no code).
const PG_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'timeout expired',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
];

/** Whether `error` says the server is out of reach, rather than that the query was wrong. */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof ServerUnreachableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code) || SERVER_GONE.has(code) || code.startsWith('08')) return true;
  }
  if (PG_MESSAGES.some((m) => error.message.includes(m))) return true;
  // Several addresses tried (IPv4 and IPv6 for a host name): each refused.
  if (error instanceof AggregateError) return error.errors.some((e) => isUnreachable(e));
  return false;
}

/** Whether the last thing tried on the server reached it; the wrapper reads it to explain. */
export interface ServerHealth {
  reachable: boolean;
}

function guard<T>(health: ServerHealth, work: () => Promise<T>): Promise<T> {
  return work().then(
    (value) => {
      health.reachable = true;
      return value;
    },
    (error: unknown) => {
      if (isUnreachable(error)) {
        health.reachable = false;
        throw new ServerUnreachableError(error);
      }
      throw error;
    },
  );
}

/** A pooled connection whose failures for want of the server become ServerUnreachableError. */
class GuardedConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly health: ServerHealth,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return guard(this.health, () => this.inner.executeQuery<R>(query));
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

const innerOf = (c: DatabaseConnection) => (c as GuardedConnection).inner;

/** Kysely's PostgreSQL driver with every round trip guarded (see ServerUnreachableError). */
class GuardedDriver implements Driver {
  constructor(
    private readonly driver: PostgresDriver,
    private readonly health: ServerHealth,
  ) {}

  init(): Promise<void> {
    return this.driver.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await guard(this.health, () => this.driver.acquireConnection());
    return new GuardedConnection(inner, this.health);
  }

  beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return guard(this.health, () => this.driver.beginTransaction(innerOf(c), settings));
  }

  commitTransaction(c: DatabaseConnection): Promise<void> {
    return guard(this.health, () => this.driver.commitTransaction(innerOf(c)));
  }

  rollbackTransaction(c: DatabaseConnection): Promise<void> {
    return guard(this.health, () => this.driver.rollbackTransaction(innerOf(c)));
  }

  releaseConnection(c: DatabaseConnection): Promise<void> {
    // The driver's own connection, which it hands back to the pool by a private method.
    return this.driver.releaseConnection(
      innerOf(c) as Parameters<PostgresDriver['releaseConnection']>[0],
    );
  }

  destroy(): Promise<void> {
    return this.driver.destroy();
  }
}

/** Kysely's PostgreSQL dialect over `pool`, reporting the server's reachability in `health`. */
export function guardedDialect(pool: pg.Pool, health: ServerHealth): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new GuardedDriver(new PostgresDriver({ pool }), health),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}
