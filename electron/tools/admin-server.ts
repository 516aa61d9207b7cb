/**
 * The admin tool's clinic-server commands (see admin.ts for the usage text):
 *   create-server-database  the database, its owner role and the workstations' role, migrated
 *   migrate-server          brings a server's schema to this version (owner role)
 *   move-to-server          copies a single-computer clinic into an empty server database
 *   backup (with MESOCHART_DATABASE_URL)  backs up the server in the usual backup format
 *   restore-to-server       restores a backup into an empty server database
 * Server connections come from MESOCHART_DATABASE_URL (the workstations' role) and
 * MESOCHART_DATABASE_OWNER_URL (the schema owner), or --url / --owner-url.
 */
import path from 'node:path';
import { backupServer, restoreServer } from '../services/backup/server-backup';
import { migratePostgres } from '../services/store/postgres';
import { createServerDatabase } from '../services/store/server-setup';
import { moveToServer } from '../services/store/server-move';
import { readPassphrase } from './read-passphrase';
import {
  DATABASE_OWNER_URL_ENV as OWNER_URL_ENV,
  DATABASE_URL_ENV,
  ToolKeyError,
  toolKeys,
} from './tool-keys';
const ADMIN_URL_ENV = 'MESOCHART_SERVER_ADMIN_URL';

export interface ServerArgs {
  data?: string | undefined;
  out?: string | undefined;
  file?: string | undefined;
  keep: string;
  url?: string | undefined;
  'owner-url'?: string | undefined;
  'admin-url'?: string | undefined;
  database?: string | undefined;
  'owner-role'?: string | undefined;
  'app-role'?: string | undefined;
}

const absolute = (value: string) => path.resolve(process.cwd(), value);

/** A URL for printing: the password replaced, so logs and screens do not keep it. */
export function shown(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '****';
  return u.toString();
}

export function serverUrl(args: ServerArgs): string | undefined {
  return args.url ?? process.env[DATABASE_URL_ENV] ?? undefined;
}

function ownerUrl(args: ServerArgs): string {
  const url = args['owner-url'] ?? process.env[OWNER_URL_ENV];
  if (!url) {
    throw new ToolKeyError(
      `This needs the schema owner's connection: --owner-url or ${OWNER_URL_ENV}.`,
    );
  }
  return url;
}

/** The workstations' role, granted its rows by each migration. */
function runtimeRole(args: ServerArgs): string | undefined {
  if (args['app-role']) return args['app-role'];
  const url = serverUrl(args);
  return url ? decodeURIComponent(new URL(url).username) : undefined;
}

function needData(args: ServerArgs, command: string): string {
  if (!args.data)
    throw new ToolKeyError(`${command} needs --data (the folder holding the clinic's keys).`);
  return absolute(args.data);
}

export async function createServerDatabaseCommand(args: ServerArgs): Promise<void> {
  const adminUrl = args['admin-url'] ?? process.env[ADMIN_URL_ENV];
  if (!adminUrl || !args.database) {
    throw new ToolKeyError(
      `create-server-database needs --database and --admin-url (or ${ADMIN_URL_ENV}): a ` +
        'connection allowed to create databases and roles, such as the postgres account.',
    );
  }
  const made = await createServerDatabase({
    adminUrl,
    database: args.database,
    ownerRole: args['owner-role'] ?? 'mesochart_owner',
    runtimeRole: args['app-role'] ?? 'mesochart_app',
    ownerPassword: process.env.MESOCHART_OWNER_PASSWORD,
    runtimePassword: process.env.MESOCHART_APP_PASSWORD,
  });
  console.log(`Database ${args.database} created and migrated.`);
  console.log('Keep these two connections (shown once); the passwords are in them:');
  console.log(`  ${OWNER_URL_ENV}=${made.ownerUrl}`);
  console.log(`  ${DATABASE_URL_ENV}=${made.url}`);
}

export async function migrateServerCommand(args: ServerArgs): Promise<void> {
  const owner = ownerUrl(args);
  const from = await migratePostgres(owner, runtimeRole(args));
  console.log(`The server's database ${shown(owner)} is up to date (it was at version ${from}).`);
}

export async function moveToServerCommand(args: ServerArgs): Promise<void> {
  const dataDir = needData(args, 'move-to-server');
  const owner = ownerUrl(args);
  const keys = await toolKeys(dataDir);
  const started = Date.now();
  const report = await moveToServer({
    dataDir,
    dataKey: keys.dataKey,
    auditKey: keys.auditKey,
    ownerUrl: owner,
    runtimeRole: runtimeRole(args),
  });
  const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Moved to ${shown(owner)} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${rows} rows in ${report.tables.length} tables (each table's count and hash checked), ` +
      `${report.files} files (${(report.fileBytes / 1048576).toFixed(1)} MB, each opened and ` +
      `checked), audit chain of ${report.auditEvents} events verified on the server.`,
  );
  for (const t of report.tables.filter((x) => x.rows > 0)) {
    console.log(`  ${t.table.padEnd(32)} ${String(t.rows).padStart(8)}  ${t.hash.slice(0, 16)}`);
  }
  console.log(`${dataDir} was only read; it is unchanged.`);
}

export async function backupServerCommand(args: ServerArgs, url: string): Promise<void> {
  const dataDir = needData(args, 'backup');
  if (!args.out) throw new ToolKeyError('backup needs --out');
  const keep = Number(args.keep);
  if (!Number.isInteger(keep) || keep < 1 || keep > 1000) {
    throw new ToolKeyError('--keep must be 1 to 1000');
  }
  const keys = await toolKeys(dataDir);
  const passphrase = await readPassphrase('Backup passphrase: ', { confirm: true });
  const started = Date.now();
  const result = await backupServer({
    url,
    dataKey: keys.dataKey,
    auditKey: keys.auditKey,
    workDir: dataDir,
    folder: absolute(args.out),
    passphrase,
    keep,
    now: new Date(),
  });
  console.log(
    `Backup of the clinic server written: ${result.file} (${(result.size / 1048576).toFixed(1)} MB, ` +
      `${result.files} files, ${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );
  for (const old of result.removed) console.log(`Removed old backup ${old}`);
}

export async function restoreToServerCommand(args: ServerArgs): Promise<void> {
  const dataDir = needData(args, 'restore-to-server');
  if (!args.file) throw new ToolKeyError('restore-to-server needs --file');
  const owner = ownerUrl(args);
  const keys = await toolKeys(dataDir);
  const passphrase = await readPassphrase('Backup passphrase: ');
  const report = await restoreServer({
    file: absolute(args.file),
    passphrase,
    ownerUrl: owner,
    runtimeRole: runtimeRole(args),
    dataKey: keys.dataKey,
    workDir: dataDir,
  });
  console.log(
    `Restored the backup of ${report.backup.createdAt} into ${shown(owner)}: ` +
      `${report.tables.reduce((s, t) => s + t.rows, 0)} rows checked, ${report.files} files ` +
      `sealed under the clinic's key, audit chain of ${report.auditEvents} events verified.`,
  );
  if (!report.auditKey.equals(keys.auditKey)) {
    console.log(
      'The backup carries another audit key than the folder given: the workstations need ' +
        'the keys of the clinic the backup was made of to verify its audit chain.',
    );
  }
}
