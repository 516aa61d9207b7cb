import { serialise } from '../store/serialise';
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';
import type { Selectable } from 'kysely';
import type { DocumentTemplateRow } from '../store/schema';
import type { ProcedureKind } from '../../../shared/documents/procedure-kinds';
import type {
  AftercareTemplate,
  ConsentTemplate,
  DocumentTemplate,
  TemplateKind,
} from '../../../shared/documents/template-schema';
import type {
  TemplateKey,
  TemplateSaveInput,
  TemplateVersionInfo,
} from '../../../shared/api/documents';
import { getDefaultTemplates, validateTemplate } from './render';
import { AppError } from '../core/errors';
import { reviewFor, reviewStates } from './template-review';
import type { TemplateReview } from '../../../shared/api/documents';

type TemplateRow = Selectable<DocumentTemplateRow>;

/** English is the language every built-in template exists in. */
export const BASE_LANGUAGE = 'en';

export interface StoredTemplate<T extends DocumentTemplate = DocumentTemplate> {
  id: string;
  template: T;
}

const procedureColumn = (k: ProcedureKind | null) => k ?? '';

function keyOf(t: DocumentTemplate): TemplateKey {
  return {
    kind: t.kind,
    procedureKind: t.kind === 'consent' ? t.procedureKind : null,
    language: t.language,
  };
}

/**
 * Stores each built-in default as version 1 the first time templates are used, so documents made
 * from a default still name a stored template version. Idempotent: a key that has any version is
 * left alone.
 */
export async function ensureDefaultTemplates(db: Queryable, now: Date): Promise<void> {
  // Two workstations making their first documents at once would both store version 1.
  await serialise(db, 'document-templates');
  const existing = await db
    .selectFrom('document_template')
    .select(['kind', 'procedure_kind', 'language'])
    .where('version', '=', 1)
    .execute();
  const have = new Set(existing.map((r) => `${r.kind}|${r.procedure_kind}|${r.language}`));
  for (const template of getDefaultTemplates()) {
    const key = keyOf(template);
    if (have.has(`${key.kind}|${procedureColumn(key.procedureKind)}|${key.language}`)) continue;
    await insertVersion(db, { ...template, version: 1 }, now, null);
  }
}

async function insertVersion(
  db: Queryable,
  template: DocumentTemplate,
  now: Date,
  savedBy: string | null,
): Promise<TemplateRow> {
  const key = keyOf(template);
  const row = {
    id: randomUUID(),
    kind: key.kind,
    procedure_kind: procedureColumn(key.procedureKind),
    language: key.language,
    version: template.version,
    body: JSON.stringify(template),
    saved_at: now.toISOString(),
    saved_by: savedBy,
  };
  await db.insertInto('document_template').values(row).execute();
  return { ...row, seq: 0 };
}

function baseQuery(db: Queryable, key: TemplateKey) {
  return db
    .selectFrom('document_template')
    .leftJoin('staff_user', 'staff_user.id', 'document_template.saved_by')
    .selectAll('document_template')
    .select('staff_user.display_name')
    .where('document_template.kind', '=', key.kind)
    .where('document_template.procedure_kind', '=', procedureColumn(key.procedureKind))
    .where('document_template.language', '=', key.language);
}

type Reviews = Map<string, TemplateReview>;

function toInfo(
  row: TemplateRow & { display_name: string | null },
  reviews: Reviews,
): TemplateVersionInfo {
  const template = parseBody(row);
  return {
    review: reviewFor(reviews, row),
    kind: row.kind as TemplateKind,
    procedureKind: row.procedure_kind === '' ? null : (row.procedure_kind as ProcedureKind),
    language: row.language,
    version: row.version,
    title: template.title,
    savedAt: row.saved_at,
    savedByName: row.display_name,
  };
}

function parseBody(row: TemplateRow): DocumentTemplate {
  // Stored bodies passed validation when saved; parsing again guards a hand-edited database.
  return validateTemplate(JSON.parse(row.body));
}

/** The latest version of every template key, consent kinds first. */
export async function listTemplates(db: Queryable, now: Date): Promise<TemplateVersionInfo[]> {
  await ensureDefaultTemplates(db, now);
  const rows = await db
    .selectFrom('document_template')
    .leftJoin('staff_user', 'staff_user.id', 'document_template.saved_by')
    .selectAll('document_template')
    .select('staff_user.display_name')
    .orderBy('document_template.kind', 'desc')
    .orderBy('document_template.procedure_kind')
    .orderBy('document_template.language')
    .orderBy('document_template.version', 'desc')
    .execute();
  const reviews = await reviewStates(db);
  const seen = new Set<string>();
  const latest: TemplateVersionInfo[] = [];
  for (const row of rows) {
    const key = `${row.kind}|${row.procedure_kind}|${row.language}`;
    if (seen.has(key)) continue;
    seen.add(key);
    latest.push(toInfo(row, reviews));
  }
  return latest;
}

