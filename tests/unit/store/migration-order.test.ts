import { describe, expect, it } from 'vitest';
import {
  LATEST_SCHEMA_VERSION,
  migrations,
} from '../../../electron/services/store/migrations/index';

// A store applies every step above its recorded version in list order: a step listed out of order,
// or numbered below a version already released, would be skipped on an upgraded clinic.
describe('the migration list', () => {
  it('numbers its steps in strictly ascending order, each once', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(LATEST_SCHEMA_VERSION).toBe(versions.at(-1));
  });
});
