import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';
import type { Db } from '../store/db';
import { preparedQuery } from '../store/prepared';
import {
  answersFromBooleans,
  historyAnswersSchema,
  type HistoryAnswers,
  type HistoryVersion,
} from '../../../shared/api/history';
import { AppError } from '../core/errors';
import { projectOutput } from '../core/projection';

function baseQuery(db: Pick<Db, 'selectFrom'>, patientId: string) {
  return db
    .selectFrom('medical_history_version as h')
    .innerJoin('staff_user as s', 's.id', 'h.recorded_by')
    .select([
      'h.version',
      'h.recorded_at',
      'h.taken_by',
      'h.answers',
      'h.answers_format',
      's.display_name',
    ])
    .where('h.patient_id', '=', patientId);
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toVersion(row: VersionRow): HistoryVersion {
  return {
    version: row.version,
    recordedAt: row.recorded_at,
    recordedBy: row.display_name,
    takenBy: row.taken_by as HistoryVersion['takenBy'],
    answers: storedAnswers(row.answers, row.answers_format),
  };
}

/**
 * Answers as stored: checked against today's shape (kinds, enums, no unknown keys), so a row that
 * does not fit fails loudly instead of reaching a screen or a screening rule. Their formats and
 * rules were checked by the full schema when they were written, and rows are never changed;
 * re-running those checks on every chart cost more than reading the chart. Rows written before
 * "not asked" existed (format 1) are read with their true/false as yes/no.
 */
export function storedAnswers(json: string, format: number): HistoryAnswers {
  const raw: unknown = JSON.parse(json);
  return projectOutput(historyAnswersSchema, format === 1 ? answersFromBooleans(raw) : raw);
}

const latestOfPatient = preparedQuery((db, patientId: string) =>
  baseQuery(db, patientId).orderBy('h.version', 'desc').limit(1),
);
const versionsOfPatient = preparedQuery((db, patientId: string) =>
  baseQuery(db, patientId).orderBy('h.version', 'desc'),
);

export async function latestHistory(
  db: Queryable,
  patientId: string,
): Promise<HistoryVersion | null> {
  const [row] = await latestOfPatient(db, patientId);
  return row ? toVersion(row) : null;
}

export async function getHistory(db: Queryable, patientId: string) {
  const rows = await versionsOfPatient(db, patientId);
  const versions = rows.map(({ answers: _answers, answers_format: _format, ...meta }) => ({
    version: meta.version,
    recordedAt: meta.recorded_at,
    recordedBy: meta.display_name,
    takenBy: meta.taken_by as HistoryVersion['takenBy'],
  }));
  const first = rows[0];
  return { versions, latest: first ? toVersion(first) : null };
}

export async function getHistoryVersion(db: Queryable, patientId: string, version: number) {
  const rows = await baseQuery(db, patientId)
    .where('h.version', '<=', version)
    .orderBy('h.version', 'desc')
    .limit(2)
    .execute();
  const [current, previous] = rows;
  if (!current || current.version !== version) {
    throw new AppError('NOT_FOUND', { key: 'errors.history.noSuchVersion' });
  }
  return { version: toVersion(current), previous: previous ? toVersion(previous) : null };
}

/** Every submission is a new version; earlier ones are never changed. */
export async function submitHistory(
  db: Queryable,
  input: { patientId: string; answers: HistoryAnswers; takenBy: HistoryVersion['takenBy'] },
  actorId: string,
  now: Date,
): Promise<HistoryVersion> {
  const last = await db
    .selectFrom('medical_history_version')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('patient_id', '=', input.patientId)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await db
    .insertInto('medical_history_version')
    .values({
      id: randomUUID(),
      patient_id: input.patientId,
      version,
      answers: JSON.stringify(input.answers),
      answers_format: 2,
      taken_by: input.takenBy,
      recorded_at: now.toISOString(),
      recorded_by: actorId,
    })
    .execute();
  const saved = await latestHistory(db, input.patientId);
  if (!saved) throw new Error('history version not written');
  return saved;
}
