import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const run = promisify(execFile);

interface Allowed {
  check: string;
  file: string;
  reason: string;
}

/** Parses electronegativity's CSV: quoted fields, commas inside quotes. */
function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) =>
      [...line.matchAll(/"((?:[^"]|"")*)"|([^,]+)|(?<=,)(?=,|$)/g)].map((m) =>
        (m[1] ?? m[2] ?? '').trim(),
      ),
    );
}

describe('hardening checks', () => {
  it('electronegativity finds nothing high or medium over electron/ that is not explained', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'mesochart-eneg-'));
    try {
      const csv = path.join(out, 'findings.csv');
      const bin = path.join(root, 'node_modules', '.bin', 'electronegativity');
      // The Electron version is given so the scanner applies this version's defaults offline.
      await run(
        bin,
        ['-i', path.join(root, 'electron'), '-o', csv, '-r', '-v', 'false', '-e', '41.0.0'],
        {
          cwd: root,
          timeout: 170_000,
        },
      );
      const allow = (
        JSON.parse(
          readFileSync(path.join(import.meta.dirname, 'electronegativity-allow.json'), 'utf8'),
        ) as {
          allowed: Allowed[];
        }
      ).allowed;
      for (const entry of allow) expect(entry.reason.length, entry.check).toBeGreaterThan(40);
      const findings = parseCsv(readFileSync(csv, 'utf8')).map(([check, severity, , file]) => ({
        check: check ?? '',
        severity: severity ?? '',
        file: file ?? '',
      }));
      expect(findings.length).toBeGreaterThan(0);
      const unexplained = findings.filter(
        (f) =>
          (f.severity === 'HIGH' || f.severity === 'MEDIUM') &&
          !allow.some((a) => a.check === f.check && a.file === f.file),
      );
      expect(unexplained).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);

  it('packaged builds set the Electron fuses', () => {
    const yml = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    const block = /^electronFuses:\n((?:[ \t]+.*\n)+)/m.exec(yml)?.[1] ?? '';
    const fuses = Object.fromEntries(
      block
        .split('\n')
        .map((l) => /^\s+(\w+):\s*(true|false)\s*$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], m[2] === 'true']),
    );
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    expect(/^asar:\s*true\s*$/m.test(yml)).toBe(true);
  });
});
