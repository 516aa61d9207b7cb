import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/app';
import { sweepRestoreStaging } from '../../../electron/services/backup/restore-sweep';
import { TEST_ORIGIN } from '../../support/helpers';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data folder inside its own parent, with what an interrupted restore leaves beside it. */
function clinicParent() {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'mesochart-staging-'));
  made.push(parent);
  const dataDir = path.join(parent, 'clinic');
  const staging = (suffix: string, hoursAgo: number) => {
    const dir = path.join(parent, `.clinic.restore-${suffix}`);
    mkdirSync(dir);
    // The plain database a restore checks before it encrypts it.
    writeFileSync(path.join(dir, 'mesochart.sqlite'), 'SQLite format 3\0 Chloé Martin');
    const then = new Date(Date.now() - hoursAgo * 3600_000);
    utimesSync(dir, then, then);
    return dir;
  };
  return { parent, dataDir, staging };
}

describe("an interrupted restore's staging folder", () => {
  it('is removed when the clinic next starts', async () => {
    const { dataDir, staging } = clinicParent();
    const old = staging('0123456789ab', 2);
    const services = await createServices({
      dataDir,
      databaseKey: Buffer.alloc(32, 7),
      trustedOrigin: TEST_ORIGIN,
    });
    await services.close();
    expect(existsSync(old)).toBe(false);
    expect(existsSync(path.join(dataDir, 'mesochart.sqlite'))).toBe(true);
  });

  it('is left while it may still be in use, and nothing of another folder is touched', async () => {
    const { parent, dataDir, staging } = clinicParent();
    const fresh = staging('aaaaaaaaaaaa', 0);
    const old = staging('bbbbbbbbbbbb', 2);
    const otherClinic = path.join(parent, '.other.restore-cccccccccccc');
    mkdirSync(otherClinic);
    const notOurs = path.join(parent, '.clinic.restore-notes');
    mkdirSync(notOurs);
    const then = new Date(Date.now() - 2 * 3600_000);
    utimesSync(otherClinic, then, then);
    utimesSync(notOurs, then, then);
    expect(await sweepRestoreStaging(dataDir)).toEqual(['.clinic.restore-bbbbbbbbbbbb']);
    expect([fresh, old, otherClinic, notOurs].map((d) => existsSync(d))).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });
});
