import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { z } from 'zod';
import type {
  ConsentText,
  patientSignConsentInput,
  signConsentInput,
  SignerProof,
} from '../../../shared/api/documents';
import type { ConsentDocumentData } from '../../../shared/documents/document-data';
import { consentPlaceholderValues, renderConsentPdf, renderTemplateText } from './render';
import { AppError, type Refusal } from '../core/errors';
import { archiveFile, type StoredDocumentRow } from './archive';
import {
  consentTemplateOf,
  signableConsent,
  supersedeEarlier,
  type DocumentWork,
  type StoredRender,
} from './consent';
import { proveSigner } from '../auth/signer-proof';
import { findStaffById } from '../staff/staff';
import { isSignedLate } from './late-consent';
import { patientPartOf, type PatientPart } from './consent-patient-part';

type SignInput = z.output<typeof signConsentInput>;
type PadField = 'patientSignature' | 'practitionerSignature' | 'witnessSignature';

async function signaturePng(dataUrl: string, field: PadField): Promise<Buffer> {
  const refuse = (problem: 'notPng' | 'tooLarge' | 'unreadable' | 'empty') => {
    const text = { key: `errors.documents.signature.${field}.${problem}` } as const;
    return new AppError('VALIDATION', text, { fields: { [field]: text } });
  };
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  const magic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 64 || !bytes.subarray(0, 8).equals(magic)) {
    throw refuse('notPng');
  }
  if (bytes.length > 2_000_000) throw refuse('tooLarge');
  // An empty pad exports a fully transparent (or one-colour) image: that is no signature.
  const stats = await sharp(bytes)
    .stats()
    .catch(() => {
      throw refuse('unreadable');
    });
  const alpha = stats.channels[3];
  const blank = alpha ? alpha.max === 0 : stats.channels.every((c) => c.min === c.max);
  if (blank) throw refuse('empty');
  return bytes;
}

const roleNames: Record<string, string> = {
  receptionist: 'Receptionist',
  practitioner: 'Practitioner',
  admin: 'Clinic admin',
};

/**
 * The patient's answer to each separate choice the form asks (photographs for other use), with
 * their initials: every choice answered, none invented.
 */
function checkedChoices(
  sections: readonly { id: string; title: string; choice: boolean }[],
  given: SignInput['choices'],
): NonNullable<ConsentDocumentData['choices']> {
  const asked = sections.filter((s) => s.choice);
  const fields: Record<string, Refusal> = {};
  for (const c of given) {
    if (!asked.some((s) => s.id === c.sectionId)) {
      fields[`choices.${c.sectionId}`] = { key: 'errors.documents.noSuchChoice' };
    }
  }
  for (const s of asked) {
    if (!given.some((c) => c.sectionId === s.id)) {
      fields[`choices.${s.id}`] = {
        key: 'errors.documents.recordChoice',
        params: { title: s.title },
      };
    }
  }
  const problems = Object.values(fields);
  if (problems.length > 0) {
    // One problem is told as it is; several are each marked on their choice.
    const text: Refusal =
      problems.length === 1 ? problems[0]! : { key: 'errors.documents.choicesToRecord' };
    throw new AppError('VALIDATION', text, { fields });
  }
  return asked.map((s) => {
    const c = given.find((g) => g.sectionId === s.id)!;
    return { sectionId: s.id, decision: c.decision, initials: c.initials.trim() };
  });
}

/** Who the witness is: the signed-in member of staff, never the practitioner signing too. */
async function witnessOf(work: DocumentWork, practitionerId: string) {
  if (work.actorId === practitionerId) {
    const text = { key: 'errors.documents.witnessIsPractitioner' } as const;
    throw new AppError('NOT_THE_SIGNER', text, { fields: { witnessSignature: text } });
  }
  const actor = await findStaffById(work.db, work.actorId);
  if (!actor) throw new AppError('UNAUTHENTICATED', { key: 'errors.signInFirst' });
  return { id: actor.id, name: actor.display_name, capacity: roleNames[actor.role] ?? actor.role };
}

/**
 * The patient's signature: the part they gave on the tablet, or the pad of this dialog; never
 * both, and never neither.
 */
async function patientSide(part: PatientPart | undefined, input: SignInput) {
  if (part) {
    if (input.patientSignature !== undefined || input.choices.length > 0) {
      const text = { key: 'errors.documents.signedOnTablet' } as const;
      throw new AppError('CONFLICT', text, { fields: { patientSignature: text } });
    }
    return {
      png: part.png,
      dataUrl: `data:image/png;base64,${part.png.toString('base64')}`,
      signedAt: part.signedAt,
    };
  }
  if (input.patientSignature === undefined) {
    const text = { key: 'errors.documents.patientSignsFirst' } as const;
    throw new AppError('VALIDATION', text, { fields: { patientSignature: text } });
  }
  const png = await signaturePng(input.patientSignature, 'patientSignature');
  return { png, dataUrl: input.patientSignature, signedAt: null };
}

/**
 * Signs on screen: the practitioner's signature is proven as theirs (signed in, or their own
 * password), the patient's choices are checked against the form, then the same consent is
 * re-rendered with the signatures, choices and any witness, archived with its SHA-256, and each
 * signature stored bound to that hash with who signed, in which capacity and how it was proven.
 * Every check comes before the first write, so a refusal leaves nothing behind.
 */
