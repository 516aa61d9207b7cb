import type { Queryable } from '../store/db';
import type { TemplateKey, TemplateReview } from '../../../shared/api/documents';
import { AppError } from '../core/errors';

/**
 * Translations of clinical text are marked for the clinic's review until an admin confirms
 * them. A template needs review when it is a built-in translation: its first version came with
 * Mesochart (saved by no one) in a language other than English. A language the clinic wrote
 * itself is its own text and needs none. Once an admin has confirmed a version, the template is
 * the clinic's: later edits are the clinic's own words.
 */
export const reviewNotNeeded: TemplateReview = {
  state: 'not-needed',
  confirmedVersion: null,
  confirmedByName: null,
  confirmedAt: null,
};

const keyString = (kind: string, procedureKind: string, language: string) =>
  `${kind}|${procedureKind}|${language}`;

/** The review state of every template key, by `kind|procedure_kind|language`. */
export async function reviewStates(db: Queryable): Promise<Map<string, TemplateReview>> {
  const firsts = await db
    .selectFrom('document_template')
    .select(['kind', 'procedure_kind', 'language', 'saved_by'])
    .where('version', '=', 1)
    .execute();
  const states = new Map<string, TemplateReview>();
  for (const row of firsts) {
    // English is the language the built-in templates are written in, not a translation.
    if (row.language === 'en' || row.saved_by !== null) continue;
    states.set(keyString(row.kind, row.procedure_kind, row.language), {
      ...reviewNotNeeded,
      state: 'pending',
    });
  }
  const confirmations = await db
    .selectFrom('document_template_review as r')
    .innerJoin('document_template as t', 't.id', 'r.template_id')
    .leftJoin('staff_user as s', 's.id', 'r.confirmed_by')
    .select(['t.kind', 't.procedure_kind', 't.language', 't.version', 'r.confirmed_at'])
    .select('s.display_name')
    .orderBy('r.seq')
    .execute();
  for (const c of confirmations) {
    states.set(keyString(c.kind, c.procedure_kind, c.language), {
      state: 'confirmed',
      confirmedVersion: c.version,
      confirmedByName: c.display_name,
      confirmedAt: c.confirmed_at,
    });
  }
  return states;
}

export function reviewFor(
  states: Map<string, TemplateReview>,
  row: { kind: string; procedure_kind: string; language: string },
): TemplateReview {
  return states.get(keyString(row.kind, row.procedure_kind, row.language)) ?? reviewNotNeeded;
}

/**
 * Records that an admin read version `version` of a translation awaiting review and confirms
 * it. Refused when the version read is no longer the latest (someone saved meanwhile), and for
 * a template that is not awaiting review.
 */
export async function confirmTranslation(
  db: Queryable,
  key: TemplateKey & { version: number },
  now: Date,
  confirmedBy: string,
): Promise<void> {
  const procedureKind = key.procedureKind ?? '';
  const latest = await db
    .selectFrom('document_template')
    .select(['id', 'version'])
    .where('kind', '=', key.kind)
    .where('procedure_kind', '=', procedureKind)
    .where('language', '=', key.language)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!latest) throw new AppError('NOT_FOUND', { key: 'errors.documents.noSuchTemplate' });
  const review = reviewFor(await reviewStates(db), {
    kind: key.kind,
    procedure_kind: procedureKind,
    language: key.language,
  });
  if (review.state === 'not-needed') {
    throw new AppError('CONFLICT', { key: 'errors.documents.notAwaitingReview' });
  }
  if (review.state === 'confirmed') {
    throw new AppError('CONFLICT', { key: 'errors.documents.translationConfirmed' });
  }
  if (latest.version !== key.version) {
    throw new AppError('CONFLICT', {
      key: 'errors.documents.reviewVersionSaved',
      params: { version: latest.version },
    });
  }
  await db
    .insertInto('document_template_review')
    .values({ template_id: latest.id, confirmed_by: confirmedBy, confirmed_at: now.toISOString() })
    .execute();
}
