import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';
import { settingSlot } from '../store/settings';
import { preparedQuery } from '../store/prepared';
import { serialise } from '../store/serialise';
import type { Selectable } from 'kysely';
import type { PatientRow as PatientTable } from '../store/schema';

type PatientRow = Selectable<PatientTable>;
import {
  clinicNumberScope,
  formatClinicNumber,
  patientDetailFields,
  patientSettingsDefaults,
  patientSettingsSchema,
  type ConsentKind,
  type Patient,
  type PatientChange,
  type PatientDetails,
  type PatientSettings,
  type Sex,
} from '../../../shared/api/patients';
import { phoneKey, searchTokens } from '../../../shared/patients/search-text';
import { AppError } from '../core/errors';
import { readSettings } from '../clinic/clinic-settings';
import { settingsDefaults } from '../../../shared/api/clinic';
import type { NameOrder } from '../../../shared/patients/person-name';
import { matchMedicineLine } from '../../../shared/screening';
import type { HistoryAnswers } from '../../../shared/api/history';
import { emailKey, findDuplicates, indexPatient } from './search';
import { insertConsentEvent } from '../consents/consents';

const settings = settingSlot<PatientSettings>(
  'patientRegister',
  patientSettingsSchema,
  patientSettingsDefaults,
);
export const readPatientSettings = settings.read;
export const writePatientSettings = settings.write;

/** The next free clinic number; the counter runs per scope, so a yearly format restarts at 1. */
async function nextClinicNumber(db: Queryable, now: Date): Promise<string> {
  const { clinicNumberFormat: format } = await readPatientSettings(db);
  // Two desks registering at once would otherwise both take the next number.
  await serialise(db, 'clinic-number');
  const scope = clinicNumberScope(format, now);
  const counter = await db
    .selectFrom('clinic_number_counter')
    .select('last')
    .where('scope', '=', scope)
    .executeTakeFirst();
  let seq = (counter?.last ?? 0) + 1;
  // A format changed back and forth can meet numbers already given out: skip past them.
  for (;;) {
    const candidate = formatClinicNumber(format, now, seq);
    const taken = await db
      .selectFrom('patient')
      .select('id')
      .where('clinic_number', '=', candidate)
      .executeTakeFirst();
    if (!taken) {
      await db
        .insertInto('clinic_number_counter')
        .values({ scope, last: seq })
        .onConflict((oc) => oc.column('scope').doUpdateSet({ last: seq }))
        .execute();
      return candidate;
    }
    seq += 1;
  }
}

