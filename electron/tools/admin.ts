/**
 * Administration from a terminal, for clinics that script their backups:
 *   npm run admin -- backup  --data <data dir> --out <folder> [--keep N]
 *   npm run admin -- restore --file <backup> --data <empty or new folder>
 *   npm run admin -- verify  --file <backup>
 *   npm run admin -- recover --data <data dir> [--from <the clinic's old data folder>]
 * and, for a clinic server (admin-server.ts): create-server-database, migrate-server,
 * move-to-server, restore-to-server; backup backs up the server when MESOCHART_DATABASE_URL is set.
 * The backup passphrase comes from MESOCHART_BACKUP_PASSPHRASE, the clinic passphrase from
 * MESOCHART_CLINIC_PASSPHRASE, the recovery key from MESOCHART_RECOVERY_KEY, or each is asked for
 * on a terminal without echo. Exit codes: 0 done, 1 refused (the message says why), 2 wrong usage.
 */
import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../services/store/database';
import { sealLegacyHead } from '../services/audit/audit-log';
import { readAuditHead } from '../services/backup/audit-head';
import { openKeys, resealKeys } from '../services/keys/keyring';
import { KeyError } from '../services/keys/key-errors';
import { CLINIC_PASSPHRASE_ENV, readRecoveryKey, toolKeys } from './tool-keys';
const DATABASE_FILE = 'mesochart.sqlite';
import { BackupError, createBackup, type BackupProgress } from '../services/backup/archive';
import { restoreBackup, verifyBackup } from '../services/backup/restore';
import { readPassphrase } from './read-passphrase';
import {
  backupServerCommand,
  createServerDatabaseCommand,
  migrateServerCommand,
  moveToServerCommand,
  restoreToServerCommand,
  serverUrl,
} from './admin-server';
import { ServerMoveError } from '../services/store/server-move';
import { ServerSetupError } from '../services/store/server-setup';

const USAGE = `usage:
  npm run admin -- backup  --data <data dir> --out <folder> [--keep N]
  npm run admin -- restore --file <backup file> --data <empty folder>
  npm run admin -- verify  --file <backup file>
  npm run admin -- recover --data <data dir> [--from <old data folder>]
A clinic server (connections from MESOCHART_DATABASE_URL, MESOCHART_DATABASE_OWNER_URL):
  npm run admin -- create-server-database --admin-url <url> --database <name>
                   [--owner-role mesochart_owner] [--app-role mesochart_app]
  npm run admin -- migrate-server
  npm run admin -- move-to-server --data <data dir of the single-computer clinic>
  npm run admin -- backup --data <folder with the clinic's keys> --out <folder>
  npm run admin -- restore-to-server --file <backup file> --data <folder with the clinic's keys>
Passphrases and the recovery key are read from MESOCHART_BACKUP_PASSPHRASE,
MESOCHART_CLINIC_PASSPHRASE and MESOCHART_RECOVERY_KEY, or asked for.`;

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(USAGE);
  process.exit(2);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string' },
    out: { type: 'string' },
    file: { type: 'string' },
    keep: { type: 'string', default: '14' },
    from: { type: 'string' },
    url: { type: 'string' },
    'owner-url': { type: 'string' },
    'admin-url': { type: 'string' },
    database: { type: 'string' },
    'owner-role': { type: 'string' },
    'app-role': { type: 'string' },
  },
});

const absolute = (value: string) => path.resolve(process.cwd(), value);

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function showProgress(p: BackupProgress) {
  if (!process.stderr.isTTY) return;
  const percent = p.totalBytes === 0 ? 100 : Math.floor((p.doneBytes / p.totalBytes) * 100);
  process.stderr.write(`\r${percent}% (${p.files}/${p.totalFiles} files)`);
}

