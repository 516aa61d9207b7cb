/**
 * `npm run bench -- --store postgres [--size S|L]`: the clinic-scale rows on a clinic server.
 * The seeded clinic of the size is moved onto PostgreSQL (the admin tool's move, verified), then
 * search, the heavy chart and signing run through the services against the same SQL sent raw
 * through `pg` on the same database, and four workstations (four service instances) run a mixed
 * clinic day at once. With MESOCHART_DATABASE_URL and MESOCHART_DATABASE_OWNER_URL it uses that
 * (empty) database; without them it starts a throwaway cluster on loopback and removes it after.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { localDate } from '../services/core/local-date';
import { wordMatch } from '../services/patients/search';
import { createServerDatabase } from '../services/store/server-setup';
import { startCluster } from '../../tests/support/postgres-cluster';
import { captureStatements, replay, retarget, type AuditHead } from './bench-pg-replay';
import { benchSessionNote, ok, typedQueries, type BenchContext } from './bench-service';
import { ratioRow, timePair, type BenchRow } from './bench-stats';
import { DATABASE_OWNER_URL_ENV, DATABASE_URL_ENV } from './tool-keys';

export interface Server {
  url: string;
  ownerUrl: string;
  stop(): void;
}

export async function benchServer(log: (s: string) => void): Promise<Server> {
  const url = process.env[DATABASE_URL_ENV];
  const ownerUrl = process.env[DATABASE_OWNER_URL_ENV];
  if (url && ownerUrl) return { url, ownerUrl, stop: () => undefined };
  log('starting a throwaway PostgreSQL cluster on loopback');
  const cluster = await startCluster();
  try {
    const made = await createServerDatabase({
      adminUrl: cluster.superUrl,
      database: 'mesochart_bench',
      ownerRole: 'mesochart_owner',
      runtimeRole: 'mesochart_app',
    });
    return { url: made.url, ownerUrl: made.ownerUrl, stop: () => cluster.stop() };
  } catch (error) {
    cluster.stop();
    throw error;
  }
}

/** The search service's statements on PostgreSQL, sent raw: the counts in one, then the page. */
function rawSearch(pool: pg.Pool) {
  const columns =
    'p.id, p.clinic_number, p.given_name, p.family_name, p.date_of_birth, p.phone, p.email, p.archived';
  const seqs = (words: string[], alt: string | null, params: string[]) => {
    const one = (w: string, distinct = '') => {
      params.push(`${w}%`);
      return `SELECT ${distinct}patient_seq FROM patient_search_word WHERE word LIKE $${params.length}`;
    };
    const [only] = words;
    const all =
      words.length === 1 && !alt && only !== undefined
        ? one(only, 'DISTINCT ')
        : words.map((w) => one(w)).join(' INTERSECT ');
    return alt ? `(${all}) UNION ${one(alt)}` : all;
  };
  return async (query: string) => {
    const match = wordMatch(query);
    if (!match) return;
    const p1: string[] = [];
    const all = Number(
      (
        await pool.query(
          `WITH m AS MATERIALIZED (${seqs(match.words, match.alternative, p1)})
          SELECT (SELECT count(*) FROM m) - (SELECT count(*) FROM patient p
            JOIN m ON m.patient_seq = p.seq WHERE p.archived = 1) AS matching,
          (SELECT count(*) FROM patient WHERE archived = 0) AS everyone`,
          p1,
        )
      ).rows[0].matching,
    );
    if (all === 0) return;
    const p3: string[] = [];
    await pool.query(
      `SELECT ${columns} FROM patient p WHERE p.seq IN (${seqs(match.words, match.alternative, p3)})
       AND p.archived = 0 ORDER BY p.archived, p.sort_key, p.seq LIMIT 100 OFFSET 0`,
      p3,
    );
  };
}

export async function pgSearchRow(ctx: BenchContext, pool: pg.Pool): Promise<BenchRow> {
  const queries = typedQueries(ctx.heavy);
  const raw = rawSearch(pool);
  const mine: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < Math.max(3, Math.ceil(ctx.runs / queries.length)); r += 1) {
    const [a, b] = await timePair(
      queries.length,
      (i) =>
        ok(ctx, 'patients.search', {
          query: queries[Math.max(0, i)],
          includeArchived: false,
          offset: 0,
          limit: 100,
        }),
      (i) => raw(queries[Math.max(0, i)] as string),
    );
    mine.push(...a);
    base.push(...b);
  }
  return ratioRow('patient search, as typed (server)', mine, base, { maxRatioP95: 2, maxP95: 20 });
}

