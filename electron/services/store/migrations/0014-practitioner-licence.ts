/**
 * Issue 19: a practitioner's licence or registration number, printed beside their name on the
 * consent and the session summary. Null until entered: not every account belongs to a
 * registered practitioner (receptionists, admins).
 */
export const practitionerLicence = `
ALTER TABLE staff_user ADD COLUMN licence_number TEXT;
`;

export const practitionerLicencePg = `
ALTER TABLE staff_user ADD COLUMN licence_number TEXT;
`;
