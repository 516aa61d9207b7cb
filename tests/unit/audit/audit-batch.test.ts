import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawDb, startClinic, type TestApp } from '../../support/helpers';
import { register } from '../patients/fixtures';

let app: TestApp;
beforeEach(async () => {
  app = await startClinic();
});
afterEach(() => app.close());

type Events = { events: { seq: number; operation: string; objectType: string; outcome: string }[] };

describe('batched audit events of as-you-type search', () => {
  it('records every search, in call order, without a write per keystroke', async () => {
    await register(app);
    // Each search's event is queued, not written by the search itself (a timer writes the queue
    // a moment later, which a slow machine or a server's round trips may reach between searches).
    for (const query of ['s', 'se', 'seb', 'sebn']) {
      await app.ok('patients.search', { query });
      expect(app.services.state.auditQueue.size).toBeGreaterThan(0);
    }
    // ...and written before the next audited call, ahead of it in the chain.
    await app.ok<Events>('audit.list', { limit: 10 });
    const list = await app.ok<Events>('audit.list', { limit: 10 });
    const ops = list.events.map((e) => e.operation).reverse();
    expect(ops.slice(-6)).toEqual([
      'patients.create',
      'patients.search',
      'patients.search',
      'patients.search',
      'patients.search',
      'audit.list',
    ]);
    expect(await app.ok('audit.verify')).toMatchObject({ ok: true });
  });

  it('writes queued events when the services close', async () => {
    await app.ok('patients.search', { query: 'zoe' });
    expect(app.services.state.auditQueue.size).toBe(1);
    await app.services.state.auditQueue.flush();
    const { n } = rawDb(app)
      .prepare("SELECT count(*) AS n FROM audit_event WHERE operation = 'patients.search'")
      .get() as { n: number };
    expect(n).toBe(1);
  });
});