export async function pgChartRow(ctx: BenchContext, pool: pg.Pool): Promise<BenchRow> {
  const id = ctx.heavy.id;
  const statements = [
    'SELECT * FROM patient WHERE id = $1',
    `SELECT h.*, s.display_name FROM medical_history_version h
      JOIN staff_user s ON s.id = h.recorded_by WHERE h.patient_id = $1 ORDER BY h.version DESC`,
    `SELECT a.*, t.performed_on, s.display_name FROM adverse_event a
      JOIN treatment_session t ON t.id = a.session_id JOIN staff_user s ON s.id = a.recorded_by
      WHERE a.patient_id = $1 AND a.resolved_on IS NULL ORDER BY a.onset_on DESC`,
    `SELECT c.*, s.display_name FROM consent_event c JOIN staff_user s ON s.id = c.recorded_by
      WHERE c.patient_id = $1 ORDER BY c.kind, c.seq`,
    `SELECT sc.*, p.display_name, o.display_name FROM screening sc
      JOIN staff_user p ON p.id = sc.performed_by LEFT JOIN staff_user o ON o.id = sc.override_by
      WHERE sc.patient_id = $1 ORDER BY sc.performed_on DESC, sc.seq DESC LIMIT 10`,
    `SELECT c.*, s.display_name FROM patient_change c JOIN staff_user s ON s.id = c.changed_by
      WHERE c.patient_id = $1 ORDER BY c.seq`,
  ];
  const [mine, base] = await timePair(
    ctx.runs,
    () => ok(ctx, 'chart.open', { patientId: id }),
    async () => {
      for (const s of statements) await pool.query(s, [id]);
    },
  );
  return ratioRow("open the heavy patient's chart (server)", mine, base, { maxRatioP95: 2 });
}

/**
 * Signing on the server: the same steps as on SQLite; the raw side sends the very statements the
 * signing sent (captured), for a twin draft, so the ratio is what the services add around them.
 */
export async function pgSignRow(
  ctx: BenchContext,
  pool: pg.Pool,
  patientId: string,
): Promise<BenchRow> {
  const lots = (
    await pool.query<{ lotid: string; productid: string }>(
      'SELECT id AS lotid, product_id AS productid FROM product_lot ORDER BY seq LIMIT 4',
    )
  ).rows;
  const [first, , third] = lots;
  if (!first || !third) throw new Error('the seeded catalogue has no lots');
  const productIds = [first.productid, third.productid];
  const note = benchSessionNote(
    { lotId: first.lotid, productId: first.productid },
    { lotId: third.lotid, productId: third.productid },
  );

  const screening = async () => {
    const now = new Date();
    await pool.query(
      `INSERT INTO screening (id, patient_id, history_version_id, performed_on, performed_at,
      performed_by, answers, planned_product_ids, findings, outcome, acknowledged, override_reason,
      override_by, status) VALUES ($1, $2, (SELECT id FROM medical_history_version
      WHERE patient_id = $2 ORDER BY version DESC LIMIT 1), $3, $4, $5, '{}', $6, '[]', 'clear', '[]',
      NULL, NULL, 'passed')`,
      [
        randomUUID(),
        patientId,
        localDate(now),
        now.toISOString(),
        ctx.practitionerId,
        JSON.stringify(productIds),
      ],
    );
  };
  // The sign row of SQLite prepares consent and check the same way; its helpers need SQLite, so
  // the consent is made here through the operations.
  const validity = (await ok(ctx, 'documents.consentValidity', { patientId })) as {
    procedureKind: string;
    state: string;
  }[];
  if (!validity.some((v) => v.procedureKind === 'skin-rejuvenation' && v.state === 'valid')) {
    const doc = (await ok(ctx, 'documents.generateConsent', {
      patientId,
      procedureKind: 'skin-rejuvenation',
      practitionerId: ctx.practitionerId,
      productIds,
      otherProducts: [],
      plannedSessions: 4,
      intervalDays: 14,
    })) as { id: string };
    await ok(ctx, 'documents.confirmPaperSignature', { documentId: doc.id, note: '' });
  }
  const draft = async () => {
    await screening();
    const session = (await ok(ctx, 'sessions.start', {
      patientId,
      courseId: null,
      plannedProductIds: productIds,
    })) as { id: string };
    await ok(ctx, 'sessions.saveDraft', { id: session.id, ...note });
    return session.id;
  };
  const mine: number[] = [];
  const base: number[] = [];
  // Each statement is a round trip to the server: how many one signing sends is printed with the row.
  const counts = new Set<number>();
  for (let i = -10; i < ctx.runs; i += 1) {
    const signed = await draft();
    const t1 = performance.now();
    const sent = await captureStatements(() => ok(ctx, 'sessions.sign', { id: signed }));
    const t2 = performance.now();
    // A patient has one open draft at a time: the twin is started once the first is signed.
    const twin = await draft();
    const head = (await pool.query<AuditHead>('SELECT seq, hash, mac FROM audit_head WHERE id = 1'))
      .rows[0];
    if (!head) throw new Error('the clinic has no audit head');
    const t3 = performance.now();
    await replay(pool, retarget(sent, new Map([[signed, twin]])), head);
    const t4 = performance.now();
    counts.add(sent.length);
    if (i < 0) continue;
    mine.push(t2 - t1);
    base.push(t4 - t3);
  }
  const statements = [...counts].sort((a, b) => a - b).join(', ');
  console.log(`  sessions.sign sent ${statements} statements per signing`);
  return ratioRow(
    'sign a session (server)',
    mine,
    base,
    { maxRatioP95: 2 },
    `raw side: the statements sessions.sign sent (${statements}), replayed through pg for a twin draft`,
  );
}
