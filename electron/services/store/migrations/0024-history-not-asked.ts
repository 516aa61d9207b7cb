/**
 * Issue 19: every yes/no question of the medical history has three answers (yes, no, not asked).
 * History rows are never changed, so the answers already written stay as they were (true/false
 * from ticked and unticked boxes) and `answers_format` says how to read them: 1 for those, 2 for
 * answers written as 'yes' / 'no' / 'not-asked'. Adding the column with its default marks every
 * existing row as format 1 without updating it (the no-update trigger does not fire).
 */
export const historyNotAsked = `
ALTER TABLE medical_history_version ADD COLUMN answers_format INTEGER NOT NULL DEFAULT 1
  CHECK (answers_format IN (1, 2));
`;

/** The same step for the PostgreSQL store (one numbering for both). */
export const historyNotAskedPg = historyNotAsked;
