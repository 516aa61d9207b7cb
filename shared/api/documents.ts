import { op } from './operation';
import { admin, clinical, intake, practitioner } from './roles';
import { emptyInput, idSchema, isoDate, isoDateTime, requiredText, text } from './common';
import { passwordSchema } from './staff';
import { fileTokenSchema } from './file-token';
import { z } from 'zod';
import { assertNever } from './result';
import type { Indication } from '../sessions/treatment-terms';
import { pageSizes, pngDataUrlSchema } from '../documents/document-data';
import { procedureKinds } from '../documents/procedure-kinds';
import {
  aftercareTemplateSchema,
  consentTemplateSchema,
  documentTemplateSchema,
  templateLanguageSchema,
} from '../documents/template-schema';
import { keyed } from './field-text';

export const documentKinds = [
  'consent',
  'aftercare',
  'session-summary',
  'photo-comparison',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/**
 * generated: made, not yet signed. signed: signed on screen, the signed PDF archived.
 * signed-on-paper: the printed form was signed and a staff member confirmed it.
 * superseded: a later consent for the same procedure replaced it. withdrawn: the patient
 * withdrew consent.
 */
export const documentStatuses = [
  'generated',
  'signed',
  'signed-on-paper',
  'superseded',
  'withdrawn',
] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

/** The archived file against its recorded SHA-256: the same, different, or gone. */
export const fileChecks = ['ok', 'changed', 'missing'] as const;
export type FileCheck = (typeof fileChecks)[number];

/** On-screen signatures against the file they were bound to. */
export const signatureChecks = ['valid', 'invalid', 'none'] as const;
export type SignatureCheck = (typeof signatureChecks)[number];

const procedureKindSchema = z.enum(
  procedureKinds,
  keyed('validation.documents.chooseProcedure', 'Choose a procedure'),
);
const templateKindMessage = keyed(
  'validation.documents.templateKind',
  'A consent template has a procedure kind; the aftercare template has none',
);

/** A consent is signed by the patient and its practitioner; a member of staff may witness. */
export const signerRoles = ['patient', 'practitioner', 'witness'] as const;
/**
 * How a staff signature was proven: the signer was the one signed in, or re-entered their own
 * password at a workstation where someone else is signed in.
 */
export const signerProofs = ['signed-in', 'password'] as const;
export type SignerProof = (typeof signerProofs)[number];

export const documentSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  kind: z.enum(documentKinds),
  procedureKind: procedureKindSchema.nullable(),
  sessionId: z.string().nullable(),
  title: z.string(),
  templateVersion: z.number().int().nullable(),
  language: z.string(),
  pageSize: z.enum(pageSizes),
  pageCount: z.number().int(),
  size: z.number().int(),
  sha256: z.string(),
  generatedAt: isoDateTime,
  generatedByName: z.string(),
  status: z.enum(documentStatuses),
  statusChangedAt: isoDateTime,
  /** Product names on a consent, for the list and the signing screen. */
  products: z.array(z.string()),
  practitionerName: z.string().nullable(),
  fileCheck: z.enum(fileChecks),
  signatureCheck: z.enum(signatureChecks),
  signedAt: isoDateTime.nullable(),
  paperConfirmedByName: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  /** The treatment day a consent was made for; null for other documents and older consents. */
  treatmentDate: isoDate.nullable(),
  /** The patient signed their part on the tablet; the consent waits for its practitioner. */
  patientSignedAt: isoDateTime.nullable(),
  /** Signed (on screen or on paper) on a later day than its treatment date: flagged everywhere. */
  signedAfterTreatment: z.boolean(),
  /** Who signed an on-screen consent, in which capacity, and how a staff signer was proven. */
  signers: z.array(
    z.object({
      role: z.enum(signerRoles),
      name: z.string(),
      provenBy: z.enum(signerProofs).nullable(),
    }),
  ),
});
export type ArchivedDocumentInfo = z.infer<typeof documentSchema>;

/**
 * Consent state per procedure kind. valid: a signed (on screen or paper) consent that was neither
 * superseded nor withdrawn and whose file and signatures check out. needs-attention: the latest
 * signed consent's file changed or went missing, so it cannot be relied on until re-signed.
 * awaiting-practitioner: no signed consent, but the patient signed their part of one on the
 * tablet and its practitioner has not signed yet; it does not count until they do.
 */
