/**
 * Issue 18: each member of staff may read the screens in their own language (en, fr, tr, ar).
 * Null follows the clinic's default, so every existing account keeps what it sees today.
 */
export const staffLanguage = `
ALTER TABLE staff_user ADD COLUMN ui_language TEXT;
`;

export const staffLanguagePg = `
ALTER TABLE staff_user ADD COLUMN ui_language TEXT;
`;
