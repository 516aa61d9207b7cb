import type { Resource } from 'i18next';
import type { ShippedLanguage } from '../../../shared/documents/languages';
import en from './en.json';
import enTreatments from './en-treatments.json';
import enPhotos from './en-photos.json';
import enDocuments from './en-documents.json';
import enScreening from './en-screening.json';
import enBackup from './en-backup.json';
import enAppointments from './en-appointments.json';
import enReminders from './en-reminders.json';
import enAudit from './en-audit.json';
import enKeys from './en-keys.json';
import enLanguages from './en-languages.json';
import enRoles from './en-roles.json';
import enServer from './en-server.json';
import enErrors from './en-errors.json';
import enFindings from './en-findings.json';
import enValidation from './en-validation.json';
import fr from './fr.json';
import frTreatments from './fr-treatments.json';
import frPhotos from './fr-photos.json';
import frDocuments from './fr-documents.json';
import frScreening from './fr-screening.json';
import frBackup from './fr-backup.json';
import frAppointments from './fr-appointments.json';
import frReminders from './fr-reminders.json';
import frAudit from './fr-audit.json';
import frKeys from './fr-keys.json';
import frLanguages from './fr-languages.json';
import frRoles from './fr-roles.json';
import frServer from './fr-server.json';
import frErrors from './fr-errors.json';
import frFindings from './fr-findings.json';
import frValidation from './fr-validation.json';
import tr from './tr.json';
import trTreatments from './tr-treatments.json';
import trPhotos from './tr-photos.json';
import trDocuments from './tr-documents.json';
import trScreening from './tr-screening.json';
import trBackup from './tr-backup.json';
import trAppointments from './tr-appointments.json';
import trReminders from './tr-reminders.json';
import trAudit from './tr-audit.json';
import trKeys from './tr-keys.json';
import trLanguages from './tr-languages.json';
import trRoles from './tr-roles.json';
import trServer from './tr-server.json';
import trErrors from './tr-errors.json';
import trFindings from './tr-findings.json';
import trValidation from './tr-validation.json';
import ar from './ar.json';
import arTreatments from './ar-treatments.json';
import arPhotos from './ar-photos.json';
import arDocuments from './ar-documents.json';
import arScreening from './ar-screening.json';
import arBackup from './ar-backup.json';
import arAppointments from './ar-appointments.json';
import arReminders from './ar-reminders.json';
import arAudit from './ar-audit.json';
import arKeys from './ar-keys.json';
import arLanguages from './ar-languages.json';
import arRoles from './ar-roles.json';
import arServer from './ar-server.json';
import arErrors from './ar-errors.json';
import arFindings from './ar-findings.json';
import arValidation from './ar-validation.json';

// One catalogue per language and area of the app, merged by top-level key, so areas can grow
// independently; every language mirrors the English files (a unit test holds them to it).
const merged = (...areas: object[]) => ({ translation: Object.assign({}, ...areas) as object });

export const resources = {
  en: merged(
    en,
    enTreatments,
    enPhotos,
    enDocuments,
    enScreening,
    enBackup,
    enAppointments,
    enReminders,
    enAudit,
    enKeys,
    enLanguages,
    enRoles,
    enServer,
    enErrors,
    enFindings,
    enValidation,
  ),
  fr: merged(
    fr,
    frTreatments,
    frPhotos,
    frDocuments,
    frScreening,
    frBackup,
    frAppointments,
    frReminders,
    frAudit,
    frKeys,
    frLanguages,
    frRoles,
    frServer,
    frErrors,
    frFindings,
    frValidation,
  ),
  tr: merged(
    tr,
    trTreatments,
    trPhotos,
    trDocuments,
    trScreening,
    trBackup,
    trAppointments,
    trReminders,
    trAudit,
    trKeys,
    trLanguages,
    trRoles,
    trServer,
    trErrors,
    trFindings,
    trValidation,
  ),
  ar: merged(
    ar,
    arTreatments,
    arPhotos,
    arDocuments,
    arScreening,
    arBackup,
    arAppointments,
    arReminders,
    arAudit,
    arKeys,
    arLanguages,
    arRoles,
    arServer,
    arErrors,
    arFindings,
    arValidation,
  ),
} satisfies Record<ShippedLanguage, unknown> & Resource;
