import { z } from 'zod';
import { procedureKinds } from './procedure-kinds';
import { aftercareCautions } from './aftercare-cautions';
import { treatmentAreas } from '../sessions/treatment-terms';
import { shippedLanguages } from './languages';
import { keyed } from '../api/field-text';

/**
 * The plain data each PDF is rendered from. The documents service knows nothing of the
 * database: the caller gathers these objects, so a document can be rebuilt from what was
 * archived and tested without a store.
 */

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
const line = (max: number) => z.string().max(max);

/** Only inline images: a file path here would let data choose what the main process reads. */
export const imageDataUrlSchema = z
  .string()
  .max(4_000_000)
  .regex(
    /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=\s]+$/,
    keyed('validation.documents.pngOrJpegData', 'Expected a PNG or JPEG data URL'),
  );

export const pngDataUrlSchema = z
  .string()
  .max(4_000_000)
  .regex(
    /^data:image\/png;base64,[A-Za-z0-9+/=\s]+$/,
    keyed('validation.documents.pngData', 'Expected a PNG data URL'),
  );

export const pageSizes = ['A4', 'LETTER'] as const;

export const documentMetaSchema = z.object({
  documentId: z.string().min(1).max(64),
  generatedAt: isoDateTime,
  /** BCP 47 tag for dates, e.g. en-GB, tr-TR. */
  locale: z.string().min(2).max(35),
  /** IANA zone for times; the computer's zone when absent. */
  timeZone: z.string().max(64).optional(),
  pageSize: z.enum(pageSizes),
});

export const clinicSchema = z.object({
  name: line(200).min(1),
  /** Lines separated by newlines. */
  address: line(500),
  phone: line(40),
  email: line(254),
  logoDataUrl: imageDataUrlSchema.nullable(),
});

export const patientSchema = z.object({
  fullName: line(200).min(1),
  dateOfBirth: isoDate,
  clinicNumber: line(40),
  preferredLanguage: line(35),
});

export const practitionerSchema = z.object({
  fullName: line(200).min(1),
  /** Qualification or role as printed, e.g. "MD, aesthetic physician". */
  qualification: line(200).optional(),
  /** Licence or registration number, printed beside the name (issue 19). */
  licenceNumber: line(60).optional(),
});

export const productSchema = z.object({
  name: line(200).min(1),
  ingredients: z.array(line(200)).max(50),
});

/** A product as used in a session: always a lot, never a bare product. */
export const productLotSchema = productSchema.extend({
  lotNumber: line(80).min(1),
  expiry: isoDate.nullable(),
  volumeMl: z.number().min(0).max(1000).nullable(),
});

export const courseSchema = z.object({
  planned: z.number().int().min(1).max(100),
  intervalDays: z.number().int().min(1).max(730),
});

export const nextAppointmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('appointment'), at: isoDateTime }),
  z.object({ kind: z.literal('due'), date: isoDate }),
]);

export const sessionDetailsSchema = z.object({
  date: isoDate,
  areas: z.array(line(100)).min(1).max(30),
  technique: line(100),
  /** Free text so a range ("0.5–1") prints as written. */
  depthMm: line(40).nullable(),
  needle: line(60).nullable(),
  anaesthesia: line(200).nullable(),
  products: z.array(productLotSchema).max(30),
  practitioner: practitionerSchema,
  nextAppointment: nextAppointmentSchema.nullable(),
});

export const signatureSchema = z.object({
  imageDataUrl: pngDataUrlSchema.nullable(),
  signedAt: isoDateTime.nullable(),
});

/** A staff signature: who signed, in which capacity as printed, and how it was proven. */
export const staffSignatureSchema = signatureSchema.extend({
  name: line(200).min(1),
  /** e.g. "Receptionist" beside a witness's name. */
  capacity: line(100),
});

/** The patient's answer to a separate choice of the form (photographs for other use), initialled. */
export const consentChoiceSchema = z.object({
  sectionId: line(64).min(1),
  decision: z.enum(['agree', 'disagree']),
  initials: line(8).min(1),
});

export const consentDocumentDataSchema = z.object({
  meta: documentMetaSchema,
  clinic: clinicSchema,
  patient: patientSchema,
  practitioner: practitionerSchema,
  procedureKind: z.enum(procedureKinds),
  products: z.array(productSchema).max(30),
  sessions: courseSchema,
  /** The day of the (first) treatment this consent is for; absent on forms made before it. */
  treatmentDate: isoDate.optional(),
  signatures: z
    .object({
      patient: signatureSchema.nullable(),
      practitioner: signatureSchema.nullable(),
      /** A member of staff who saw the patient sign; never signs as the practitioner. */
      witness: staffSignatureSchema.nullable().optional(),
    })
    .optional(),
  choices: z.array(consentChoiceSchema).max(20).optional(),
});

