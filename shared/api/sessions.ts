import { op } from './operation';
import { practitioner, clinicalReaders } from './roles';
import { patientScopedInput } from './courses';
import { z } from 'zod';
import { idSchema, isoDate, isoDateTime, requiredText, text } from './common';
import { passwordSchema } from './staff';
import {
  anaesthesiaSchema,
  depthMmSchema,
  needleGaugeSchema,
  needleLengthMmSchema,
  passesSchema,
  pointsSchema,
  techniqueSchema,
  treatmentAreaSchema,
  volumeMlSchema,
} from '../sessions/treatment-terms';
import { adverseEventSchema } from './adverse-events';
import { cocktailComponentInput, cocktailFields, cocktailInput } from '../sessions/cocktail';
import { substanceLineInput } from '../screening/substance-line';
import { minOverrideReasonLength } from './screening';
import { keyed } from './field-text';

export { substanceLineInput };

export const sessionStatuses = ['draft', 'signed', 'abandoned'] as const;
export const sessionStatusSchema = z.enum(sessionStatuses);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const sessionAreaInput = z.object({
  area: treatmentAreaSchema,
  depthMm: depthMmSchema.nullable(),
});

/** One product line: which lot went into which area, and how much. */
export const sessionProductInput = z.object({
  area: treatmentAreaSchema,
  productId: idSchema,
  lotId: idSchema,
  volumeMl: volumeMlSchema.nullable(),
});

/**
 * A draft as the form holds it. Every field may still be empty: completeness is asked only when
 * signing. What is filled in must already be plausible.
 */
export const sessionDraftFields = z.object({
  technique: techniqueSchema.nullable(),
  needleGauge: needleGaugeSchema.nullable(),
  needleLengthMm: needleLengthMmSchema.nullable(),
  anaesthesia: anaesthesiaSchema.nullable(),
  passes: passesSchema.nullable(),
  points: pointsSchema.nullable(),
  immediateReactions: text(2000, 'Immediate reactions'),
  notes: text(10_000, 'Notes'),
  areas: z
    .array(sessionAreaInput)
    .max(15)
    .refine(
      (areas) => new Set(areas.map((a) => a.area)).size === areas.length,
      keyed('validation.lists.eachArea', 'Each area once'),
    ),
  products: z
    .array(sessionProductInput)
    .max(
      60,
      keyed('validation.sessions.atMostProductLines', 'At most {{max}} product lines', { max: 60 }),
    ),
  /**
   * The anaesthetic preparation(s) actually used; `anaesthesia` stays the method. Optional so a
   * form or caller that predates them still saves; absent means none.
   */
  anaesthetics: z
    .array(substanceLineInput)
    .max(
      10,
      keyed('validation.sessions.atMostAnaesthetics', 'At most {{max}} anaesthetics', { max: 10 }),
    )
    .optional(),
  /** Anything added during the session that is not a catalogue product. */
  additions: z
    .array(substanceLineInput)
    .max(
      20,
      keyed('validation.sessions.atMostAdditions', 'At most {{max}} added substances', { max: 20 }),
    )
    .optional(),
  /** Syringes prepared with several products, one total volume spread over areas. */
  cocktails: z
    .array(cocktailInput)
    .max(10, keyed('validation.sessions.atMostSyringes', 'At most {{max}} syringes', { max: 10 }))
    .optional(),
});
export type SessionDraftFields = z.infer<typeof sessionDraftFields>;

export const sessionSaveDraftInput = sessionDraftFields.extend({ id: idSchema }).strict();

export const sessionStartInput = z
  .object({
    patientId: idSchema,
    courseId: idSchema.nullable(),
    /** Products planned when there is no course protocol to take them from. */
    plannedProductIds: z.array(idSchema).max(20).default([]),
  })
  .strict();

export const sessionIdInput = z.object({ id: idSchema }).strict();

/** A draft is never deleted: abandoning it keeps it in the chart with why it was not signed. */
export const sessionAbandonInput = z
  .object({ id: idSchema, reason: requiredText(1000, 'Reason') })
  .strict();

