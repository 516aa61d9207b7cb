import { foundation } from './0001-foundation';

/**
 * Numbered steps, applied in order and tracked with `PRAGMA user_version`. Steps only add:
 * clinical data is never dropped. Append new steps; never edit a released one.
 */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'foundation', sql: foundation },
];

export const LATEST_SCHEMA_VERSION = migrations.length;
