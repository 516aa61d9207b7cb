import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';
import { constants } from 'node:fs';
import { open, readdir, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Selectable } from 'kysely';
import type { DocumentRow } from '../store/schema';
import type {
  ArchivedDocumentInfo,
  DocumentKind,
  DocumentStatus,
  FileCheck,
  SignatureCheck,
  SignerProof,
} from '../../../shared/api/documents';
import type { signerRoles } from '../../../shared/api/documents';
import { isSignedLate, treatmentDateOf } from './late-consent';
import type { PageSize } from '../../../shared/documents/document-data';
import type { ProcedureKind } from '../../../shared/documents/procedure-kinds';
import type { RenderedDocument } from './render';
import { AppError } from '../core/errors';
import { checkExportTarget } from '../core/export-path';
import { vaultOf } from '../vault/file-vault';
import { SealedFileError } from '../vault/file-cipher';
import { writeFileAtomic } from '../photos/files/atomic-file';

export type StoredDocumentRow = Selectable<DocumentRow>;

/**
 * Archived PDFs live under <dataDir>/documents/<patient id>/<name>.pdf.enc, encrypted by the
 * clinic's file vault and named by a keyed hash of their content (<sha256>.pdf when the clinic
 * has no data key). The record keeps the SHA-256 of the plain PDF, which signatures are bound to.
 */
const DOCUMENTS_DIR = 'documents';
/** Plain copies handed to the system viewer; hidden (never backed up), removed at start and close. */
export const VIEWING_DIR = '.viewing';
const safeSegment = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function documentsRoot(dataDir: string): string {
  return path.join(dataDir, DOCUMENTS_DIR);
}

export function absoluteDocumentPath(dataDir: string, relative: string): string {
  const root = documentsRoot(dataDir);
  const full = path.resolve(root, ...relative.split('/'));
  // The stored path is ours, but a hand-edited database must not point the viewer elsewhere.
  if (!full.startsWith(root + path.sep)) {
    throw new AppError('INTERNAL', { key: 'errors.documents.outsideFolder' });
  }
  return full;
}

