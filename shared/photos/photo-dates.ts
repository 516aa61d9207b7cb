import { z } from 'zod';
import { keyed } from '../api/field-text';

/**
 * When a camera's date is believed without asking. A camera whose clock was never set (or was
 * reset by a flat battery) writes a date years off, and a comparison's "6 weeks apart" then
 * misleads; but a camera abroad or a phone a few hours ahead is not worth a question. The
 * clinic sets both margins; these defaults flag only what is clearly wrong.
 */
export const photoDateSettingsSchema = z.object({
  /** A photo dated more than this many days before the patient's first visit is asked about. */
  daysBeforeFirstVisit: z
    .number()
    .int(keyed('validation.numbers.wholeDays', 'Whole days only'))
    .min(0, keyed('validation.photos.atLeastDays', 'At least 0 days'))
    .max(3650, keyed('validation.photos.atMostDays', 'At most 3650 days')),
  /** A photo dated more than this many hours after its import is asked about. */
  hoursInFuture: z
    .number()
    .int(keyed('validation.numbers.wholeHours', 'Whole hours only'))
    .min(1, keyed('validation.photos.atLeastHour', 'At least 1 hour'))
    .max(720, keyed('validation.photos.atMostHours', 'At most 720 hours')),
});
export type PhotoDateSettings = z.infer<typeof photoDateSettingsSchema>;

export const photoDateSettingsDefaults: PhotoDateSettings = {
  daysBeforeFirstVisit: 30,
  hoursInFuture: 24,
};

export const photoDateChecks = ['ok', 'unconfirmed', 'confirmed'] as const;
export type PhotoDateCheck = (typeof photoDateChecks)[number];
export const photoDateReasons = ['before-first-visit', 'future'] as const;
export type PhotoDateReason = (typeof photoDateReasons)[number];

/** Milliseconds of a wall-clock time "YYYY-MM-DDTHH:MM[:SS]" read as if it were UTC. */
function wallClockMs(value: string): number {
  const base = value.length === 10 ? `${value}T00:00:00` : value.slice(0, 19);
  return Date.parse(`${base.length === 16 ? `${base}:00` : base}Z`);
}

/**
 * Why a camera's date needs a person to confirm it, or null when it is believable. All three
 * times are wall-clock times of the clinic (a camera records no zone), so they compare as is.
 */
export function cameraDateProblem(
  takenAt: string,
  context: { firstVisit: string; importedAt: string },
  settings: PhotoDateSettings,
): PhotoDateReason | null {
  const taken = wallClockMs(takenAt);
  if (taken > wallClockMs(context.importedAt) + settings.hoursInFuture * 3_600_000) {
    return 'future';
  }
  if (taken < wallClockMs(context.firstVisit) - settings.daysBeforeFirstVisit * 86_400_000) {
    return 'before-first-visit';
  }
  return null;
}

/** Whole days between two wall-clock dates, later minus earlier, whatever their order. */
export function daysApart(a: string, b: string): number {
  return Math.abs(
    Math.round((wallClockMs(b.slice(0, 10)) - wallClockMs(a.slice(0, 10))) / 86_400_000),
  );
}

/** A comparison's interval in the unit a clinic speaks of: days, then weeks, then months. */
export function intervalParts(
  a: string,
  b: string,
): { unit: 'day' | 'week' | 'month'; count: number } {
  const days = daysApart(a, b);
  if (days < 14) return { unit: 'day', count: days };
  if (days < 90) return { unit: 'week', count: Math.round(days / 7) };
  return { unit: 'month', count: Math.round(days / 30.44) };
}

/**
 * The second photo of an overlay comparison as laid onto the first: moved by fractions of the
 * stage, scaled, rotated in degrees. Saved per pair so the comparison reopens aligned.
 */
export const photoAlignmentSchema = z.object({
  offsetX: z.number().min(-1).max(1),
  offsetY: z.number().min(-1).max(1),
  scale: z
    .number()
    .min(0.25, keyed('validation.photos.atLeastScale', 'At least 25%'))
    .max(4, keyed('validation.photos.atMostScale', 'At most 400%')),
  rotation: z.number().min(-180).max(180),
});
export type PhotoAlignment = z.infer<typeof photoAlignmentSchema>;

export const identityAlignment: PhotoAlignment = { offsetX: 0, offsetY: 0, scale: 1, rotation: 0 };
