import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, openStore } from '../../../electron/services/store/database';
import { LATEST_SCHEMA_VERSION } from '../../../electron/services/store/migrations/index';

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
