import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  ADMIN,
  CLINIC,
  joinClinic,
  startApp,
  startClinic,
  type TestApp,
} from '../../support/helpers';
import { runAsWorkstation, testStore } from '../../support/test-store';
import { startProxy, type TcpProxy } from '../../support/tcp-proxy';
import { details, register } from '../patients/fixtures';
import { signInAs } from '../sessions/fixtures';
import type { Change } from '../../../electron/services/core/changes';
import type { Patient } from '../../../shared/api/patients';

const open: TestApp[] = [];
const proxies: TcpProxy[] = [];
afterEach(async () => {
  for (const proxy of proxies) await proxy.close();
  proxies.length = 0;
  // Workstations first: the first clinic's close drops the database.
  for (const app of open.reverse()) await app.close();
  open.length = 0;
});

/** The changes a workstation's feed hears, and a way to wait for one. */
function listen(app: TestApp) {
  const heard: { change: Change; at: number }[] = [];
  app.services.state.changes.subscribe((change) => heard.push({ change, at: Date.now() }));
  const waitFor = async (match: (c: Change) => boolean, ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const found = heard.find((h) => match(h.change));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    return null;
  };
  return { heard, waitFor };
}

const patientCount = async (app: TestApp) =>
  Number(
    (
      (await runAsWorkstation(app.database?.url ?? '', 'SELECT count(*) AS n FROM patient'))[0] as {
        n: number;
      }
    ).n,
  );

describe.skipIf(testStore() !== 'postgres')('workstations on one clinic server', () => {
  it("hear each other's writes on their change feed within a second", async () => {
    const desk = await startClinic();
    open.push(desk);
    const room = await joinClinic(desk);
    open.push(room);
    await signInAs(room, ADMIN.username, ADMIN.password);
    const atDesk = listen(desk);
    const inRoom = listen(room);
    // The room's connection is listening once it hears anything; give it the moment it takes.
    await new Promise((r) => setTimeout(r, 300));

    const patient = await register(desk);
    const heard = await inRoom.waitFor((c) => c.patientIds.includes(patient.id), 2_000);
    expect(heard?.change).toEqual({ domains: ['patients'], patientIds: [patient.id] });
    // Within a second of the desk's own feed announcing the committed write.
    const committed = atDesk.heard.find((h) => h.change.patientIds.includes(patient.id));
    expect((heard?.at ?? Infinity) - (committed?.at ?? 0)).toBeLessThan(1_000);
    // The desk heard its own write once, from its own wrapper, not again from the server.
    await new Promise((r) => setTimeout(r, 300));
    expect(atDesk.heard.filter((h) => h.change.patientIds.includes(patient.id))).toHaveLength(1);

    // The other way: the room's edit reaches the desk; reads announce nothing.
    await room.ok('patients.update', {
      id: patient.id,
      ...details({ phone: '+90 532 000 00 00' }),
    });
    expect(
      (await atDesk.waitFor(() => atDesk.heard.length > 1, 2_000)) && atDesk.heard[1]?.change,
    ).toEqual({ domains: ['patients'], patientIds: [patient.id] });
    const heardInRoom = inRoom.heard.length;
    await desk.ok('patients.search', { query: 'yilmaz' });
    await new Promise((r) => setTimeout(r, 300));
    expect(inRoom.heard).toHaveLength(heardInRoom);
  });

  it('answer SERVER_UNREACHABLE while the server is out of reach, write nothing half, and work again when it returns', async () => {
    const cluster = new URL(process.env.MESOCHART_TEST_PG_SUPER_URL ?? '');
    const proxy = await startProxy({ host: cluster.hostname, port: Number(cluster.port) });
    proxies.push(proxy);
    const app = await startApp({ routeDatabase: (url) => proxy.route(url) });
    open.push(app);
    await app.ok('auth.setup', { clinic: CLINIC, admin: ADMIN });
    const first = await register(app);
    const changes = listen(app);

    // A registration caught mid-transaction: its patient row is written, the audit chain's lock
    // is held by someone else, and the network goes while it waits.
    const holder = new pg.Client({ connectionString: app.database?.url ?? '' });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1)', [0x41554454]);
    const pending = app.call(
      'patients.create',
      details({ givenName: 'Ayşe', dateOfBirth: '1990-02-02', phone: '', email: '' }),
    );
    await new Promise((r) => setTimeout(r, 500));
    await proxy.cut();
    await holder.query('SELECT pg_advisory_unlock($1)', [0x41554454]);
    await holder.end();
    const caught = await pending;
    expect(caught.ok ? null : caught.error.code).toBe('SERVER_UNREACHABLE');

    // While it is away every call says so, reads and writes alike; none throws.
    for (const [operation, input] of [
      ['patients.search', { query: 'yilmaz' }],
      ['patients.get', { id: first.id }],
      [
        'patients.create',
        details({ givenName: 'Zeynep', dateOfBirth: '1991-03-03', phone: '', email: '' }),
      ],
    ] as const) {
      const result = await app.call(operation, input);
      expect(result.ok ? null : result.error, operation).toEqual({
        code: 'SERVER_UNREACHABLE',
        message: expect.stringMatching(/clinic server cannot be reached; nothing was saved/),
        // The screens word it in their reader's language from this key.
        key: 'errors.server.unreachable',
      });
    }
    // Nothing of the interrupted registration reached the record.
    expect(await patientCount(app)).toBe(1);

    await proxy.restore();
    const again = await app.ok<Patient>(
      'patients.create',
      details({ givenName: 'Zeynep', dateOfBirth: '1991-03-03', phone: '', email: '' }),
    );
    expect(again.clinicNumber).not.toBe(first.clinicNumber);
    expect(await patientCount(app)).toBe(2);
    const found = await app.ok<{ results: { id: string }[] }>('patients.search', {
      query: 'zeynep',
    });
    expect(found.results.map((p) => p.id)).toEqual([again.id]);
    // The audit events of the refused calls were kept and written once it returned: one chain.
    await app.services.state.auditQueue.flush();
    const verdict = await app.ok<{ ok: boolean }>('audit.verify');
    expect(verdict.ok).toBe(true);
    // The listening connection came back too: the write after the outage was announced.
    expect(changes.heard.map((h) => h.change.patientIds)).toContainEqual([again.id]);
  }, 60_000);

  it('fail to open with a typed error when the server cannot be reached at all', async () => {
    const cluster = new URL(process.env.MESOCHART_TEST_PG_SUPER_URL ?? '');
    const proxy = await startProxy({ host: cluster.hostname, port: Number(cluster.port) });
    proxies.push(proxy);
    await proxy.cut();
    await expect(startApp({ routeDatabase: (url) => proxy.route(url) })).rejects.toMatchObject({
      code: 'SERVER_UNREACHABLE',
    });
  });
});