export const consentStates = ['valid', 'needs-attention', 'awaiting-practitioner', 'none'] as const;
export const consentValiditySchema = z.object({
  procedureKind: procedureKindSchema,
  state: z.enum(consentStates),
  documentId: z.string().nullable(),
  signedAt: isoDateTime.nullable(),
  method: z.enum(['screen', 'paper']).nullable(),
  /** The consent in force was signed after the treatment day it was made for. */
  signedAfterTreatment: z.boolean(),
});
export type ConsentValidity = z.infer<typeof consentValiditySchema>;

export const patientDocumentsInput = z.object({ patientId: idSchema }).strict();
export const documentIdInput = z.object({ documentId: idSchema }).strict();
export const sessionDocumentInput = z.object({ sessionId: idSchema }).strict();

export const otherProductSchema = z
  .object({
    name: requiredText(200, 'Product name'),
    ingredients: z.array(requiredText(200, 'Ingredient')).max(50),
  })
  .strict();

export const generateConsentInput = z
  .object({
    patientId: idSchema,
    procedureKind: procedureKindSchema,
    practitionerId: idSchema,
    /** Products from the catalogue. */
    productIds: z.array(idSchema).max(30),
    /** Products not (yet) in the catalogue, named as the clinic names them. */
    otherProducts: z.array(otherProductSchema).max(30),
    plannedSessions: z
      .number(keyed('validation.plan.sessionsRequired', 'Enter the number of sessions'))
      .int(keyed('validation.numbers.wholeSessions', 'Whole sessions only'))
      .min(1, keyed('validation.documents.atLeastSession', 'At least 1 session'))
      .max(100, keyed('validation.documents.atMostSessions', 'At most 100 sessions')),
    intervalDays: z
      .number(keyed('validation.plan.intervalRequired', 'Enter the interval in days'))
      .int(keyed('validation.numbers.wholeDays', 'Whole days only'))
      .min(1, keyed('validation.documents.atLeastDay', 'At least 1 day'))
      .max(730, keyed('validation.documents.atMostDays', 'At most 730 days')),
    /** The day of the (first) treatment: a consent signed after it is flagged. */
    treatmentDate: isoDate.optional(),
  })
  .strict()
  .refine((v) => v.productIds.length + v.otherProducts.length > 0, {
    ...keyed('validation.documents.nameProduct', 'Name at least one product'),
    path: ['productIds'],
  });
export type GenerateConsentInput = z.infer<typeof generateConsentInput>;

export const consentChoiceInput = z
  .object({
    sectionId: z.string().min(1).max(64),
    decision: z.enum(
      ['agree', 'disagree'],
      keyed('validation.documents.chooseDecision', 'Choose agree or do not agree'),
    ),
    initials: z
      .string()
      .trim()
      .min(1, keyed('validation.documents.initialsRequired', 'The patient initials this choice'))
      .max(8, keyed('validation.documents.initialsTooLong', 'Initials are at most 8 characters')),
  })
  .strict();

export const signConsentInput = z
  .object({
    documentId: idSchema,
    /** Absent when the patient already signed their part on the tablet. */
    patientSignature: pngDataUrlSchema.optional(),
    practitionerSignature: pngDataUrlSchema,
    /**
     * The consent's practitioner's own password, when someone else is signed in at this
     * workstation; absent when the practitioner is the one signed in.
     */
    practitionerPassword: passwordSchema.optional(),
    /** The signed-in member of staff who saw the patient sign, recorded as witness. */
    witnessSignature: pngDataUrlSchema.optional(),
    /** The patient's answer to each separate choice of the form, with their initials. */
    choices: z.array(consentChoiceInput).max(20).default([]),
  })
  .strict();

/**
 * The patient's part alone, given on the tablet in patient mode: their signature and their answer
 * to each separate choice. The consent is signed only once its practitioner signs too.
 */
export const patientSignConsentInput = z
  .object({
    documentId: idSchema,
    patientSignature: pngDataUrlSchema,
    choices: z.array(consentChoiceInput).max(20).default([]),
  })
  .strict();

/** The consent's text as it prints, for reading in the signing dialog. */
export const consentTextSchema = z.object({
  documentId: idSchema,
  title: z.string(),
  sections: z.array(
    z.object({ id: z.string(), title: z.string(), body: z.string(), choice: z.boolean() }),
  ),
  practitionerId: idSchema.nullable(),
  practitionerName: z.string(),
  treatmentDate: isoDate.nullable(),
  /** The clinic's today is after the treatment date: signing now is flagged as late. */
  lateIfSignedToday: z.boolean(),
});
export type ConsentText = z.infer<typeof consentTextSchema>;

