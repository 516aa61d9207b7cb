/**
 * The audit chain covers clinical content and its head is sealed. An event of a signed record
 * carries a keyed hash of what was signed (`content_hash`, part of the event's own link hash), so
 * a note changed after signing no longer matches; the head carries a MAC of its position, so
 * events deleted from the end cannot be hidden by moving the head back. Heads written before
 * this step are sealed by the app right after it runs (the key is not in the database).
 */
export const auditSeal = `
ALTER TABLE audit_event ADD COLUMN content_hash TEXT;
ALTER TABLE audit_head ADD COLUMN mac TEXT;
`;
