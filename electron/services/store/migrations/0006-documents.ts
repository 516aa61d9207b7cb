/**
 * Document templates (every save a new version), the archive of generated PDFs, consent
 * signatures, paper confirmations and withdrawals.
 *
 * Nothing here is ever deleted. A document row may move from 'generated' to a signed state once,
 * taking the signed file's path and hash; from then on its file, hash and identity are frozen by
 * the database, so a bug or a hand-edited file cannot swap the PDF a patient signed. Signatures,
 * confirmations and withdrawals are append-only.
 *
 * `session_id` has no foreign key on purpose: sessions are their own domain and the archive keeps
 * a document readable whatever happens to the tables it was made from.
 */
function appendOnly(table: string, what: string): string {
  return `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN
  SELECT RAISE(ABORT, '${what} are never changed');
END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN
  SELECT RAISE(ABORT, '${what} are never deleted');
END;`;
}

export const documents = `
CREATE TABLE document_template (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('consent', 'aftercare')),
  -- '' for the aftercare template, which serves every procedure kind.
  procedure_kind TEXT NOT NULL,
  language TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  body TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  -- NULL for the built-in default stored as version 1.
  saved_by TEXT REFERENCES staff_user (id),
  UNIQUE (kind, procedure_kind, language, version)
) STRICT;
${appendOnly('document_template', 'template versions')}

CREATE TABLE document (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  patient_id TEXT NOT NULL REFERENCES patient (id),
  kind TEXT NOT NULL CHECK (kind IN ('consent', 'aftercare', 'session-summary',
    'photo-comparison')),
  procedure_kind TEXT,
  session_id TEXT,
  template_id TEXT REFERENCES document_template (id),
  template_version INTEGER,
  language TEXT NOT NULL,
  page_size TEXT NOT NULL CHECK (page_size IN ('A4', 'LETTER')),
  -- The data the PDF was drawn from, so a signed copy is the same document plus signatures.
  render_data TEXT NOT NULL,
  -- Relative to <dataDir>/documents, '/'-separated.
  file_path TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size > 0),
  page_count INTEGER NOT NULL CHECK (page_count > 0),
  -- The hash of the file first generated; stays when a signed copy replaces it.
  generated_sha256 TEXT NOT NULL,
  generated_at TEXT NOT NULL,
  generated_by TEXT NOT NULL REFERENCES staff_user (id),
  status TEXT NOT NULL CHECK (status IN ('generated', 'signed', 'signed-on-paper', 'superseded',
    'withdrawn')),
  status_changed_at TEXT NOT NULL
) STRICT;

CREATE INDEX document_patient ON document (patient_id, generated_at, seq);
CREATE INDEX document_session ON document (session_id);

CREATE TRIGGER document_no_delete BEFORE DELETE ON document
BEGIN
  SELECT RAISE(ABORT, 'documents are never deleted');
END;

CREATE TRIGGER document_identity_fixed BEFORE UPDATE ON document
WHEN NEW.id IS NOT OLD.id OR NEW.patient_id IS NOT OLD.patient_id OR NEW.kind IS NOT OLD.kind
  OR NEW.procedure_kind IS NOT OLD.procedure_kind OR NEW.session_id IS NOT OLD.session_id
  OR NEW.template_id IS NOT OLD.template_id OR NEW.template_version IS NOT OLD.template_version
  OR NEW.generated_sha256 IS NOT OLD.generated_sha256 OR NEW.generated_at IS NOT OLD.generated_at
  OR NEW.generated_by IS NOT OLD.generated_by
BEGIN
  SELECT RAISE(ABORT, 'what a document is and who made it never changes');
END;

CREATE TRIGGER document_signed_file_frozen BEFORE UPDATE ON document
WHEN OLD.status <> 'generated' AND (NEW.sha256 IS NOT OLD.sha256
  OR NEW.file_path IS NOT OLD.file_path OR NEW.size IS NOT OLD.size
  OR NEW.page_count IS NOT OLD.page_count OR NEW.render_data IS NOT OLD.render_data
  OR NEW.language IS NOT OLD.language OR NEW.page_size IS NOT OLD.page_size)
BEGIN
  SELECT RAISE(ABORT, 'a signed document is never changed');
END;

-- Signed -> superseded or withdrawn; nothing goes back to unsigned, nothing leaves an end state.
CREATE TRIGGER document_status_forward BEFORE UPDATE OF status ON document
WHEN NEW.status IS NOT OLD.status AND NOT (
  (OLD.status = 'generated' AND NEW.status IN ('signed', 'signed-on-paper', 'superseded'))
  OR (OLD.status IN ('signed', 'signed-on-paper') AND NEW.status IN ('superseded', 'withdrawn')))
BEGIN
  SELECT RAISE(ABORT, 'this document status change is not allowed');
END;

CREATE TABLE consent_signature (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL REFERENCES document (id),
  signer_role TEXT NOT NULL CHECK (signer_role IN ('patient', 'practitioner')),
  signer_name TEXT NOT NULL,
  image_png BLOB NOT NULL,
  image_sha256 TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  -- The hash of the signed PDF this signature belongs to: another file means another document.
  document_sha256 TEXT NOT NULL CHECK (length(document_sha256) = 64),
  recorded_by TEXT NOT NULL REFERENCES staff_user (id),
  UNIQUE (document_id, signer_role)
) STRICT;
${appendOnly('consent_signature', 'signatures')}

CREATE TABLE consent_paper_confirmation (
  seq INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL UNIQUE REFERENCES document (id),
  confirmed_by TEXT NOT NULL REFERENCES staff_user (id),
  confirmed_at TEXT NOT NULL,
  note TEXT NOT NULL
) STRICT;
${appendOnly('consent_paper_confirmation', 'paper confirmations')}

CREATE TABLE consent_withdrawal (
  seq INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL UNIQUE REFERENCES document (id),
  withdrawn_by TEXT NOT NULL REFERENCES staff_user (id),
  withdrawn_at TEXT NOT NULL,
  reason TEXT NOT NULL
) STRICT;
${appendOnly('consent_withdrawal', 'withdrawals')}
`;