export async function signConsent(work: DocumentWork, input: SignInput): Promise<void> {
  const { db, now } = work;
  const row = await signableConsent(work, input.documentId);
  const stored = JSON.parse(row.render_data) as StoredRender<ConsentDocumentData>;
  const practitionerId = stored.practitionerId;
  if (!practitionerId) {
    throw new AppError('CONFLICT', { key: 'errors.documents.noPractitionerAccount' });
  }
  const part = await patientPartOf(db, row.id);
  const patient = await patientSide(part, input);
  const practitionerPng = await signaturePng(input.practitionerSignature, 'practitionerSignature');
  const witnessPng = input.witnessSignature
    ? await signaturePng(input.witnessSignature, 'witnessSignature')
    : null;
  const witness = witnessPng ? await witnessOf(work, practitionerId) : null;
  const template = await consentTemplateOf(db, row);
  const text = renderTemplateText(template, consentPlaceholderValues(stored.data));
  const choices = part ? part.choices : checkedChoices(text.sections, input.choices);
  const proof: SignerProof = await proveSigner(
    db,
    now,
    work.actorId,
    practitionerId,
    input.practitionerPassword,
    'practitionerPassword',
  );
  const signedAt = now.toISOString();
  const rendered = await renderConsentPdf(
    {
      ...stored.data,
      signatures: {
        patient: { imageDataUrl: patient.dataUrl, signedAt: patient.signedAt ?? signedAt },
        practitioner: { imageDataUrl: input.practitionerSignature, signedAt },
        witness:
          witness && input.witnessSignature
            ? { imageDataUrl: input.witnessSignature, signedAt, ...witness }
            : null,
      },
      choices,
    },
    { template },
  );
  const file = await archiveFile(work.dataDir, row.patient_id, rendered);
  await db
    .updateTable('document')
    .set({
      file_path: file.filePath,
      sha256: file.sha256,
      size: file.size,
      page_count: rendered.pageCount,
      status: 'signed',
      status_changed_at: signedAt,
      // The choices are part of what was signed: kept with the data the PDF was drawn from.
      render_data: JSON.stringify({ ...stored, data: { ...stored.data, choices } }),
    })
    .where('id', '=', row.id)
    .where('status', '=', 'generated')
    .execute();
  const signers = [
    {
      role: 'patient',
      name: stored.data.patient.fullName,
      png: patient.png,
      staffId: null,
      proof: null,
      at: patient.signedAt ?? signedAt,
    },
    {
      role: 'practitioner',
      name: stored.data.practitioner.fullName,
      png: practitionerPng,
      staffId: practitionerId,
      proof,
      at: signedAt,
    },
  ];
  const hashOf = (png: Buffer) => createHash('sha256').update(png).digest('hex');
  for (const signer of signers) {
    await db
      .insertInto('consent_signature')
      .values({
        id: randomUUID(),
        document_id: row.id,
        signer_role: signer.role,
        signer_name: signer.name,
        image_png: signer.png,
        image_sha256: hashOf(signer.png),
        signed_at: signer.at,
        document_sha256: file.sha256,
        recorded_by: work.actorId,
        signer_staff_id: signer.staffId,
        proven_by: signer.proof,
      })
      .execute();
  }
  if (witness && witnessPng) {
    await db
      .insertInto('consent_witness')
      .values({
        id: randomUUID(),
        document_id: row.id,
        witness_id: witness.id,
        witness_name: witness.name,
        capacity: witness.capacity,
        image_png: witnessPng,
        image_sha256: hashOf(witnessPng),
        signed_at: signedAt,
        document_sha256: file.sha256,
      })
      .execute();
  }
  await supersedeEarlier(work, row);
}

/**
 * The patient signs their part on the tablet: their signature and their answer to each separate
 * choice, checked as on the signing dialog and bound to the unsigned form they read. The form
 * stays unsigned (it counts for nothing) until its practitioner signs their part; the signed PDF
 * is drawn then, with both signatures.
 */
export async function signConsentAsPatient(
  work: DocumentWork,
  input: z.output<typeof patientSignConsentInput>,
): Promise<void> {
  const row = await signableConsent(work, input.documentId);
  if (await patientPartOf(work.db, row.id)) {
    throw new AppError('CONFLICT', { key: 'errors.documents.patientAlreadySigned' });
  }
  const png = await signaturePng(input.patientSignature, 'patientSignature');
  const stored = JSON.parse(row.render_data) as StoredRender<ConsentDocumentData>;
  const template = await consentTemplateOf(work.db, row);
  const text = renderTemplateText(template, consentPlaceholderValues(stored.data));
  const choices = checkedChoices(text.sections, input.choices);
  await work.db
    .insertInto('consent_patient_part')
    .values({
      document_id: row.id,
      image_png: png,
      image_sha256: createHash('sha256').update(png).digest('hex'),
      choices: JSON.stringify(choices),
      signed_at: work.now.toISOString(),
      form_sha256: row.sha256,
      recorded_by: work.actorId,
    })
    .execute();
}

/**
 * The consent's text exactly as it prints (the same template version and placeholder values),
 * for reading in the signing dialog rather than only in a separate viewer.
 */
export async function consentText(
  work: Omit<DocumentWork, 'dataDir'>,
  row: StoredDocumentRow,
): Promise<ConsentText> {
  if (row.kind !== 'consent')
    throw new AppError('VALIDATION', { key: 'errors.documents.onlyConsentHasText' });
  const stored = JSON.parse(row.render_data) as StoredRender<ConsentDocumentData>;
  const template = await consentTemplateOf(work.db, row);
  const text = renderTemplateText(template, consentPlaceholderValues(stored.data));
  const treatmentDate = stored.data.treatmentDate ?? null;
  return {
    documentId: row.id,
    title: text.title,
    sections: text.sections,
    practitionerId: stored.practitionerId ?? null,
    practitionerName: stored.data.practitioner.fullName,
    treatmentDate,
    lateIfSignedToday: isSignedLate(treatmentDate, work.now.toISOString()),
  };
}
