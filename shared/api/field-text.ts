import { z } from 'zod';
import type { ErrorText } from './result';
import { fieldLabels, type FieldLabelKey } from './field-labels';

/**
 * The schemas' field messages, each with its catalogue key (renderer i18n, `validation.*`) beside
 * its English wording. Where a schema runs decides the words: the services and tools keep the
 * English reference (the wrapper hands the key to the screens as `fieldKeys`), while the screens
 * install their catalogue (`setFieldWording`), so a form's own check reads in the language the
 * screens are in at the moment it checks. Messages are made when a check fails, not when the
 * schema is built, which is what lets one schema speak every language.
 */

type Params = Record<string, string | number>;
type Wording = (text: ErrorText, english: string) => string;

const inEnglish: Wording = (_text, english) => english;
let wording: Wording = inEnglish;

/** The screens' catalogue, or back to English with null (tests). */
export function setFieldWording(next: Wording | null): void {
  wording = next ?? inEnglish;
}

/**
 * English from a catalogue-style template (`{{max}}`). A `label` value is the catalogue key of
 * the field's name (fieldLabels), so the screens can word the name in their language too.
 */
export function englishText(template: string, params: Params = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (name === 'label') return fieldLabels[value as FieldLabelKey] ?? String(value);
    return String(value);
  });
}

/**
 * The messages made lately and their keys (most recent last, bounded): the wrapper looks up the
 * issues of the parse it just ran, so a short memory is enough and dynamic values cannot pile up.
 */
const made = new Map<string, ErrorText>();
const REMEMBERED = 500;

/** A field message for an issue raised by hand (`ctx.addIssue`, a list of problems). */
export function fieldMessage(key: string, template: string, params?: Params): string {
  const text: ErrorText = params ? { key, params } : { key };
  const message = wording(text, englishText(template, params));
  made.delete(message);
  made.set(message, text);
  if (made.size > REMEMBERED) made.delete(made.keys().next().value as string);
  return message;
}

/** A check's message, as zod's `error` option: `.min(1, keyed('validation.x', 'Enter …'))`. */
export function keyed(key: string, template: string, params?: Params): { error: () => string } {
  return { error: () => fieldMessage(key, template, params) };
}

/** The catalogue key and values of a message just made by a failed check, if it has one. */
export function textOfMessage(message: string): ErrorText | undefined {
  return made.get(message);
}

/**
 * zod's own messages ("Too small: expected string to have >=1 characters") are written for
 * developers; clinic staff read these instead, worded by our catalogue rather than zod's locales
 * (whose French and Arabic keep the type names and symbols). Installed for every zod schema in
 * the process, services and screens alike, so both give the same words and keys.
 */
function genericMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) {
        return fieldMessage('validation.generic.required', 'Required');
      }
      if (issue.expected === 'number' || issue.expected === 'int') {
        return fieldMessage('validation.generic.number', 'Enter a number');
      }
      break;
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') {
        return minimum <= 1
          ? fieldMessage('validation.generic.required', 'Required')
          : fieldMessage('validation.generic.tooShort', 'Enter at least {{minimum}} characters', {
              minimum,
            });
      }
      if (issue.origin === 'number' || issue.origin === 'int') {
        return issue.inclusive === false
          ? fieldMessage('validation.generic.moreThan', 'Enter more than {{minimum}}', { minimum })
          : fieldMessage('validation.generic.atLeast', 'Enter at least {{minimum}}', { minimum });
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return fieldMessage('validation.generic.tooFew', 'Choose at least {{minimum}}', {
          minimum,
        });
      }
      break;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') {
        return fieldMessage('validation.generic.tooLong', 'At most {{maximum}} characters', {
          maximum,
        });
      }
      if (issue.origin === 'number' || issue.origin === 'int') {
        return issue.inclusive === false
          ? fieldMessage('validation.generic.lessThan', 'Enter less than {{maximum}}', { maximum })
          : fieldMessage('validation.generic.atMost', 'Enter at most {{maximum}}', { maximum });
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return fieldMessage('validation.generic.tooMany', 'At most {{maximum}} entries', {
          maximum,
        });
      }
      break;
    }
    case 'invalid_format':
      if (issue.format === 'email')
        return fieldMessage('validation.generic.email', 'Enter a valid e-mail address');
      if (issue.format === 'date')
        return fieldMessage('validation.generic.date', 'Enter a valid date');
      if (issue.format === 'datetime')
        return fieldMessage('validation.generic.dateTime', 'Enter a valid date and time');
      return fieldMessage('validation.generic.format', 'This is not in the expected form');
    case 'not_multiple_of':
      return fieldMessage('validation.generic.multipleOf', 'Enter a multiple of {{divisor}}', {
        divisor: issue.divisor,
      });
    case 'invalid_value':
      return fieldMessage('validation.generic.choose', 'Choose one of the options');
    case 'unrecognized_keys':
      return fieldMessage('validation.generic.unexpected', 'Not expected here: {{keys}}', {
        keys: issue.keys.join(', '),
      });
    default:
      break;
  }
  return fieldMessage('validation.generic.invalid', 'This value is not valid');
}

z.config({ customError: genericMessage });
