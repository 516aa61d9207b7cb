/**
 * Issue 19: an abandoned draft stays in the chart with who abandoned it, when and why. Drafts
 * abandoned before this step keep null in all three: nothing was asked then.
 */
export const sessionAbandonReason = `
ALTER TABLE treatment_session ADD COLUMN abandoned_at TEXT;
ALTER TABLE treatment_session ADD COLUMN abandoned_by TEXT;
ALTER TABLE treatment_session ADD COLUMN abandon_reason TEXT;
`;

export const sessionAbandonReasonPg = `
ALTER TABLE treatment_session ADD COLUMN abandoned_at TEXT;
ALTER TABLE treatment_session ADD COLUMN abandoned_by TEXT;
ALTER TABLE treatment_session ADD COLUMN abandon_reason TEXT;
`;