export const aftercareDocumentDataSchema = z.object({
  meta: documentMetaSchema,
  clinic: clinicSchema,
  patient: patientSchema,
  procedureKind: z.enum(procedureKinds),
  session: sessionDetailsSchema,
  sessions: courseSchema.nullable(),
  /**
   * The areas treated, as codes, choosing the instructions that apply; absent in sheets archived
   * before items named their areas, which printed every instruction.
   */
  treatedAreas: z.array(z.enum(treatmentAreas)).max(treatmentAreas.length).optional(),
  /** The patient's own cautions raised by the session's check. */
  cautions: z.array(z.enum(aftercareCautions)).max(aftercareCautions.length).optional(),
});

export const findingSeverities = ['clear', 'caution', 'do-not-treat'] as const;

export const checkFindingSchema = z.object({
  label: line(300).min(1),
  severity: z.enum(findingSeverities),
  detail: line(1000).nullable(),
});

export const overrideSchema = z.object({
  finding: line(300),
  reason: line(2000).min(1),
  by: line(200).min(1),
  at: isoDateTime,
});

export const addendumSchema = z.object({
  author: line(200).min(1),
  at: isoDateTime,
  text: line(10_000).min(1),
});

/**
 * A syringe as it was prepared (each product with its lot and the volume drawn, one total) and how
 * that total was spread over the areas (each by its English name), printed as recorded.
 */
export const cocktailPrintSchema = z.object({
  label: line(80),
  totalVolumeMl: z.number().positive().nullable(),
  components: z
    .array(
      z.object({
        name: line(200),
        lotNumber: line(80),
        expiry: isoDate.nullable(),
        volumeMl: z.number().positive().nullable(),
      }),
    )
    .max(10),
  areas: z.array(z.object({ area: line(100), volumeMl: z.number().positive().nullable() })).max(15),
});
export type CocktailPrint = z.infer<typeof cocktailPrintSchema>;

export const sessionSummaryDataSchema = z.object({
  meta: documentMetaSchema,
  /** The patient's language the summary is printed in; summaries archived before it are English. */
  language: z.enum(shippedLanguages).optional(),
  clinic: clinicSchema,
  patient: patientSchema,
  procedureKind: z.enum(procedureKinds),
  /** The photo-free identity line beside name, birth date and clinic number. */
  identity: z.object({ ageOnSessionDay: z.number().int().min(0).max(150), sex: line(40) }),
  /** The alerts the session screen showed: allergies, conditions, thinners, open events. */
  alerts: z.array(line(300)).max(50),
  session: sessionDetailsSchema.extend({
    immediateReactions: line(2000).nullable(),
    notes: line(10_000).nullable(),
    /** Absent in summaries archived before syringes were printed. */
    cocktails: z.array(cocktailPrintSchema).max(10).optional(),
  }),
  sessions: courseSchema.nullable(),
  check: z.object({
    outcome: z.enum(findingSeverities),
    findings: z.array(checkFindingSchema).max(100),
    overrides: z.array(overrideSchema).max(100),
  }),
  signed: z.object({ by: line(200).min(1), at: isoDateTime }).nullable(),
  addenda: z.array(addendumSchema).max(200),
});

export type DocumentMeta = z.infer<typeof documentMetaSchema>;
export type PageSize = DocumentMeta['pageSize'];
export type ClinicInfo = z.infer<typeof clinicSchema>;
export type PatientInfo = z.infer<typeof patientSchema>;
export type PractitionerInfo = z.infer<typeof practitionerSchema>;
export type ProductInfo = z.infer<typeof productSchema>;
export type ProductLotInfo = z.infer<typeof productLotSchema>;
export type CourseInfo = z.infer<typeof courseSchema>;
export type NextAppointment = z.infer<typeof nextAppointmentSchema>;
export type SessionDetails = z.infer<typeof sessionDetailsSchema>;
export type SignatureInfo = z.infer<typeof signatureSchema>;
export type FindingSeverity = (typeof findingSeverities)[number];
export type ConsentDocumentData = z.infer<typeof consentDocumentDataSchema>;
export type ConsentChoice = z.infer<typeof consentChoiceSchema>;
export type AftercareDocumentData = z.infer<typeof aftercareDocumentDataSchema>;
export type SessionSummaryData = z.infer<typeof sessionSummaryDataSchema>;
