import { defineConfig } from 'vitest/config';

/**
 * The store-level and service suites again, on PostgreSQL: a throwaway cluster for the run
 * (tests/support/postgres-setup.ts) and a fresh database per test clinic. Suites of engines that
 * never touch the store (PDF rendering, photo files, layout, the Electron shell) run on SQLite only.
 */
export const POSTGRES_SUITES = [
  'patients',
  'history',
  'screening',
  'sessions',
  'consents',
  'audit',
  'staff',
  'products',
  'courses',
  'appointments',
  'store',
  'chart',
  'recall',
  'adverse-events',
];

export default defineConfig({
  test: {
    include: POSTGRES_SUITES.map((s) => `tests/unit/${s}/**/*.test.ts`),
    // Tests of the SQLite file itself (pragmas, encryption, a full disk, an attacker editing the
    // file with the triggers dropped): the PostgreSQL rules are tested in store/workstations.
    exclude: [
      'tests/unit/store/store.test.ts',
      'tests/unit/store/encryption.test.ts',
      // Kills a writer and checks the SQLite file it leaves (electron/tools/crash-check).
      'tests/unit/store/crash.test.ts',
      'tests/unit/audit/audit.test.ts',
      'tests/unit/audit/audit-pdf.test.ts',
      'tests/unit/audit/audit-seal.test.ts',
      // Drops the SQLite file's triggers and rewrites its chain (server tampering: audit-seal-records).
      'tests/unit/audit/audit-forgery.test.ts',
      'tests/unit/audit/audit-faults.test.ts',
    ],
    environment: 'node',
    // Test files share their worker's loaded modules instead of importing the app afresh for
    // each file: that import was over half of the run's time. Tests keep no state in modules
    // (each starts its own clinic in its own folder), so nothing carries from file to file.
    isolate: false,
    setupFiles: ['tests/support/password-cost.ts'],
    globalSetup: ['tests/support/postgres-setup.ts'],
    env: { MESOCHART_TEST_STORE: 'postgres' },
    // Every call is a few round trips to the server and tests arrange rows through psql: a test
    // that takes 15 s on an idle machine took 45 s beside a full parallel load.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Most of a test's time is waiting on the server (its CPU is the server's, not the worker's),
    // so a third worker keeps both cores busy.
    maxWorkers: 3,
  },
});
