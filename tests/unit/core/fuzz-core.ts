import fc from 'fast-check';
import type { z } from 'zod';
import { operationNames, operations, type OperationName } from '../../../shared/api/contract';
import { errorCodes } from '../../../shared/api/result';
import { roleMayCall } from '../../../shared/api/roles';
import type { TestApp } from '../../support/helpers';

/**
 * Tables a refused call may legitimately write: the audit trail records refusals, and a failed
 * sign-in counts towards the growing delay. Every other table must be unchanged.
 */
const WRITTEN_ON_REFUSAL = new Set(['audit_event', 'audit_head', 'sign_in_throttle']);

const statements = new WeakMap<object, { all(): unknown[] }[]>();

/** Like snapshot() in helpers, with the statements prepared once: it runs after every case. */
export function recordSnapshot(app: TestApp): string {
  const { sqlite } = app.services.state.store;
  let prepared = statements.get(sqlite);
  if (!prepared) {
    const tables = sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[];
    prepared = tables
      .filter(({ name }) => !WRITTEN_ON_REFUSAL.has(name))
      .map(({ name }) => sqlite.prepare(`SELECT * FROM "${name}"`));
    statements.set(sqlite, prepared);
  }
  return JSON.stringify(prepared.map((s) => s.all()));
}

function inputKeys(name: OperationName): string[] {
  const schema = operations[name].input as z.ZodType & { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

const hostilePath = fc.constantFrom(
  '../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\System32\\config\\SAM',
  '\\\\server\\share\\x.pdf',
  '/tmp/a\0.pdf',
  'CON',
  'NUL.pdf',
  `/tmp/${'a'.repeat(5000)}.pdf`,
  '',
);

/** Values of every JSON type and then some: huge, negative, NaN-ish, deep, odd strings. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    0,
    -1,
    1e308,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    '0',
    'true',
    null,
    [],
    {},
    '2024-02-30',
    '9999-99-99T99:99:99Z',
    '00000000-0000-0000-0000-000000000000',
    'data:image/png;base64,AAAA',
    '<script>alert(1)</script>',
    "'; DROP TABLE patient; --",
  ),
  hostilePath,
  fc.integer({ min: 1, max: 400_000 }).map((n) => 'x'.repeat(n)),
);

function inputFor(name: OperationName): fc.Arbitrary<unknown> {
  const keys = inputKeys(name);
  const shaped =
    keys.length === 0
      ? fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 3 })
      : fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] });
  const withExtra = shaped.chain((value) =>
    fc
      .dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 2 })
      .map((extra) => (typeof value === 'object' && value ? { ...extra, ...value } : value)),
  );
  return fc.oneof(fc.anything({ maxDepth: 4 }), shaped, withExtra, fc.constant(undefined));
}

/** Each call derives a password key with scrypt (by design, ~100 ms): a tenth of the cases. */
const KEY_DERIVING = new Set<OperationName>(['auth.signIn', 'auth.unlock']);

export interface FuzzFigures {
  operation: OperationName;
  cases: number;
  refused: number;
  accepted: number;
  ms: number;
}

/**
 * Calls every operation of the contract with hostile inputs, as a role that may call it. Each
 * result must be a well-formed Result with a known error code other than INTERNAL, and a refused
 * call must leave the record as it was. Throws (via fast-check) with the shrunk input otherwise.
 */
export async function fuzzOperations(
  app: TestApp,
  runsPerOperation: number,
  only: readonly OperationName[] = operationNames,
): Promise<FuzzFigures[]> {
  const state = app.services.state;
  // Thousands of refused calls each write an audit event: durability is not under test here.
  state.store.sqlite.pragma('synchronous = OFF');
  const asAdmin = { ...state.session };
  // The role check comes before the input's, so each operation is fuzzed as a role that may call
  // it: the admin where allowed, else a practitioner (the only other role clinical writes need).
  const practitioner = await app.ok<{ id: string }>('staff.create', {
    username: 'fuzz.prac',
    displayName: 'Fuzz Practitioner',
    role: 'practitioner',
    password: 'fuzzing pass phrase',
  });
  const asPractitioner = { ...asAdmin, userId: practitioner.id };
  const figures: FuzzFigures[] = [];
  let before = recordSnapshot(app);
  for (const name of only) {
    const signedIn = roleMayCall(operations[name].access, 'admin') ? asAdmin : asPractitioner;
    const counts: FuzzFigures = { operation: name, cases: 0, refused: 0, accepted: 0, ms: 0 };
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(inputFor(name), async (input) => {
        // Sign-out and lock calls must not make the rest of the run a test of UNAUTHENTICATED.
        Object.assign(state.session, signedIn, { lastActivityMs: Date.now() });
        const result = await app.services.dispatch(
          { url: 'http://mesochart.test/index.html', isMainFrame: true },
          name,
          input,
        );
        counts.cases += 1;
        if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
          throw new Error('not a Result');
        }
        if (result.ok) {
          counts.accepted += 1;
          before = recordSnapshot(app);
          return;
        }
        counts.refused += 1;
        if (!(errorCodes as readonly string[]).includes(result.error.code)) {
          throw new Error(`unknown error code ${result.error.code}`);
        }
        if (result.error.code === 'INTERNAL') throw new Error(`INTERNAL: ${result.error.message}`);
        const after = recordSnapshot(app);
        if (after !== before) throw new Error(`a refused ${name} changed the record`);
      }),
      {
        numRuns: KEY_DERIVING.has(name)
          ? Math.max(1, Math.ceil(runsPerOperation / 10))
          : runsPerOperation,
        seed: 20240611 + name.length,
        endOnFailure: true,
      },
    );
    counts.ms = Date.now() - started;
    figures.push(counts);
  }
  Object.assign(state.session, asAdmin, { lastActivityMs: Date.now() });
  return figures;
}
