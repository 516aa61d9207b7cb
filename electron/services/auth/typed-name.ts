import { createHmac } from 'node:crypto';

/**
 * How a failed sign-in's user name is written to the audit log, which is kept forever. The name
 * of an existing account is kept as it is: it says whose account was tried. Anything else may be
 * a password typed into the wrong field, so only a short keyed fingerprint is kept: repeated
 * attempts with the same text can be told apart from others, but six hex digits (16.7 million
 * values) match far too many texts for the original to be recovered from them.
 */
export function auditedTypedName(auditKey: Buffer, typed: string, knownAccount: boolean): string {
  const name = typed.trim().toLowerCase();
  if (knownAccount) return name;
  const digest = createHmac('sha256', auditKey).update(`sign-in-name:${name}`).digest('hex');
  return `unknown#${digest.slice(0, 6)}`;
}
