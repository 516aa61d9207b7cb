import { z } from 'zod';
import { op } from '../operation';
import { emptyInput } from '../common';
import {
  confirmPaperInput,
  consentValiditySchema,
  documentIdInput,
  documentSchema,
  documentSettingsInput,
  documentSettingsSchema,
  generateConsentInput,
  openDocumentOutput,
  patientDocumentsInput,
  practitionerOptionSchema,
  saveCopyInput,
  saveCopyOutput,
  sessionDocumentInput,
  signConsentInput,
  templateDetailSchema,
  templateGetInput,
  templateKeySchema,
  templateSaveInput,
  templateVersionSchema,
  withdrawConsentInput,
} from '../domains/documents';

const admin = ['admin'] as const;
/** Reception prepares and collects consent forms; practitioners treat and hand out aftercare. */
const clinical = ['receptionist', 'practitioner', 'admin'] as const;

export const documentOperations = {
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
  'documents.generateConsent': op({
    input: generateConsentInput,
    output: documentSchema,
    access: clinical,
    audit: { action: 'create', objectType: 'document' },
  }),
  'documents.signConsent': op({
    input: signConsentInput,
    output: documentSchema,
    access: clinical,
    audit: { action: 'update', objectType: 'document' },
    maxInputBytes: 8_500_000,
  }),
  'documents.confirmPaperSignature': op({
    input: confirmPaperInput,
    output: documentSchema,
    access: clinical,
    audit: { action: 'update', objectType: 'document' },
  }),
  'documents.withdrawConsent': op({
    input: withdrawConsentInput,
    output: documentSchema,
    access: clinical,
    audit: { action: 'update', objectType: 'document' },
  }),
  'documents.generateAftercare': op({
    input: sessionDocumentInput,
    output: documentSchema,
    access: clinical,
    audit: { action: 'create', objectType: 'document' },
  }),
  'documents.generateSessionSummary': op({
    input: sessionDocumentInput,
    output: documentSchema,
    access: clinical,
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
