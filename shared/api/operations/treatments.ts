import { z } from 'zod';
import { op } from '../operation';
import {
  lotCreateInput,
  lotSchema,
  productCreateInput,
  productListInput,
  productSchema,
  productUpdateInput,
} from '../domains/products';
import {
  courseCreateInput,
  courseSchema,
  courseStatusInput,
  followUpRecordInput,
  followUpSchema,
  patientScopedInput,
} from '../domains/courses';
import {
  addendumInput,
  addendumSchema,
  sessionIdInput,
  sessionSaveDraftInput,
  sessionSchema,
  sessionStartInput,
  sessionSummarySchema,
} from '../domains/sessions';
import {
  adverseEventRecordInput,
  adverseEventResolveInput,
  adverseEventSchema,
} from '../domains/adverse-events';
import {
  recallExportOutput,
  recallInput,
  recallOutput,
  timelineEntrySchema,
} from '../domains/treatment-records';

const admin = ['admin'] as const;
/** Only practitioners treat: they log, sign and amend sessions and record what happened after. */
const practitioner = ['practitioner'] as const;
/** Everyone who sees charts reads the treatment record; reception books by the course plan. */
const clinical = ['receptionist', 'practitioner', 'admin'] as const;
/** A recall contacts patients about a product: the clinic's admin or a practitioner runs it. */
const recallers = ['practitioner', 'admin'] as const;

export const treatmentOperations = {
  // The catalogue holds no patient data, so reading it is not audited.
  'products.list': op({
    input: productListInput,
    output: z.array(productSchema),
    access: 'signed-in',
    audit: null,
  }),
  'products.create': op({
    input: productCreateInput,
    output: productSchema,
    access: admin,
    audit: { action: 'create', objectType: 'product' },
  }),
  'products.update': op({
    input: productUpdateInput,
    output: productSchema,
    access: admin,
    audit: { action: 'update', objectType: 'product' },
  }),
  'products.addLot': op({
    input: lotCreateInput,
    output: lotSchema,
    access: admin,
    audit: { action: 'create', objectType: 'product-lot' },
  }),
  'courses.list': op({
    input: patientScopedInput,
    output: z.array(courseSchema),
    access: clinical,
    audit: { action: 'read', objectType: 'course' },
  }),
  'courses.create': op({
    input: courseCreateInput,
    output: courseSchema,
    access: practitioner,
    audit: { action: 'create', objectType: 'course' },
  }),
  'courses.setStatus': op({
    input: courseStatusInput,
    output: courseSchema,
    access: practitioner,
    audit: { action: 'update', objectType: 'course' },
  }),
  'courses.recordFollowUp': op({
    input: followUpRecordInput,
    output: followUpSchema,
    access: practitioner,
    audit: { action: 'create', objectType: 'course-follow-up' },
  }),
  'sessions.list': op({
    input: patientScopedInput,
    output: z.array(sessionSummarySchema),
    access: clinical,
    audit: { action: 'read', objectType: 'session' },
  }),
  'sessions.get': op({
    input: sessionIdInput,
    output: sessionSchema,
    access: clinical,
    audit: { action: 'read', objectType: 'session' },
  }),
  'sessions.start': op({
    input: sessionStartInput,
    output: sessionSchema,
    access: practitioner,
    audit: { action: 'create', objectType: 'session' },
  }),
  'sessions.saveDraft': op({
    input: sessionSaveDraftInput,
    output: sessionSchema,
    access: practitioner,
    audit: { action: 'update', objectType: 'session' },
  }),
  'sessions.sign': op({
    input: sessionIdInput,
    output: sessionSchema,
    access: practitioner,
    audit: { action: 'execute', objectType: 'session-sign' },
  }),
  'sessions.abandon': op({
    input: sessionIdInput,
    output: sessionSchema,
    access: practitioner,
    audit: { action: 'update', objectType: 'session-abandon' },
  }),
  'sessions.addAddendum': op({
    input: addendumInput,
    output: addendumSchema,
    access: practitioner,
    audit: { action: 'create', objectType: 'session-addendum' },
  }),
  'adverseEvents.record': op({
    input: adverseEventRecordInput,
    output: adverseEventSchema,
    access: practitioner,
    audit: { action: 'create', objectType: 'adverse-event' },
  }),
  'adverseEvents.resolve': op({
    input: adverseEventResolveInput,
    output: adverseEventSchema,
    access: practitioner,
    audit: { action: 'update', objectType: 'adverse-event' },
  }),
  /** The chart's alerts strip: adverse events not yet resolved. */
  'adverseEvents.listOpen': op({
    input: patientScopedInput,
    output: z.array(adverseEventSchema),
    access: clinical,
    audit: { action: 'read', objectType: 'adverse-event' },
  }),
  'chart.timeline': op({
    input: patientScopedInput,
    output: z.array(timelineEntrySchema),
    access: clinical,
    audit: { action: 'read', objectType: 'timeline' },
  }),
  'recall.search': op({
    input: recallInput,
    output: recallOutput,
    access: recallers,
    audit: { action: 'read', objectType: 'lot-recall' },
  }),
  'recall.export': op({
    input: recallInput,
    output: recallExportOutput,
    access: recallers,
    audit: { action: 'execute', objectType: 'lot-recall-export' },
  }),
} as const;
