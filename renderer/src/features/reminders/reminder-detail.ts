import i18n from 'i18next';

/**
 * Why a reminder was not sent, as the log stores it: the service's English (the log is read by
 * tools and kept as written). The reasons Mesochart itself gives are catalogue texts, so the
 * screens show them in their reader's language by matching the stored English; anything else (a
 * mail server's own words) is shown as it came.
 */
const OWN_REASONS = [
  'errors.reminders.noConsent.any',
  'errors.reminders.noConsent.email',
  'errors.reminders.noConsent.sms',
  'errors.reminders.noAddress.email',
  'errors.reminders.noAddress.sms',
] as const;

export function reminderDetailText(detail: string): string {
  const key = OWN_REASONS.find((k) => i18n.t(k, { lng: 'en' }) === detail);
  return key ? i18n.t(key) : detail;
}
