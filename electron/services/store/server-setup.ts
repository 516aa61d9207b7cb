import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migratePostgres } from './postgres';

/**
 * A clinic server's database made in one step by someone allowed to create databases and roles
 * (PostgreSQL's `postgres` account on the server computer): two login roles, the database owned
 * by the first, migrated, and the second granted rows only. Workstations connect as the runtime
 * role, which cannot change the schema, switch triggers off or read other databases.
 */
export interface ServerDatabaseOptions {
  /** A connection with CREATEDB and CREATEROLE (usually the `postgres` superuser). */
  adminUrl: string;
  database: string;
  ownerRole: string;
  runtimeRole: string;
  /** Made up (32 random characters) when not given. */
  ownerPassword?: string | undefined;
  runtimePassword?: string | undefined;
}

export interface ServerDatabase {
  /** The schema owner's URL (the admin tool migrates and moves clinics with it). */
  ownerUrl: string;
  /** The workstations' URL. */
  url: string;
  ownerPassword: string;
  runtimePassword: string;
}

export class ServerSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerSetupError';
  }
}

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function urlFor(adminUrl: string, database: string, role: string, password: string): string {
  const url = new URL(adminUrl);
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  url.pathname = `/${database}`;
  return url.toString();
}

async function connected<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createServerDatabase(
  options: ServerDatabaseOptions,
): Promise<ServerDatabase> {
  for (const name of [options.database, options.ownerRole, options.runtimeRole]) {
    if (!NAME.test(name)) {
      throw new ServerSetupError(
        `"${name}" is not a plain name: use lower-case letters, digits and _ (at most 63).`,
      );
    }
  }
  if (options.ownerRole === options.runtimeRole) {
    throw new ServerSetupError('The owner and the workstations need two different roles.');
  }
  const ownerPassword = options.ownerPassword ?? randomBytes(24).toString('base64url');
  const runtimePassword = options.runtimePassword ?? randomBytes(24).toString('base64url');
  const { database, ownerRole, runtimeRole } = options;
  await connected(options.adminUrl, async (c) => {
    const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rows.length > 0) {
      throw new ServerSetupError(
        `A database named ${database} already exists on this server; nothing was changed.`,
      );
    }
    for (const [role, password] of [
      [ownerRole, ownerPassword],
      [runtimeRole, runtimePassword],
    ] as const) {
      const found = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      // An existing role (a second clinic on the same server) keeps its password.
      if (found.rows.length === 0) {
        await c.query(
          `CREATE ROLE ${c.escapeIdentifier(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE ` +
            `PASSWORD ${c.escapeLiteral(password)}`,
        );
      }
    }
    await c.query(
      `CREATE DATABASE ${c.escapeIdentifier(database)} OWNER ${c.escapeIdentifier(ownerRole)} ` +
        "ENCODING 'UTF8' TEMPLATE template0",
    );
    // Only the clinic's two roles may connect to its database.
    await c.query(`REVOKE ALL ON DATABASE ${c.escapeIdentifier(database)} FROM PUBLIC`);
    await c.query(
      `GRANT CONNECT ON DATABASE ${c.escapeIdentifier(database)} TO ` +
        `${c.escapeIdentifier(ownerRole)}, ${c.escapeIdentifier(runtimeRole)}`,
    );
  });
  const inDatabase = new URL(options.adminUrl);
  inDatabase.pathname = `/${database}`;
  await connected(inDatabase.toString(), async (c) => {
    // The schema belongs to the owner; the workstations may use it, never create in it.
    await c.query(`ALTER SCHEMA public OWNER TO ${c.escapeIdentifier(ownerRole)}`);
    await c.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await c.query(`GRANT USAGE ON SCHEMA public TO ${c.escapeIdentifier(runtimeRole)}`);
  });
  const ownerUrl = urlFor(options.adminUrl, database, ownerRole, ownerPassword);
  await migratePostgres(ownerUrl, runtimeRole);
  return {
    ownerUrl,
    url: urlFor(options.adminUrl, database, runtimeRole, runtimePassword),
    ownerPassword,
    runtimePassword,
  };
}