/** The vault key of a path the document table records (relative to the documents folder). */
export function documentKey(relative: string): string {
  return `${DOCUMENTS_DIR}/${relative}`;
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The archived file's plain bytes if they still have the recorded hash; 'missing' or 'changed'
 * otherwise (a file that fails authentication, or was sealed under another key, is changed).
 */
async function readArchived(
  dataDir: string,
  row: Pick<StoredDocumentRow, 'file_path' | 'sha256'>,
): Promise<Buffer | 'missing' | 'changed'> {
  let bytes: Buffer;
  try {
    bytes = await vaultOf(dataDir).read(documentKey(row.file_path));
  } catch (error) {
    if (error instanceof SealedFileError) return error.reason === 'missing' ? 'missing' : 'changed';
    throw error;
  }
  return sha256Of(bytes) === row.sha256 ? bytes : 'changed';
}

/** Archives `bytes` in `folder` of the documents archive; returns the relative path and hash. */
export async function archiveBytes(
  dataDir: string,
  folder: string,
  bytes: Uint8Array,
): Promise<{ filePath: string; sha256: string; size: number }> {
  if (!safeSegment.test(folder)) {
    throw new AppError('VALIDATION', { key: 'errors.documents.badPatientId' });
  }
  if (bytes.length === 0) throw new AppError('INTERNAL', { key: 'errors.documents.empty' });
  const vault = vaultOf(dataDir);
  const filePath = `${folder}/${await vault.nameOf(bytes)}.pdf${vault.suffix}`;
  try {
    await vault.write(documentKey(filePath), bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '?';
    throw new AppError('INTERNAL', { key: 'errors.documents.notArchived', params: { code } });
  }
  return { filePath, sha256: sha256Of(bytes), size: bytes.length };
}

/** Writes the rendered bytes into the patient's folder; returns the relative path and hash. */
export function archiveFile(
  dataDir: string,
  patientId: string,
  rendered: RenderedDocument,
): Promise<{ filePath: string; sha256: string; size: number }> {
  return archiveBytes(dataDir, patientId, rendered.bytes);
}

export interface NewDocument {
  patientId: string;
  kind: DocumentKind;
  procedureKind: ProcedureKind | null;
  sessionId: string | null;
  templateId: string | null;
  templateVersion: number | null;
  language: string;
  pageSize: PageSize;
  renderData: unknown;
  pageCount: number;
  file: { filePath: string; sha256: string; size: number };
  generatedAt: string;
  generatedBy: string;
  documentId?: string;
}

export async function insertDocument(db: Queryable, doc: NewDocument): Promise<string> {
  const id = doc.documentId ?? randomUUID();
  await db
    .insertInto('document')
    .values({
      id,
      patient_id: doc.patientId,
      kind: doc.kind,
      procedure_kind: doc.procedureKind,
      session_id: doc.sessionId,
      template_id: doc.templateId,
      template_version: doc.templateVersion,
      language: doc.language,
      page_size: doc.pageSize,
      render_data: JSON.stringify(doc.renderData),
      file_path: doc.file.filePath,
      sha256: doc.file.sha256,
      size: doc.file.size,
      page_count: doc.pageCount,
      generated_sha256: doc.file.sha256,
      generated_at: doc.generatedAt,
      generated_by: doc.generatedBy,
      status: 'generated',
      status_changed_at: doc.generatedAt,
    })
    .execute();
  return id;
}

export async function requireDocument(db: Queryable, id: string): Promise<StoredDocumentRow> {
  const row = await db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { key: 'errors.documents.notFound' });
  return row;
}

export async function fileCheckOf(dataDir: string, row: StoredDocumentRow): Promise<FileCheck> {
  const read = await readArchived(dataDir, row);
  return typeof read === 'string' ? read : 'ok';
}

/**
 * On-screen signatures are valid only while both are bound to the document's recorded hash and
 * the file on disk still has it: a re-rendered or edited file is another document.
 */
export function signatureCheckOf(
  row: Pick<StoredDocumentRow, 'sha256'>,
  signatures: readonly { document_sha256: string }[],
  fileCheck: FileCheck,
): SignatureCheck {
  if (signatures.length === 0) return 'none';
  const bound = signatures.every((s) => s.document_sha256 === row.sha256);
  return bound && signatures.length === 2 && fileCheck === 'ok' ? 'valid' : 'invalid';
}

/** The parts of any document's stored render data the list shows. */
interface RenderSummary {
  title?: string;
  data?: {
    products?: { name: string }[];
    practitioner?: { fullName: string };
    session?: { practitioner?: { fullName: string }; products?: { name: string }[] };
  };
}

/** The archive's view of its documents, each with its file and signatures checked now. */
export async function describeDocuments(
  db: Queryable,
  dataDir: string,
  rows: readonly StoredDocumentRow[],
): Promise<ArchivedDocumentInfo[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const signatures = await db
    .selectFrom('consent_signature')
    .select([
      'document_id',
      'document_sha256',
      'signed_at',
      'signer_role',
      'signer_name',
      'proven_by',
    ])
    .orderBy('seq')
    .where('document_id', 'in', ids)
    .execute();
  const paper = await db
    .selectFrom('consent_paper_confirmation')
    .innerJoin('staff_user', 'staff_user.id', 'consent_paper_confirmation.confirmed_by')
    .select(['document_id', 'confirmed_at', 'staff_user.display_name'])
    .where('document_id', 'in', ids)
    .execute();
  const witnesses = await db
    .selectFrom('consent_witness')
    .select(['document_id', 'witness_name'])
    .where('document_id', 'in', ids)
    .execute();
  const withdrawals = await db
    .selectFrom('consent_withdrawal')
    .select(['document_id', 'reason'])
    .where('document_id', 'in', ids)
    .execute();
  const patientParts = await db
    .selectFrom('consent_patient_part')
    .select(['document_id', 'signed_at'])
    .where('document_id', 'in', ids)
    .execute();
  const staff = await db.selectFrom('staff_user').select(['id', 'display_name']).execute();
  const staffName = new Map(staff.map((s) => [s.id, s.display_name]));

  const out: ArchivedDocumentInfo[] = [];
  for (const row of rows) {
    const own = signatures.filter((s) => s.document_id === row.id);
    const onPaper = paper.find((p) => p.document_id === row.id);
    const fileCheck = await fileCheckOf(dataDir, row);
    const summary = JSON.parse(row.render_data) as RenderSummary;
    const data = summary.data ?? {};
    out.push({
      id: row.id,
      patientId: row.patient_id,
      kind: row.kind as DocumentKind,
      procedureKind: row.procedure_kind as ProcedureKind | null,
      sessionId: row.session_id,
      title: summary.title ?? '',
      templateVersion: row.template_version,
      language: row.language,
      pageSize: row.page_size as PageSize,
      pageCount: row.page_count,
      size: row.size,
      sha256: row.sha256,
      generatedAt: row.generated_at,
      generatedByName: staffName.get(row.generated_by) ?? '',
      status: row.status as DocumentStatus,
      statusChangedAt: row.status_changed_at,
      products: (data.products ?? data.session?.products ?? []).map((p) => p.name),
      practitionerName: data.practitioner?.fullName ?? data.session?.practitioner?.fullName ?? null,
      fileCheck,
      signatureCheck: signatureCheckOf(row, own, fileCheck),
      // Complete with the last signature (the patient may have signed earlier, on the tablet).
      signedAt: own.at(-1)?.signed_at ?? onPaper?.confirmed_at ?? null,
      paperConfirmedByName: onPaper?.display_name ?? null,
      patientSignedAt: patientParts.find((p) => p.document_id === row.id)?.signed_at ?? null,
      withdrawnReason: withdrawals.find((w) => w.document_id === row.id)?.reason ?? null,
      ...signingFacts(
        row,
        own,
        witnesses.find((w) => w.document_id === row.id)?.witness_name ?? null,
        onPaper?.confirmed_at ?? null,
      ),
    });
  }
  return out;
}

type SignerRole = (typeof signerRoles)[number];

/** When, against its treatment date, and by whom in which capacity a consent was signed. */
function signingFacts(
  row: StoredDocumentRow,
  own: readonly {
    signed_at: string;
    signer_role: string;
    signer_name: string;
    proven_by: string | null;
  }[],
  witness: string | null,
  paperAt: string | null,
) {
  const treatmentDate = treatmentDateOf(row);
  return {
    treatmentDate,
    signedAfterTreatment: isSignedLate(treatmentDate, own.at(-1)?.signed_at ?? paperAt),
    signers: [
      ...own.map((s) => ({
        role: s.signer_role as SignerRole,
        name: s.signer_name,
        provenBy: s.proven_by as SignerProof | null,
      })),
      // The witness signs in person, as the one signed in.
      ...(witness
        ? [{ role: 'witness' as const, name: witness, provenBy: 'signed-in' as const }]
        : []),
    ],
  };
}

export async function listDocuments(
  db: Queryable,
  dataDir: string,
  patientId: string,
): Promise<ArchivedDocumentInfo[]> {
  const rows = await db
    .selectFrom('document')
    .selectAll()
    .where('patient_id', '=', patientId)
    .orderBy('generated_at', 'desc')
    .orderBy('seq', 'desc')
    .execute();
  return describeDocuments(db, dataDir, rows);
}

export async function describeDocument(
  db: Queryable,
  dataDir: string,
  id: string,
): Promise<ArchivedDocumentInfo> {
  const [info] = await describeDocuments(db, dataDir, [await requireDocument(db, id)]);
  if (!info) throw new AppError('NOT_FOUND', { key: 'errors.documents.notFound' });
  return info;
}

/** A readable file name for a copy: kind, date and the first characters of the document id. */
export function copyFileName(row: StoredDocumentRow): string {
  const date = row.generated_at.slice(0, 10);
  const kind = row.procedure_kind ? `${row.kind}-${row.procedure_kind}` : row.kind;
  return `${kind}-${date}-${row.id.slice(0, 8)}.pdf`;
}

/** The archived file's plain bytes, checked against the recorded hash, or a refusal. */
async function checkedBytes(dataDir: string, row: StoredDocumentRow): Promise<Buffer> {
  const read = await readArchived(dataDir, row);
  if (typeof read !== 'string') return read;
  throw new AppError('CONFLICT', {
    key: read === 'missing' ? 'errors.documents.fileMissing' : 'errors.documents.fileChanged',
  });
}

/**
 * A plain copy of an archived PDF for the system viewer, which cannot read the encrypted file:
 * under documents/.viewing (owner-only, never backed up), removed when the app starts and quits.
 * A clinic without a data key opens the archived file itself.
 */
export async function viewingPath(
  dataDir: string,
  filePath: string,
  bytes: Uint8Array,
  fileName: string,
): Promise<string> {
  if (!vaultOf(dataDir).sealed) return absoluteDocumentPath(dataDir, filePath);
  const dir = path.join(documentsRoot(dataDir), VIEWING_DIR, randomUUID().slice(0, 8));
  const target = path.join(dir, fileName);
  await writeFileAtomic(target, bytes);
  return target;
}

/** Removes the viewer's plain copies (at start-up and when the app closes). */
export async function sweepViewingCopies(dataDir: string): Promise<void> {
  const dir = path.join(documentsRoot(dataDir), VIEWING_DIR);
  if ((await readdir(dir).catch(() => null)) === null) return;
  await rm(dir, { recursive: true, force: true });
}

/** The archived file for the system viewer, after checking it is still the archived one. */
export async function openableDocument(
  dataDir: string,
  row: StoredDocumentRow,
): Promise<{ path: string; fileName: string }> {
  const bytes = await checkedBytes(dataDir, row);
  const fileName = copyFileName(row);
  return { path: await viewingPath(dataDir, row.file_path, bytes, fileName), fileName };
}

/**
 * Copies an archived document to the path the user chose in the save dialog, and only there: an
 * absolute path with no NUL byte, outside the data directory (a copy there could shadow the
 * archive), ending in .pdf. The copy is written beside the target and renamed, so a link at the
 * target is replaced rather than followed.
 */
export async function saveDocumentCopy(
  dataDir: string,
  row: StoredDocumentRow,
  targetPath: string,
): Promise<{ path: string; sha256: string }> {
  const target = await checkExportTarget(dataDir, targetPath, '.pdf');
  // Decrypted here, written in plain only to the place the user chose.
  const bytes = await checkedBytes(dataDir, row);
  const temp = `${target}.${randomUUID().slice(0, 8)}.part`;
  try {
    const handle = await open(
      temp,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
      0o600,
    );
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '?';
    throw new AppError('INTERNAL', { key: 'errors.documents.copyNotSaved', params: { code } });
  }
  return { path: target, sha256: row.sha256 };
}
