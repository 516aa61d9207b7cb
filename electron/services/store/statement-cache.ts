import type Database from 'better-sqlite3';

/**
 * The store's prepared statements, kept by their SQL text. Kysely would prepare every query anew,
 * and for the small indexed reads a search or a chart makes, preparing costs more than running.
 * Least recently used statements are dropped past `capacity`, so queries with varying `IN (…)`
 * lists cannot grow the cache without bound.
 */
export interface StatementCache {
  prepare(sql: string): Database.Statement;
}

export function withStatementCache(sqlite: Database.Database, capacity = 500): StatementCache {
  const cache = new Map<string, Database.Statement>();
  return {
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit) {
        // Re-inserting moves the entry to the end: Map keeps insertion order, the oldest first.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > capacity) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      return statement;
    },
  };
}
