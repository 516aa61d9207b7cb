import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Four workstations on one clinic server, and the server's files, admin, move and backups:
    // only the PostgreSQL run (npm run test:unit:postgres).
    exclude: ['tests/unit/store/workstations.test.ts', 'tests/unit/store/server-*.test.ts'],
    environment: 'node',
    // Test files share their worker's loaded modules instead of importing the app afresh for
    // each file: that import was over half of the run's time. Tests keep no state in modules
    // (each starts its own clinic in its own folder), so nothing carries from file to file.
    isolate: false,
    setupFiles: ['tests/support/password-cost.ts'],
    testTimeout: 30_000,
    // Setting up a clinic hashes passwords with scrypt at 128 MiB; a busy machine needs the room.
    hookTimeout: 60_000,
    // Each worker builds scrypt hashes (128 MiB each); two cores, two workers.
    maxWorkers: 2,
  },
});