/** An allergy match the practitioner decides to use anyway, by substance key, with why. */
export const allergyOverrideInput = z.object({
  key: z.string().min(1).max(300),
  reason: requiredText(2000, 'Override reason').refine(
    (s) => s.trim().length >= minOverrideReasonLength,
    keyed('validation.sessions.sayWhy', 'Say why, in at least {{min}} characters', {
      min: minOverrideReasonLength,
    }),
  ),
});

export const sessionSignInput = z
  .object({
    id: idSchema,
    allergyOverrides: z.array(allergyOverrideInput).max(40).default([]),
    /**
     * The session's practitioner's own password, when another practitioner is signed in at this
     * workstation: the signature is theirs only, proven here.
     */
    practitionerPassword: passwordSchema.optional(),
  })
  .strict();

export const addendumInput = z
  .object({ sessionId: idSchema, text: requiredText(5000, 'Addendum') })
  .strict();

export const addendumSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  authorName: z.string(),
  writtenAt: isoDateTime,
  text: z.string(),
});
export type Addendum = z.infer<typeof addendumSchema>;

export const sessionProductLineSchema = sessionProductInput.extend({
  productName: z.string(),
  lotNumber: z.string(),
  expiresOn: isoDate,
});

/** A syringe as read back: each product with its lot's number and expiry. */
export const sessionCocktailSchema = cocktailFields.extend({
  components: z.array(
    cocktailComponentInput.extend({
      productName: z.string(),
      lotNumber: z.string(),
      expiresOn: isoDate,
    }),
  ),
});
export type SessionCocktail = z.infer<typeof sessionCocktailSchema>;

export const sessionSchema = sessionDraftFields.extend({
  id: idSchema,
  patientId: idSchema,
  courseId: idSchema.nullable(),
  /** "Session 3 of 6" when it belongs to a course. */
  courseNumber: z.number().int().nullable(),
  coursePlanned: z.number().int().nullable(),
  timing: z.enum(['first', 'on-time', 'too-early', 'too-late']).nullable(),
  screeningId: idSchema,
  performedOn: isoDate,
  status: sessionStatusSchema,
  practitionerId: idSchema,
  practitionerName: z.string(),
  products: z.array(sessionProductLineSchema),
  signedAt: isoDateTime.nullable(),
  signedByName: z.string().nullable(),
  /**
   * How the practitioner's signature was proven: signed in as themselves, or their own password
   * re-entered at another's workstation (then `signatureRecordedByName` was at the keyboard).
   */
  signatureProvenBy: z.enum(['signed-in', 'password']).nullable(),
  signatureRecordedByName: z.string().nullable(),
  addenda: z.array(addendumSchema),
  /** Set when the draft was abandoned; null for a draft abandoned before reasons were asked. */
  abandonedAt: isoDateTime.nullable(),
  abandonedByName: z.string().nullable(),
  abandonReason: z.string().nullable(),
  anaesthetics: z.array(substanceLineInput),
  additions: z.array(substanceLineInput),
  cocktails: z.array(sessionCocktailSchema),
  /** Allergy matches used anyway, recorded at signing. */
  substanceOverrides: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      reason: z.string(),
      byName: z.string(),
      at: isoDateTime,
    }),
  ),
  adverseEvents: z.array(adverseEventSchema),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type TreatmentSession = z.infer<typeof sessionSchema>;

export const sessionSummarySchema = z.object({
  id: idSchema,
  courseId: idSchema.nullable(),
  performedOn: isoDate,
  status: sessionStatusSchema,
  practitionerName: z.string(),
  areas: z.array(treatmentAreaSchema),
  technique: techniqueSchema.nullable(),
  abandonReason: z.string().nullable(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const sessionsOperations = {
  'sessions.list': op({
    input: patientScopedInput,
    output: z.array(sessionSummarySchema),
    access: clinicalReaders,
    audit: { action: 'read', objectType: 'session' },
  }),
  'sessions.get': op({
    input: sessionIdInput,
    output: sessionSchema,
    access: clinicalReaders,
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
    input: sessionSignInput,
    output: sessionSchema,
    access: practitioner,
    audit: { action: 'execute', objectType: 'session-sign' },
  }),
  'sessions.abandon': op({
    input: sessionAbandonInput,
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
} as const;