async function backup(): Promise<void> {
  if (!values.data || !values.out) usage('backup needs --data and --out');
  const server = serverUrl(values);
  if (server) return backupServerCommand(values, server);
  const keep = Number(values.keep);
  if (!Number.isInteger(keep) || keep < 1 || keep > 1000) usage('--keep must be 1 to 1000');
  const dataDir = absolute(values.data);
  // openStore would create an empty database: refuse a folder that holds none.
  if (!existsSync(path.join(dataDir, DATABASE_FILE))) {
    throw new BackupError('invalid-path', `No Mesochart data in ${dataDir}.`);
  }
  const keys = await toolKeys(dataDir);
  const passphrase = await readPassphrase('Backup passphrase: ', { confirm: true });
  const store = openStore(path.join(dataDir, DATABASE_FILE), { key: keys.dataKey });
  sealLegacyHead(store, keys.auditKey);
  const started = Date.now();
  try {
    const result = await createBackup({
      sqlite: store.sqlite,
      snapshot: (file) => store.snapshotTo(file),
      dataDir,
      folder: absolute(values.out),
      passphrase,
      keep,
      now: new Date(),
      auditKey: keys.auditKey,
      auditHead: (file) => readAuditHead(file),
      onProgress: showProgress,
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(
      `Backup written: ${result.file} (${megabytes(result.size)}, ${result.files} files, ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
    for (const old of result.removed) console.log(`Removed old backup ${old}`);
  } finally {
    await store.close();
  }
}

async function restore(): Promise<void> {
  if (!values.file || !values.data) usage('restore needs --file and --data');
  const passphrase = await readPassphrase('Backup passphrase: ');
  // The restored clinic is encrypted as it is written, its keys sealed by a clinic passphrase.
  const clinicPassphrase = await readPassphrase('Clinic passphrase for the restored clinic: ', {
    confirm: true,
    env: CLINIC_PASSPHRASE_ENV,
  });
  const result = await restoreBackup(absolute(values.file), passphrase, absolute(values.data), {
    keys: { seal: { kind: 'passphrase', passphrase: clinicPassphrase } },
  });
  console.log(
    `Restored the backup of ${result.createdAt} (${result.files} files, ` +
      `${megabytes(result.bytes)}) into ${absolute(values.data)}, encrypted under new keys; ` +
      'it opens with the clinic passphrase.',
  );
  console.log(`Its recovery key (write it down, shown once): ${result.recoveryKey ?? ''}`);
}

async function verify(): Promise<void> {
  if (!values.file) usage('verify needs --file');
  const passphrase = await readPassphrase('Backup passphrase: ');
  const result = await verifyBackup(absolute(values.file), passphrase);
  console.log(
    `The backup of ${result.createdAt} is complete and intact (${result.files} files, ` +
      `${megabytes(result.bytes)}; database integrity ok).`,
  );
}

/**
 * Opens a clinic with its recovery key (keychain lost, disk moved, passphrase forgotten) and
 * wraps its keys with a new clinic passphrase for this computer; with --from, the clinic's old
 * data folder is first copied into --data, which must be empty or new.
 */
async function recover(): Promise<void> {
  if (!values.data) usage('recover needs --data');
  const dataDir = absolute(values.data);
  const recoveryKey = await readRecoveryKey();
  if (values.from) {
    const from = absolute(values.from);
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      throw new BackupError(
        'invalid-path',
        `${dataDir} is not empty; choose an empty or new folder.`,
      );
    }
    await openKeys(from, { kind: 'recovery', recoveryKey });
    cpSync(from, dataDir, { recursive: true, errorOnExist: true, force: false });
  }
  const keys = await openKeys(dataDir, { kind: 'recovery', recoveryKey });
  const passphrase = await readPassphrase('New clinic passphrase for this computer: ', {
    confirm: true,
    env: CLINIC_PASSPHRASE_ENV,
  });
  await resealKeys(dataDir, keys, { kind: 'passphrase', passphrase });
  // The keys open the database too, or nothing is claimed.
  const store = openStore(path.join(dataDir, DATABASE_FILE), { key: keys.dataKey });
  await store.close();
  console.log(
    `The clinic in ${dataDir} opens with the new clinic passphrase; the recovery sheet still works.`,
  );
}

const commands: Record<string, () => Promise<void>> = {
  backup,
  restore,
  verify,
  recover,
  'create-server-database': () => createServerDatabaseCommand(values),
  'migrate-server': () => migrateServerCommand(values),
  'move-to-server': () => moveToServerCommand(values),
  'restore-to-server': () => restoreToServerCommand(values),
};
const command = commands[positionals[0] ?? ''];
if (!command || positionals.length !== 1) usage();
try {
  await command();
} catch (error) {
  if (
    error instanceof BackupError ||
    error instanceof KeyError ||
    error instanceof ServerMoveError ||
    error instanceof ServerSetupError
  ) {
    console.error(error.message);
    process.exit(1);
  }
  // The server's own refusals (unreachable, wrong password, older or newer data) name no patient.
  const code = (error as { code?: unknown }).code;
  const fromServer =
    error instanceof Error &&
    ([
      'ServerSchemaError',
      'ServerUnreachableError',
      'DatabaseTooNewError',
      'DatabaseKeyError',
    ].includes(error.name) ||
      (typeof code === 'string' && /^([0-9A-Z]{5}|E[A-Z]+)$/.test(code)));
  if (fromServer) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(`Failed: ${error instanceof Error ? error.name : 'unknown error'}`);
  process.exit(1);
}