export const confirmPaperInput = z
  .object({ documentId: idSchema, note: text(500, 'Note') })
  .strict();

export const withdrawConsentInput = z
  .object({ documentId: idSchema, reason: requiredText(1000, 'Reason') })
  .strict();

export const saveCopyInput = z
  .object({
    documentId: idSchema,
    /** The token of the save dialog's choice (a .pdf outside the data folder). */
    target: fileTokenSchema('where to save the copy'),
  })
  .strict();

export const openDocumentOutput = z.object({ path: z.string(), fileName: z.string() });
export const saveCopyOutput = z.object({ path: z.string(), sha256: z.string() });

export const practitionerOptionSchema = z.object({ id: idSchema, displayName: z.string() });

export const documentSettingsSchema = z.object({ pageSize: z.enum(pageSizes) });
export type DocumentSettings = z.infer<typeof documentSettingsSchema>;
export const documentSettingsInput = documentSettingsSchema.strict();

// Templates

const templateKindSchema = z.enum(['consent', 'aftercare']);

/** Which template: consent templates are per procedure kind, the aftercare one serves all. */
export const templateKeySchema = z
  .object({
    kind: templateKindSchema,
    procedureKind: procedureKindSchema.nullable(),
    language: templateLanguageSchema,
  })
  .strict()
  .refine((k) => (k.kind === 'consent') === (k.procedureKind !== null), {
    ...templateKindMessage,
    path: ['procedureKind'],
  });
export type TemplateKey = z.infer<typeof templateKeySchema>;

export const templateGetInput = z
  .object({
    kind: templateKindSchema,
    procedureKind: procedureKindSchema.nullable(),
    language: templateLanguageSchema,
    /** The latest when absent. */
    version: z.number().int().min(1).optional(),
  })
  .strict();

/**
 * Whether a template is a built-in translation of clinical text awaiting the clinic's review
 * ('pending'), one an admin has confirmed, or not a translation at all (English, or a language
 * the clinic wrote itself).
 */
export const templateReviewStates = ['not-needed', 'pending', 'confirmed'] as const;
export const templateReviewSchema = z.object({
  state: z.enum(templateReviewStates),
  confirmedVersion: z.number().int().nullable(),
  confirmedByName: z.string().nullable(),
  confirmedAt: isoDateTime.nullable(),
});
export type TemplateReview = z.infer<typeof templateReviewSchema>;

export const templateVersionSchema = z.object({
  review: templateReviewSchema,
  kind: templateKindSchema,
  procedureKind: procedureKindSchema.nullable(),
  language: z.string(),
  version: z.number().int(),
  title: z.string(),
  savedAt: isoDateTime,
  /** Null for the built-in default. */
  savedByName: z.string().nullable(),
});
export type TemplateVersionInfo = z.infer<typeof templateVersionSchema>;

export const templateDetailSchema = z.object({
  info: templateVersionSchema,
  template: documentTemplateSchema,
});

/** The version the admin read and confirms: refused if a newer one was saved meanwhile. */
export const templateConfirmInput = z
  .object({
    kind: templateKindSchema,
    procedureKind: procedureKindSchema.nullable(),
    language: templateLanguageSchema,
    version: z.number().int().min(1),
  })
  .strict()
  .refine((k) => (k.kind === 'consent') === (k.procedureKind !== null), {
    ...templateKindMessage,
    path: ['procedureKind'],
  });

/** The version is the store's to assign; `baseVersion` catches two admins editing at once. */
const saveExtras = { baseVersion: z.number().int().min(1).nullable() };
export const templateSaveInput = z.discriminatedUnion('kind', [
  consentTemplateSchema.omit({ version: true }).extend(saveExtras).strict(),
  aftercareTemplateSchema.omit({ version: true }).extend(saveExtras).strict(),
]);
export type TemplateSaveInput = z.infer<typeof templateSaveInput>;

/**
 * The consent a course's indication needs. Skin-quality indications share the skin
 * rejuvenation consent; a course whose products include PRP needs the PRP consent instead.
 */
