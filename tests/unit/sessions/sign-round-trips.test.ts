import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { TreatmentSession } from '../../../shared/api/sessions';
import { testStore } from '../../support/test-store';
import { completeDraft, startSession, startTreatmentClinic, type Clinic } from './fixtures';

/** Statements any pg client of this process sends while `run` runs (the change feed's aside). */
async function statementsOf<T>(run: () => Promise<T>): Promise<{ sent: string[]; value: T }> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const sent: string[] = [];
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const [q] = args;
    const text = typeof q === 'string' ? q : (q as { text?: string } | null)?.text;
    if (text !== undefined && !/pg_notify|^LISTEN/i.test(text)) sent.push(text);
    return original.apply(this, args);
  };
  try {
    return { value: await run(), sent };
  } finally {
    proto.query = original;
  }
}

/**
 * On a clinic server each statement is a round trip over the clinic's network. Signing reads the
 * note once for its checks and its answer; the safety gate still reads the day's check, the
 * history, the consent with its archived file, and the settings afresh inside the transaction.
 */
describe.skipIf(testStore() !== 'postgres')('signing a session on a clinic server', () => {
  let c: Clinic;
  beforeAll(async () => {
    c = await startTreatmentClinic();
  }, 120_000);
  afterAll(async () => {
    await c.app.close();
  });

  it('sends at most 29 statements, the gate reading afresh, and answers with the session as stored', async () => {
    const session = await startSession(c);
    await c.app.ok('sessions.saveDraft', { id: session.id, ...completeDraft(c) });
    const { sent, value: signed } = await statementsOf(() =>
      c.app.ok<TreatmentSession>('sessions.sign', { id: session.id }),
    );
    expect(signed.status).toBe('signed');
    expect(sent.length).toBeLessThanOrEqual(29);
    for (const table of ['screening', 'medical_history_version', 'document', 'setting']) {
      expect(sent.some((s) => s.includes(`from "${table}"`))).toBe(true);
    }
    // The consent's archived file is read and checked again, from the server.
    expect(sent.some((s) => /FROM file_blob/i.test(s))).toBe(true);
    expect(await c.app.ok<TreatmentSession>('sessions.get', { id: session.id })).toEqual(signed);
  });
});
