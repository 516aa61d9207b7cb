import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from 'i18next';
import type { SessionState } from '../../../shared/api/auth';
import { isRightToLeftLanguage } from '../../../shared/documents/languages';

/**
 * The locale dates, times and numbers are written in: the screens' language. Arabic keeps Latin
 * digits (as in the Maghreb and on most clinical forms): doses and volumes are typed with them,
 * and the same volume shown in two digit sets on one screen invites a misreading.
 */
export function uiLocale(language: string = i18n.language): string {
  return language === 'ar' ? 'ar-u-nu-latn' : language;
}

/**
 * A value set inside a sentence in its own direction (Unicode first-strong isolate): a Latin
 * name next to an Arabic date no longer pulls the date's digits into its run ("Inès Moreau، 02"
 * split "02/12/2026" on the session screen).
 */
export function isolated(value: string): string {
  return `\u2068${value}\u2069`;
}

/**
 * The language the session's screens are read in: the person's own choice, else the clinic's.
 * While the tablet is with a patient, it is the patient's (the main process decides which).
 */
export function sessionLanguage(state: SessionState | undefined): string {
  if (state?.patientMode) return state.patientMode.language;
  return state?.user?.uiLanguage ?? state?.clinicLanguage ?? 'en';
}

/**
 * Switches the screens to a language while the app runs: the catalogue, the document's `lang`
 * and `dir` (so the browser lays text out and screen readers pronounce it correctly), and
 * Mantine's direction, which mirrors its components' layout for Arabic.
 */
export function useUiLanguage(language: string): void {
  const { i18n: instance } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    const dir = isRightToLeftLanguage(language) ? 'rtl' : 'ltr';
    document.documentElement.lang = language;
    document.documentElement.dir = dir;
    setDirection(dir);
    if (instance.language !== language) void instance.changeLanguage(language);
  }, [language, instance, setDirection]);
}