export function procedureKindForIndication(
  indication: Indication,
  usesPrp: boolean,
): (typeof procedureKinds)[number] {
  if (usesPrp) return 'prp';
  switch (indication) {
    case 'pigmentation':
      return 'pigmentation';
    case 'hair-loss':
      return 'hair-loss';
    case 'cellulite':
      return 'cellulite-body-contouring';
    case 'localised-fat':
      return 'localised-fat-reduction';
    case 'skin-ageing':
    case 'dehydration':
    case 'acne-scars':
    case 'stretch-marks':
    case 'other':
      return 'skin-rejuvenation';
    default:
      return assertNever(indication);
  }
}

export const documentsOperations = {
  // Templates hold no patient data: reading them is not audited, saving a version is.
  'documents.templates': op({
    input: emptyInput,
    output: z.array(templateVersionSchema),
    access: 'signed-in',
    audit: null,
  }),
  'documents.template': op({
    input: templateGetInput,
    output: templateDetailSchema,
    access: 'signed-in',
    audit: null,
  }),
  'documents.templateHistory': op({
    input: templateKeySchema,
    output: z.array(templateVersionSchema),
    access: 'signed-in',
    audit: null,
  }),
  'documents.saveTemplate': op({
    input: templateSaveInput,
    output: templateVersionSchema,
    access: admin,
    audit: { action: 'create', objectType: 'document-template' },
    maxInputBytes: 2_000_000,
  }),
  'documents.confirmTemplateTranslation': op({
    input: templateConfirmInput,
    output: templateVersionSchema,
    access: admin,
    audit: { action: 'update', objectType: 'document-template' },
  }),
  'documents.settings': op({
    input: emptyInput,
    output: documentSettingsSchema,
    access: 'signed-in',
    audit: null,
  }),
  'documents.updateSettings': op({
    input: documentSettingsInput,
    output: documentSettingsSchema,
    access: admin,
    audit: { action: 'update', objectType: 'setting' },
  }),
  'documents.practitioners': op({
    input: emptyInput,
    output: z.array(practitionerOptionSchema),
    access: clinical,
    audit: null,
  }),
  'documents.list': op({
    input: patientDocumentsInput,
    output: z.array(documentSchema),
    access: clinical,
    audit: { action: 'read', objectType: 'document' },
  }),
  'documents.get': op({
    input: documentIdInput,
    output: documentSchema,
    access: clinical,
    audit: { action: 'read', objectType: 'document' },
  }),
  'documents.consentValidity': op({
    input: patientDocumentsInput,
    output: z.array(consentValiditySchema),
    access: clinical,
    audit: { action: 'read', objectType: 'consent' },
  }),
  'documents.consentText': op({
    input: documentIdInput,
    output: consentTextSchema,
    access: clinical,
    audit: { action: 'read', objectType: 'document' },
  }),
  'documents.generateConsent': op({
    input: generateConsentInput,
    output: documentSchema,
    access: intake,
    audit: { action: 'create', objectType: 'document' },
  }),
  'documents.signConsent': op({
    input: signConsentInput,
    output: documentSchema,
    access: intake,
    audit: { action: 'update', objectType: 'document' },
    maxInputBytes: 8_500_000,
  }),
  // The patient's part, on the tablet: in patient mode the practitioner's part is never given.
  'documents.signConsentAsPatient': op({
    input: patientSignConsentInput,
    output: documentSchema,
    access: intake,
    audit: { action: 'update', objectType: 'document' },
    maxInputBytes: 4_500_000,
  }),
  'documents.confirmPaperSignature': op({
    input: confirmPaperInput,
    output: documentSchema,
    access: intake,
    audit: { action: 'update', objectType: 'document' },
  }),
  'documents.withdrawConsent': op({
    input: withdrawConsentInput,
    output: documentSchema,
    access: intake,
    audit: { action: 'update', objectType: 'document' },
  }),
  'documents.generateAftercare': op({
    input: sessionDocumentInput,
    output: documentSchema,
    access: intake,
    audit: { action: 'create', objectType: 'document' },
  }),
  'documents.generateSessionSummary': op({
    input: sessionDocumentInput,
    output: documentSchema,
    access: practitioner,
    audit: { action: 'create', objectType: 'document' },
  }),
  /** The archived file's absolute path, for the system viewer; audited as a read. */
  'documents.open': op({
    input: documentIdInput,
    output: openDocumentOutput,
    access: clinical,
    audit: { action: 'read', objectType: 'document' },
  }),
  'documents.saveCopy': op({
    input: saveCopyInput,
    output: saveCopyOutput,
    access: clinical,
    audit: { action: 'execute', objectType: 'document-copy' },
  }),
} as const;
