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
// signed-in), so the matrix reads the same in every domain's table.
export const admin = ['admin'] as const;
/** Everyone who sees patients: reception registers and takes the intake, practitioners treat. */
export const clinical = ['receptionist', 'practitioner', 'admin'] as const;
/** Archiving removes a patient from everyday search: the front desk and admins decide that. */
export const registerKeepers = ['receptionist', 'admin'] as const;
/** Only practitioners treat: they complete checks, log, sign and amend sessions. */
export const practitioner = ['practitioner'] as const;
/** Running the rules reads the history; admins may look at what the rules say too. */
export const checkers = ['practitioner', 'admin'] as const;
/** A recall contacts patients about a product: the clinic's admin or a practitioner runs it. */
export const recallers = ['practitioner', 'admin'] as const;
/**
 * Photographs often show intimate areas: practitioners take and compare them, and the admin
 * (usually the clinic's doctor) may too. Reception registers patients but does not see photos.
 */
export const photographers = ['practitioner', 'admin'] as const;
