import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
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

// One catalogue per area of the app, merged by top-level key, so areas can grow independently.
void i18n.use(initReactI18next).init({
  resources: {
    en: {
      translation: {
        ...en,
        ...enTreatments,
        ...enPhotos,
        ...enDocuments,
        ...enScreening,
        ...enBackup,
        ...enAppointments,
        ...enReminders,
        ...enAudit,
        ...enKeys,
      },
    },
  },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