export function toPatient(row: PatientRow): Patient {
  return {
    id: row.id,
    clinicNumber: row.clinic_number,
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex as Sex,
    phone: row.phone,
    email: row.email,
    address: row.address,
    preferredLanguage: row.preferred_language,
    nameOrder: (row.name_order as NameOrder | null) ?? null,
    emergencyContactName: row.emergency_contact_name,
    emergencyContactPhone: row.emergency_contact_phone,
    referralSource: row.referral_source,
    archived: row.archived === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Columns that follow from the details: stored text exactly as typed, plus folded keys. */
function detailColumns(d: PatientDetails) {
  return {
    given_name: d.givenName,
    family_name: d.familyName,
    date_of_birth: d.dateOfBirth,
    sex: d.sex,
    phone: d.phone,
    email: d.email,
    address: d.address,
    preferred_language: d.preferredLanguage,
    name_order: d.nameOrder ?? null,
    emergency_contact_name: d.emergencyContactName,
    emergency_contact_phone: d.emergencyContactPhone,
    referral_source: d.referralSource,
    sort_key: `${searchTokens(d.familyName).join(' ')}\u0001${searchTokens(d.givenName).join(' ')}`,
    phone_key: phoneKey(d.phone),
    email_key: emailKey(d.email),
  };
}

/** A preferred language must be one the clinic offers, so its documents can be printed in it. */
async function requireOfferedLanguage(db: Queryable, language: string): Promise<void> {
  if (language === '') return;
  const offered = (await readSettings(db))?.patientLanguages ?? settingsDefaults.patientLanguages;
  if (!offered.includes(language)) {
    throw new AppError(
      'VALIDATION',
      { key: 'errors.languageNotOffered' },
      {
        fields: {
          preferredLanguage: { key: 'errors.languageNotOfferedField', params: { language } },
        },
      },
    );
  }
}

const patientById = preparedQuery((db, id: string) =>
  db.selectFrom('patient').selectAll().where('id', '=', id),
);

export async function findPatientRow(db: Queryable, id: string): Promise<PatientRow> {
  const [row] = await patientById(db, id);
  if (!row) {
    throw new AppError('NOT_FOUND', { key: 'errors.noSuchPatient' });
  }
  return row;
}

export interface CreatePatientInput extends PatientDetails {
  consents: ConsentKind[];
  notDuplicateOf: string[];
}

export async function createPatient(
  db: Queryable,
  input: CreatePatientInput,
  actorId: string,
  now: Date,
): Promise<Patient> {
  await requireOfferedLanguage(db, input.preferredLanguage);
  const duplicates = await findDuplicates(db, input);
  const unconfirmed = duplicates.filter((d) => !input.notDuplicateOf.includes(d.id));
  if (unconfirmed.length > 0) {
    throw new AppError('CONFLICT', { key: 'errors.possibleDuplicate' });
  }
  const at = now.toISOString();
  const row: Omit<PatientRow, 'seq'> = {
    id: randomUUID(),
    clinic_number: await nextClinicNumber(db, now),
    ...detailColumns(input),
    archived: 0,
    created_at: at,
    created_by: actorId,
    updated_at: at,
  };
  const inserted = await db
    .insertInto('patient')
    .values(row)
    .returning('seq')
    .executeTakeFirstOrThrow();
  await indexPatient(db, inserted.seq, row);
  for (const kind of new Set(input.consents)) {
    await insertConsentEvent(
      db,
      { patientId: row.id, kind, decision: 'given', note: '' },
      actorId,
      now,
    );
  }
  return toPatient({ ...row, seq: inserted.seq });
}

/** Writes the new details and one change row per field that differs, with its previous value. */
export async function updatePatient(
  db: Queryable,
  input: PatientDetails & { id: string },
  actorId: string,
  now: Date,
): Promise<Patient> {
  const current = await findPatientRow(db, input.id);
  const before = toPatient(current);
  // A name order left out of the update stays as it was.
  input = {
    ...input,
    nameOrder: input.nameOrder === undefined ? before.nameOrder : input.nameOrder,
  };
  if (input.preferredLanguage !== before.preferredLanguage) {
    await requireOfferedLanguage(db, input.preferredLanguage);
  }
  const changed = patientDetailFields.filter((f) => before[f] !== input[f]);
  if (changed.length === 0) return before;
  const at = now.toISOString();
  for (const field of changed) {
    await db
      .insertInto('patient_change')
      .values({
        patient_id: current.id,
        changed_at: at,
        changed_by: actorId,
        field,
        old_value: before[field] ?? '',
        new_value: input[field] ?? '',
      })
      .execute();
  }
  const next: PatientRow = { ...current, ...detailColumns(input), updated_at: at };
  await db
    .updateTable('patient')
    .set({ ...detailColumns(input), updated_at: at })
    .where('id', '=', current.id)
    .execute();
  await indexPatient(db, current.seq, next);
  return toPatient(next);
}

export async function setArchived(
  db: Queryable,
  input: { id: string; archived: boolean; reason: string },
  actorId: string,
  now: Date,
): Promise<Patient> {
  const current = await findPatientRow(db, input.id);
  const value = input.archived ? 1 : 0;
  if (current.archived === value) return toPatient(current);
  const at = now.toISOString();
  const change = (field: string, oldValue: string, newValue: string) =>
    db
      .insertInto('patient_change')
      .values({
        patient_id: current.id,
        changed_at: at,
        changed_by: actorId,
        field,
        old_value: oldValue,
        new_value: newValue,
      })
      .execute();
  await change('archived', current.archived === 1 ? 'yes' : 'no', input.archived ? 'yes' : 'no');
  if (input.reason.trim()) await change('archiveReason', '', input.reason);
  await db
    .updateTable('patient')
    .set({ archived: value, updated_at: at })
    .where('id', '=', current.id)
    .execute();
  return toPatient({ ...current, archived: value, updated_at: at });
}

const changesOfPatient = preparedQuery((db, patientId: string) =>
  db
    .selectFrom('patient_change as c')
    .innerJoin('staff_user as s', 's.id', 'c.changed_by')
    .select(['c.changed_at', 's.display_name', 'c.field', 'c.old_value', 'c.new_value'])
    .where('c.patient_id', '=', patientId)
    .orderBy('c.seq', 'desc'),
);

/** The patient's register changes, newest first; the caller has found the patient. */
export async function listPatientChanges(db: Queryable, id: string): Promise<PatientChange[]> {
  const rows = await changesOfPatient(db, id);
  return rows.map((r) => ({
    at: r.changed_at,
    by: r.display_name,
    field: r.field,
    before: r.old_value,
    after: r.new_value,
  }));
}

/** The medicine lines the drug reference reads as a bleeding risk, for the alert strip. */
export function riskMedicineLines(answers: HistoryAnswers | null): string[] {
  return (answers?.medicines ?? [])
    .map((m) => m.text)
    .filter((text) => text.trim() !== '' && matchMedicineLine(text).status === 'risk');
}