export async function templateHistory(
  db: Queryable,
  key: TemplateKey,
  now: Date,
): Promise<TemplateVersionInfo[]> {
  await ensureDefaultTemplates(db, now);
  const rows = await baseQuery(db, key).orderBy('document_template.version', 'desc').execute();
  const reviews = await reviewStates(db);
  return rows.map((row) => toInfo(row, reviews));
}

export async function getTemplate(
  db: Queryable,
  key: TemplateKey & { version?: number | undefined },
  now: Date,
): Promise<{ info: TemplateVersionInfo; template: DocumentTemplate; id: string }> {
  await ensureDefaultTemplates(db, now);
  let query = baseQuery(db, key);
  query =
    key.version === undefined
      ? query.orderBy('document_template.version', 'desc')
      : query.where('document_template.version', '=', key.version);
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { key: 'errors.documents.noSuchVersion' });
  return { info: toInfo(row, await reviewStates(db)), template: parseBody(row), id: row.id };
}

/**
 * Saves a new version. Refuses a template with a missing required section or item or an unknown
 * placeholder (named in the message and next to the field), and a save based on a version that
 * is no longer the latest, so one admin never silently overwrites another's edit.
 */
export async function saveTemplate(
  db: Queryable,
  input: TemplateSaveInput,
  now: Date,
  savedBy: string,
): Promise<TemplateVersionInfo> {
  const { baseVersion, ...body } = input;
  const key = keyOf({ ...body, version: 1 });
  await ensureDefaultTemplates(db, now);
  const latest = await baseQuery(db, key)
    .orderBy('document_template.version', 'desc')
    .executeTakeFirst();
  const latestVersion = latest?.version ?? 0;
  if (baseVersion !== latestVersion && !(baseVersion === null && latestVersion === 0)) {
    throw new AppError(
      'CONFLICT',
      latestVersion === 0
        ? { key: 'errors.documents.noEarlierVersion' }
        : { key: 'errors.documents.versionSaved', params: { version: latestVersion } },
    );
  }
  const template = validateTemplate({ ...body, version: latestVersion + 1 });
  await insertVersion(db, template, now, savedBy);
  const saved = await baseQuery(db, key)
    .where('document_template.version', '=', template.version)
    .executeTakeFirstOrThrow();
  return toInfo(saved, await reviewStates(db));
}

/** The languages a template exists in for this key, the base language first. */
async function languagesFor(
  db: Queryable,
  kind: TemplateKind,
  procedureKind: ProcedureKind | null,
): Promise<string[]> {
  const rows = await db
    .selectFrom('document_template')
    .select('language')
    .distinct()
    .where('kind', '=', kind)
    .where('procedure_kind', '=', procedureColumn(procedureKind))
    .execute();
  return rows.map((r) => r.language);
}

/**
 * The language of the patient's preference that a template exists in, else English. The
 * preference is a code from the clinic's list ("tr"); an older record may still hold free text,
 * so "tr-TR", "Turkish" and "Türkçe" pick "tr" as well.
 */
export function pickLanguage(preferred: string, available: readonly string[]): string {
  const want = preferred.trim().toLowerCase();
  if (want !== '') {
    const exact = available.find((l) => l.toLowerCase() === want);
    if (exact) return exact;
    const base = want.split(/[-_]/)[0] ?? want;
    const byBase = available.find((l) => l.toLowerCase() === base);
    if (byBase) return byBase;
    for (const language of available) {
      if (languageNames(language).includes(want)) return language;
    }
  }
  return BASE_LANGUAGE;
}

function languageNames(tag: string): string[] {
  const names: string[] = [];
  for (const locale of ['en', tag]) {
    try {
      const name = new Intl.DisplayNames([locale], { type: 'language' }).of(tag);
      if (name) names.push(name.toLowerCase());
    } catch {
      // An unusual tag has no display name; matching by tag still works.
    }
  }
  return names;
}

export async function templateForConsent(
  db: Queryable,
  procedureKind: ProcedureKind,
  preferredLanguage: string,
  now: Date,
): Promise<StoredTemplate<ConsentTemplate>> {
  await ensureDefaultTemplates(db, now);
  const language = pickLanguage(
    preferredLanguage,
    await languagesFor(db, 'consent', procedureKind),
  );
  const found = await getTemplate(db, { kind: 'consent', procedureKind, language }, now);
  if (found.template.kind !== 'consent')
    throw new AppError('INTERNAL', { key: 'errors.documents.kindMismatch' });
  return { id: found.id, template: found.template };
}

export async function templateForAftercare(
  db: Queryable,
  preferredLanguage: string,
  now: Date,
): Promise<StoredTemplate<AftercareTemplate>> {
  await ensureDefaultTemplates(db, now);
  const language = pickLanguage(preferredLanguage, await languagesFor(db, 'aftercare', null));
  const found = await getTemplate(db, { kind: 'aftercare', procedureKind: null, language }, now);
  if (found.template.kind !== 'aftercare')
    throw new AppError('INTERNAL', { key: 'errors.documents.kindMismatch' });
  return { id: found.id, template: found.template };
}
