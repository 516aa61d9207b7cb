import { foundation } from './0001-foundation';
import type { MigrationStep } from './postgres';
import { patients } from './0002-patients';
import { screening } from './0003-screening';
import { treatments } from './0004-treatments';
import { photos } from './0005-photos';
import { documents } from './0006-documents';
import { sessionSafety } from './0007-session-safety';
import { appointments } from './0008-appointments';
import { auditSeal } from './0009-audit-seal';
import { encryptedFiles, encryptedFilesPg } from './0011-encrypted-files';
import { reminders, remindersPg } from './0013-reminders';
import { practitionerLicence, practitionerLicencePg } from './0014-practitioner-licence';
import { personalSignatures } from './0012-personal-signatures';
import { sessionCocktails, sessionCocktailsPg } from './0015-session-cocktails';
import { nameOrder, nameOrderPg } from './0018-name-order';
import { photoDates, photoDatesPg } from './0020-photo-dates';
import { templateReview, templateReviewPg } from './0021-template-review';
import { staffLanguage, staffLanguagePg } from './0022-staff-language';
import { clinicBlobs, clinicBlobsPg } from './0023-clinic-blobs';
import { historyNotAsked, historyNotAskedPg } from './0024-history-not-asked';
import { adverseEventAreas, adverseEventAreasPg } from './0025-adverse-event-areas';
import { consentPatientPart, consentPatientPartPg } from './0029-consent-patient-part';
import { sessionAbandonReason, sessionAbandonReasonPg } from './0031-session-abandon-reason';

/**
 * Numbered steps, applied in order and tracked with `PRAGMA user_version` on SQLite and the
 * `schema_version` table on PostgreSQL: one numbering for both stores. Each step's `sql` is
 * SQLite's; `pg` is its PostgreSQL variant (steps 1–9 and 12 keep theirs in postgres.ts). Steps
 * only add: clinical data is never dropped. Append new steps; never edit a released one.
 */
export const migrations: readonly MigrationStep[] = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 2, name: 'patients', sql: patients },
  { version: 3, name: 'screening', sql: screening },
  { version: 4, name: 'treatments', sql: treatments },
  { version: 5, name: 'photos', sql: photos },
  { version: 6, name: 'documents', sql: documents },
  { version: 7, name: 'session-safety', sql: sessionSafety },
  { version: 8, name: 'appointments', sql: appointments },
  { version: 9, name: 'audit-seal', sql: auditSeal },
  { version: 11, name: 'encrypted-files', sql: encryptedFiles, pg: encryptedFilesPg },
  { version: 12, name: 'personal-signatures', sql: personalSignatures },
  { version: 13, name: 'reminders', sql: reminders, pg: remindersPg },
  {
    version: 14,
    name: 'practitioner-licence',
    sql: practitionerLicence,
    pg: practitionerLicencePg,
  },
  { version: 15, name: 'session-cocktails', sql: sessionCocktails, pg: sessionCocktailsPg },
  { version: 18, name: 'name-order', sql: nameOrder, pg: nameOrderPg },
  { version: 20, name: 'photo-dates', sql: photoDates, pg: photoDatesPg },
  { version: 21, name: 'template-review', sql: templateReview, pg: templateReviewPg },
  { version: 22, name: 'staff-language', sql: staffLanguage, pg: staffLanguagePg },
  { version: 23, name: 'clinic-blobs', sql: clinicBlobs, pg: clinicBlobsPg },
  { version: 24, name: 'history-not-asked', sql: historyNotAsked, pg: historyNotAskedPg },
  {
    version: 25,
    name: 'adverse-event-areas',
    sql: adverseEventAreas,
    pg: adverseEventAreasPg,
  },
  {
    version: 29,
    name: 'consent-patient-part',
    sql: consentPatientPart,
    pg: consentPatientPartPg,
  },
  {
    version: 31,
    name: 'session-abandon-reason',
    sql: sessionAbandonReason,
    pg: sessionAbandonReasonPg,
  },
];

export const LATEST_SCHEMA_VERSION = Math.max(...migrations.map((m) => m.version));
