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
