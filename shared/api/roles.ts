import { z } from 'zod';

export const roles = ['receptionist', 'practitioner', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/**
 * Who may call an operation. `public` is reachable before sign-in (setup, sign-in itself);
 * `signed-in` is any unlocked staff member; a role list names exactly who may call it.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

export function roleMayCall(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'signed-in') return true;
  return access.includes(role);
}

// Who may call what, by name: each operation's `access` is one of these groups (or public /
// signed-in), so the matrix reads the same in every domain's table. The matrix, in words:
// - the front desk registers patients, keeps their contact details, takes the intake
//   questionnaire, records consents as a witness and hands out documents; it sees no session
//   notes, adverse events, photos or screening details, only the chart's alert strip;
// - practitioners treat: checks, sessions, photos, adverse events, signatures;
// - the clinic's admin administers (staff, catalogue, templates, backups, audit) and may read the
//   record, but writes nothing clinical. A doctor who runs the clinic has a practitioner account
//   for treating.
// tests/unit/auth/role-matrix.test.ts writes the whole matrix out and fails on an undecided one.
export const admin = ['admin'] as const;
/** Everyone who works with the register: finding, registering and opening a patient. */
export const clinical = ['receptionist', 'practitioner', 'admin'] as const;
/** Archiving removes a patient from everyday search: the front desk and admins decide that. */
export const registerKeepers = ['receptionist', 'admin'] as const;
/**
 * The intake and the paper the patient signs or takes home: the front desk and practitioners
 * write them, the admin does not (no clinical writes).
 */
export const intake = ['receptionist', 'practitioner'] as const;
/** Clinical detail (history, checks, sessions, adverse events): those who treat, and the admin. */
export const clinicalReaders = ['practitioner', 'admin'] as const;
/** Only practitioners treat: they complete checks, log, sign and amend sessions. */
export const practitioner = ['practitioner'] as const;
/** Running the rules reads the history; admins may look at what the rules say too. */
export const checkers = ['practitioner', 'admin'] as const;
/** A recall contacts patients about a product: the clinic's admin or a practitioner runs it. */
export const recallers = ['practitioner', 'admin'] as const;
/**
 * Photographs often show intimate areas: practitioners take, describe and archive them; the admin
 * may look and export a comparison. Reception registers patients but does not see photos.
 */
export const photoViewers = ['practitioner', 'admin'] as const;
/** Taking, describing and archiving photos is clinical work: practitioners only. */
export const photographers = ['practitioner'] as const;
