import type { Handler } from '../handlers';
import type { HandlerContext } from '../context';
import type { treatmentOperations } from '../../../shared/api/operations/treatments';
import { AppError } from '../errors';
import { localDate } from '../local-date';
import { addLot, createProduct, listProducts, updateProduct } from '../products';
import {
  createCourse,
  listCourses,
  recordFollowUp,
  requireCourse,
  setCourseStatus,
} from '../courses';
import { getSession, listSessions, requireSession } from '../session-read';
import {
  abandonSession,
  addAddendum,
  requirePatient,
  saveDraft,
  signSession,
  startSession,
} from '../treatment-sessions';
import {
  adverseEventsOfPatient,
  patientOfAdverseEvent,
  recordAdverseEvent,
  resolveAdverseEvent,
} from '../adverse-events';
import { patientTimeline } from '../patient-timeline';
import { recallCsv, recallFileName, recallLot } from '../lot-recall';

function actorId(ctx: HandlerContext): string {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return ctx.actor.id;
}

/** Names the patient and object in the audit event, after checking the patient exists. */
async function forPatient(ctx: HandlerContext, patientId: string, objectId?: string) {
  ctx.subject.patientId = patientId;
  ctx.subject.objectId = objectId ?? patientId;
  await requirePatient(ctx.db, patientId);
}

async function forSession(ctx: HandlerContext, sessionId: string) {
  const row = await requireSession(ctx.db, sessionId);
  ctx.subject.patientId = row.patient_id;
  ctx.subject.objectId = row.id;
  return row;
}

const today = (ctx: HandlerContext) => localDate(ctx.now);

export const treatmentHandlers = {
  'products.list': (ctx, input) => listProducts(ctx.db, today(ctx), input.includeInactive),

  'products.create': async (ctx, input) => {
    const product = await createProduct(ctx.db, input, ctx.now, today(ctx));
    ctx.subject.objectId = product.id;
    return product;
  },

  'products.update': (ctx, input) => {
    ctx.subject.objectId = input.id;
    return updateProduct(ctx.db, input, ctx.now, today(ctx));
  },

  'products.addLot': async (ctx, input) => {
    const lot = await addLot(ctx.db, input, actorId(ctx), ctx.now, today(ctx));
    ctx.subject.objectId = lot.id;
    return lot;
  },

  'courses.list': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return listCourses(ctx.db, input.patientId, today(ctx));
  },

  'courses.create': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    const course = await createCourse(ctx.db, input, actorId(ctx), ctx.now, today(ctx));
    ctx.subject.objectId = course.id;
    return course;
  },

  'courses.setStatus': async (ctx, input) => {
    const course = await requireCourse(ctx.db, input.id);
    await forPatient(ctx, course.patient_id, course.id);
    return setCourseStatus(ctx.db, input, ctx.now, today(ctx));
  },

  'courses.recordFollowUp': async (ctx, input) => {
    const course = await requireCourse(ctx.db, input.courseId);
    await forPatient(ctx, course.patient_id, course.id);
    return recordFollowUp(ctx.db, input, actorId(ctx), ctx.now, today(ctx));
  },

  'sessions.list': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return listSessions(ctx.db, input.patientId);
  },

  'sessions.get': async (ctx, input) => {
    await forSession(ctx, input.id);
    return getSession(ctx.db, input.id);
  },

  'sessions.start': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    const session = await startSession(ctx.db, input, actorId(ctx), ctx.now);
    ctx.subject.objectId = session.id;
    return session;
  },

  'sessions.saveDraft': async (ctx, input) => {
    await forSession(ctx, input.id);
    return saveDraft(ctx.db, input, actorId(ctx), ctx.now);
  },

  'sessions.sign': async (ctx, input) => {
    await forSession(ctx, input.id);
    return signSession(ctx.db, input.id, actorId(ctx), ctx.now);
  },

  'sessions.abandon': async (ctx, input) => {
    await forSession(ctx, input.id);
    return abandonSession(ctx.db, input.id, actorId(ctx), ctx.now);
  },

  'sessions.addAddendum': async (ctx, input) => {
    await forSession(ctx, input.sessionId);
    const addendum = await addAddendum(ctx.db, input, actorId(ctx), ctx.now);
    ctx.subject.objectId = addendum.id;
    return addendum;
  },

  'adverseEvents.record': async (ctx, input) => {
    await forSession(ctx, input.sessionId);
    const event = await recordAdverseEvent(ctx.db, input, actorId(ctx), ctx.now, today(ctx));
    ctx.subject.objectId = event.id;
    return event;
  },

  'adverseEvents.resolve': async (ctx, input) => {
    await forPatient(ctx, await patientOfAdverseEvent(ctx.db, input.id), input.id);
    return resolveAdverseEvent(ctx.db, input, actorId(ctx), ctx.now, today(ctx));
  },

  'adverseEvents.listOpen': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return adverseEventsOfPatient(ctx.db, input.patientId, true);
  },

  'chart.timeline': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return patientTimeline(ctx.db, input.patientId);
  },

  'recall.search': (ctx, input) => {
    // The lot number, not a patient, is what the recall is about.
    ctx.subject.objectId = input.lotNumber.trim();
    return recallLot(ctx.db, input.lotNumber);
  },

  'recall.export': async (ctx, input) => {
    ctx.subject.objectId = input.lotNumber.trim();
    const { rows } = await recallLot(ctx.db, input.lotNumber);
    return { fileName: recallFileName(input.lotNumber, today(ctx)), csv: recallCsv(rows) };
  },
} satisfies { [N in keyof typeof treatmentOperations]: Handler<N> };
