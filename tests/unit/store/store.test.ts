import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, openStore } from '../../../electron/services/store/database';
import { LATEST_SCHEMA_VERSION } from '../../../electron/services/store/migrations/index';
import { preparedQuery } from '../../../electron/services/store/prepared';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-store-'));
  dirs.push(dir);
  return path.join(dir, 'mesochart.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the store', () => {
  it('opens with WAL, synchronous=FULL and foreign keys, and migrates to the latest version', async () => {
    const store = openStore(tempFile());
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    await store.close();
  });

  it('re-opening an up-to-date database changes nothing and keeps its data', async () => {
    const file = tempFile();
    const first = openStore(file);
    first.sqlite.prepare("INSERT INTO setting (key, value) VALUES ('x', '1')").run();
    await first.close();
    const second = openStore(file);
    expect(second.sqlite.prepare("SELECT value FROM setting WHERE key = 'x'").get()).toEqual({
      value: '1',
    });
    await second.close();
  });

  it('refuses a database written by a newer version and leaves it byte-identical', () => {
    const file = tempFile();
    const newer = new Database(file);
    newer.exec("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('from the future');");
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    newer.close();
    const before = sha(file);

    expect(() => openStore(file)).toThrow(DatabaseTooNewError);
    expect(() => openStore(file)).toThrow(/newer version of Mesochart/);
    expect(sha(file)).toBe(before);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(
      check.prepare('SELECT name FROM sqlite_master WHERE name = ?').get('setting'),
    ).toBeUndefined();
    check.close();
  });

  it('a failing migration leaves the database at its previous version', async () => {
    const file = tempFile();
    // A table that collides with the first migration makes it fail part-way.
    const db = new Database(file);
    db.exec('CREATE TABLE audit_event (x TEXT)');
    db.close();
    expect(() => openStore(file)).toThrow();
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    expect(
      check.prepare("SELECT name FROM sqlite_master WHERE name = 'staff_user'").get(),
    ).toBeUndefined();
    check.close();
  });
});

describe('store transactions', () => {
  const setting = (store: ReturnType<typeof openStore>, key: string) =>
    store.db
      .selectFrom('setting')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst()
      .then((row) => row?.value ?? null);

  it('commit what their function wrote, and undo all of it if the function throws', async () => {
    const store = openStore(tempFile());
    await store.transaction((trx) =>
      trx.insertInto('setting').values({ key: 'kept', value: '1' }).execute(),
    );
    await expect(
      store.transaction(async (trx) => {
        await trx.insertInto('setting').values({ key: 'undone', value: '1' }).execute();
        await trx.updateTable('setting').set({ value: '2' }).where('key', '=', 'kept').execute();
        throw new Error('refused half-way');
      }),
    ).rejects.toThrow('refused half-way');
    expect(await setting(store, 'kept')).toBe('1');
    expect(await setting(store, 'undone')).toBeNull();
    expect(store.sqlite.inTransaction).toBe(false);
    await store.close();
  });

  it('keep every other query and transaction out until they end', async () => {
    const store = openStore(tempFile());
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = store.transaction(async (trx) => {
      await trx.insertInto('setting').values({ key: 'a', value: 'uncommitted' }).execute();
      await gate;
      seen.push('first done');
      throw new Error('rolled back');
    });
    // Asked while the first holds the connection: neither may see its uncommitted row.
    const outside = setting(store, 'a').then((value) => seen.push(`outside saw ${value}`));
    const prepared = preparedQuery((db, key: string) =>
      db.selectFrom('setting').select('value').where('key', '=', key),
    );
    const outsidePrepared = prepared(store.db, 'a').then((rows) =>
      seen.push(`prepared saw ${rows[0]?.value ?? null}`),
    );
    const second = store.transaction(async (trx) => {
      const row = await trx
        .selectFrom('setting')
        .select('value')
        .where('key', '=', 'a')
        .executeTakeFirst();
      seen.push(`second saw ${row?.value ?? null}`);
    });
    release();
    await expect(first).rejects.toThrow('rolled back');
    await Promise.all([outside, outsidePrepared, second]);
    expect(seen[0]).toBe('first done');
    expect(seen.slice(1).sort()).toEqual([
      'outside saw null',
      'prepared saw null',
      'second saw null',
    ]);
    // With the connection free, the prepared read runs at once and sees what was committed.
    await store.transaction((trx) =>
      trx.insertInto('setting').values({ key: 'a', value: 'committed' }).execute(),
    );
    expect(await prepared(store.db, 'a')).toEqual([{ value: 'committed' }]);
    await store.close();
  });

  it('refuse a transaction kept past its end, and one started inside another', async () => {
    const store = openStore(tempFile());
    let kept: Parameters<Parameters<typeof store.transaction>[0]>[0] | null = null;
    await store.transaction(async (trx) => {
      kept = trx;
      await expect(trx.transaction().execute(async () => undefined)).rejects.toThrow(
        /inside another/,
      );
    });
    await expect(
      kept!.insertInto('setting').values({ key: 'late', value: '1' }).execute(),
    ).rejects.toThrow(/after it ended/);
    expect(await setting(store, 'late')).toBeNull();
    await store.close();
  });
});
