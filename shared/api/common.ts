import { z } from 'zod';
import { keyed } from './field-text';
import { fieldLabelKey, type FieldLabel } from './field-labels';

/** Control characters other than tab/newline never belong in a record; refuse rather than strip. */
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function text(max: number, label: FieldLabel = 'This field') {
  const named = { label: fieldLabelKey(label) };
  return z
    .string()
    .max(
      max,
      keyed('validation.text.tooLong', '{{label}} must be at most {{max}} characters', {
        ...named,
        max,
      }),
    )
    .refine(
      (s) => !controlChars.test(s),
      keyed('validation.text.controlChars', '{{label}} contains control characters', named),
    );
}

/** The message of a field left empty, naming it: "Given name is required". */
export function requiredMessage(label: FieldLabel) {
  return keyed('validation.text.required', '{{label}} is required', {
    label: fieldLabelKey(label),
  });
}

/** "Onset date: enter a valid date". */
export function validDateMessage(label: FieldLabel) {
  return keyed('validation.dates.invalid', '{{label}}: enter a valid date', {
    label: fieldLabelKey(label),
  });
}

export function requiredText(max: number, label: FieldLabel = 'This field') {
  return text(max, label).refine((s) => s.trim().length > 0, requiredMessage(label));
}

/**
 * Direction overrides and isolates (U+202A–E, U+2066–9), the zero-width space and the byte-order
 * mark (U+200B, U+FEFF) make a name display differently on screen and on paper, or look like
 * another name: always refused. Letters of any script stay allowed, Arabic and Hebrew included:
 * the bidi algorithm orders them without any of these.
 */
const hiddenFormatting = /[\u200b\u202a-\u202e\u2066-\u2069\ufeff]/;
/**
 * The zero-width non-joiner and joiner (U+200C–D) are spelling in Persian, Arabic-script and
 * Indic names and hold emoji sequences together; between two Latin, Greek or Cyrillic letters,
 * or at an edge, they only hide something. Allowed where they join two letters of another script,
 * or (the joiner) two pictographs.
 */
const joinerInContext =
  /(?<=[\p{L}\p{M}](?<![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]))[\u200c\u200d](?=(?![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{L})|(?<=\p{Extended_Pictographic}(?:\ufe0f|\p{Emoji_Modifier})?)\u200d(?=\p{Extended_Pictographic})/gu;

export function hasHiddenFormatting(s: string): boolean {
  return hiddenFormatting.test(s) || /[\u200c\u200d]/.test(s.replace(joinerInContext, ''));
}

/** A name or other free-text field that identifies someone: no hidden formatting characters. */
export function identityText(max: number, label: FieldLabel = 'This field') {
  return text(max, label).refine(
    (s) => !hasHiddenFormatting(s),
    keyed(
      'validation.text.hiddenFormatting',
      '{{label}} contains invisible or text-direction characters; type it again without them',
      { label: fieldLabelKey(label) },
    ),
  );
}

export function requiredIdentityText(max: number, label: FieldLabel = 'This field') {
  return identityText(max, label).refine((s) => s.trim().length > 0, requiredMessage(label));
}

export const emptyInput = z.object({}).strict();

export const isoDateTime = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();

export const idSchema = z.string().min(1).max(64);

export const emailSchema = z
  .string()
  .max(254, keyed('validation.contact.emailTooLong', 'Email must be at most 254 characters'))
  .refine(
    (s) => s === '' || z.email().safeParse(s).success,
    keyed('validation.contact.email', 'Enter a valid email address'),
  );

export const phoneSchema = z
  .string()
  .max(40, keyed('validation.contact.phoneTooLong', 'Phone must be at most 40 characters'))
  .refine(
    (s) => s === '' || /^[+()\d\s./-]{5,40}$/.test(s),
    keyed('validation.contact.phone', 'Enter a valid phone number'),
  );

/** The answer of an operation that only does something. */
export const doneOutput = z.object({ done: z.literal(true) });
