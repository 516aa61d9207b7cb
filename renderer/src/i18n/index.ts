import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './resources';
import { wordFieldMessagesInScreensLanguage } from '../lib/field-text';

// English until the session says which language the clinic or the signed-in person chose
// (lib/ui-language.ts switches it, without a restart). A key missing in a translation falls back
// to English, though the catalogue test keeps every language complete.
void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: Object.keys(resources),
  interpolation: { escapeValue: false },
  returnNull: false,
});

// The schemas' field messages follow the screens' language too (lib/field-text.ts).
wordFieldMessagesInScreensLanguage();

export default i18n;
