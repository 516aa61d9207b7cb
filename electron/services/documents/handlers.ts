import type { DomainHandlers } from '../core/handler-kit';
import type { HandlerContext } from '../core/context';
import type { documentsOperations } from '../../../shared/api/documents';
import {
  describeDocument,
  listDocuments,
  openableDocument,
  requireDocument,
  saveDocumentCopy,
} from './archive';
import {
  confirmPaperSignature,
  consentValidity,
  generateConsent,
  withdrawConsent,
  type DocumentWork,
} from './consent';
import { consentText, signConsent, signConsentAsPatient } from './consent-signing';
import { generateAftercare, generateSessionSummary } from './aftercare';
import { readDocumentSettings, writeDocumentSettings } from './settings';
import { practitionerOptions } from './sources';
import { getTemplate, listTemplates, saveTemplate, templateHistory } from './templates';
import { confirmTranslation } from './template-review';
import { actorId, forPatient, forRecord, requireActor } from '../core/handler-kit';
import { AppError } from '../core/errors';
import type { DocumentKind } from '../../../shared/api/documents';
import { operations, type OperationName } from '../../../shared/api/contract';
import { roleMayCall, type Role } from '../../../shared/api/roles';

function work(ctx: HandlerContext): DocumentWork {
  return { db: ctx.db, dataDir: ctx.app.dataDir, now: ctx.now, actorId: actorId(ctx) };
}

/** Names the document and its patient in the audit event. */
/**
 * A session summary carries the session's notes and a comparison its photos: whoever may not
 * read those (the front desk) may not read them as a document either. Consents and aftercare
 * sheets are the paper reception hands out.
 */
const readOf: Partial<Record<DocumentKind, OperationName>> = {
  'session-summary': 'sessions.get',
  'photo-comparison': 'photos.list',
};

function mayReadKind(ctx: HandlerContext, kind: string): boolean {
  const needs = readOf[kind as DocumentKind];
  return (
    needs === undefined || roleMayCall(operations[needs].access, requireActor(ctx).role as Role)
  );
}

async function forDocument(ctx: HandlerContext, documentId: string) {
  const row = await requireDocument(ctx.db, documentId);
  forRecord(ctx, row);
  if (!mayReadKind(ctx, row.kind)) throw new AppError('FORBIDDEN', { key: 'errors.forbidden' });
  return row;
}

const describe = (ctx: HandlerContext, id: string) => describeDocument(ctx.db, ctx.app.dataDir, id);

export const documentsHandlers = {
  'documents.templates': (ctx) => listTemplates(ctx.db, ctx.now),
  'documents.template': async (ctx, input) => {
    const { info, template } = await getTemplate(ctx.db, input, ctx.now);
    return { info, template };
  },
  'documents.templateHistory': (ctx, input) => templateHistory(ctx.db, input, ctx.now),
  'documents.saveTemplate': async (ctx, input) => {
    const saved = await saveTemplate(ctx.db, input, ctx.now, work(ctx).actorId);
    ctx.subject.objectId = `${saved.kind}:${saved.procedureKind ?? '-'}:${saved.language}:v${saved.version}`;
    return saved;
  },

  'documents.confirmTemplateTranslation': async (ctx, input) => {
    const { version, ...key } = input;
    await confirmTranslation(ctx.db, input, ctx.now, work(ctx).actorId);
    ctx.subject.objectId = `${key.kind}:${key.procedureKind ?? '-'}:${key.language}:v${version}`;
    return (await getTemplate(ctx.db, input, ctx.now)).info;
  },

  'documents.settings': (ctx) => readDocumentSettings(ctx.db),
  'documents.updateSettings': (ctx, input) => {
    ctx.subject.objectId = 'documents';
    return writeDocumentSettings(ctx.db, input);
  },

  'documents.practitioners': (ctx) => practitionerOptions(ctx.db),

  'documents.list': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    const all = await listDocuments(ctx.db, ctx.app.dataDir, input.patientId);
    return all.filter((doc) => mayReadKind(ctx, doc.kind));
  },
  'documents.get': async (ctx, input) => {
    await forDocument(ctx, input.documentId);
    return describe(ctx, input.documentId);
  },
  'documents.consentValidity': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return consentValidity(ctx.db, ctx.app.dataDir, input.patientId);
  },
  'documents.consentText': async (ctx, input) => {
    const row = await forDocument(ctx, input.documentId);
    return consentText(work(ctx), row);
  },
  'documents.generateConsent': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    const id = await generateConsent(work(ctx), input);
    ctx.subject.objectId = id;
    return describe(ctx, id);
  },
  'documents.signConsent': async (ctx, input) => {
    await forDocument(ctx, input.documentId);
    await signConsent(work(ctx), input);
    return describe(ctx, input.documentId);
  },
  'documents.signConsentAsPatient': async (ctx, input) => {
    await forDocument(ctx, input.documentId);
    await signConsentAsPatient(work(ctx), input);
    return describe(ctx, input.documentId);
  },
  'documents.confirmPaperSignature': async (ctx, input) => {
    await forDocument(ctx, input.documentId);
    await confirmPaperSignature(work(ctx), input);
    return describe(ctx, input.documentId);
  },
  'documents.withdrawConsent': async (ctx, input) => {
    await forDocument(ctx, input.documentId);
    await withdrawConsent(work(ctx), input);
    return describe(ctx, input.documentId);
  },
  'documents.generateAftercare': async (ctx, input) => {
    const id = await generateAftercare(work(ctx), input.sessionId, ctx.subject);
    return describe(ctx, id);
  },
  'documents.generateSessionSummary': async (ctx, input) => {
    const id = await generateSessionSummary(work(ctx), input.sessionId, ctx.subject);
    return describe(ctx, id);
  },
  'documents.open': async (ctx, input) => {
    const row = await forDocument(ctx, input.documentId);
    return openableDocument(ctx.app.dataDir, row);
  },
  'documents.saveCopy': async (ctx, input) => {
    const row = await forDocument(ctx, input.documentId);
    return saveDocumentCopy(
      ctx.app.dataDir,
      row,
      ctx.app.fileTokens.takeOne('save-pdf', input.target, 'target'),
    );
  },
} satisfies DomainHandlers<typeof documentsOperations>;
