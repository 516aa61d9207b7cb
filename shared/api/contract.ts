import { z } from 'zod';
import type { Access } from './roles';
import type { AuditAction } from './domains/audit';
import { emptyInput } from './common';
import { sessionStateSchema, setupInput, signInInput, unlockInput } from './domains/auth';
import {
  staffCreateInput,
  staffResetPasswordInput,
  staffUpdateInput,
  staffUserSchema,
} from './domains/staff';
import { settingsSchema, settingsUpdateInput } from './domains/settings';
import { auditListInput, auditListOutput, auditVerifyOutput } from './domains/audit';

/**
 * Every operation Mesochart offers, named `domain.verb`. This table is the single source of
 * truth: the preload builds its API object from it, the main process validates against it, and
 * the renderer's types are inferred from it.
 */
export interface OperationDef<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** How the call is written to the audit trail; `null` for calls that touch no record. */
  audit: { action: AuditAction; objectType: string } | null;
  /** Largest serialised input accepted, in bytes. */
  maxInputBytes?: number;
}

function op<I extends z.ZodType, O extends z.ZodType>(def: OperationDef<I, O>): OperationDef<I, O> {
  return def;
}

const ok = z.object({ done: z.literal(true) });
const admin = ['admin'] as const;

export const operations = {
  'auth.state': op({
    input: emptyInput,
    output: sessionStateSchema,
    access: 'public',
    audit: null,
  }),
  'setup.complete': op({
    input: setupInput,
    output: sessionStateSchema,
    access: 'public',
    audit: { action: 'create', objectType: 'clinic' },
    maxInputBytes: 1_000_000,
  }),
  'auth.signIn': op({
    input: signInInput,
    output: sessionStateSchema,
    access: 'public',
    audit: { action: 'execute', objectType: 'sign-in' },
  }),
  'auth.signOut': op({
    input: emptyInput,
    output: sessionStateSchema,
    access: 'public',
    audit: { action: 'execute', objectType: 'sign-out' },
  }),
  'auth.lock': op({
    input: emptyInput,
    output: sessionStateSchema,
    access: 'signed-in',
    audit: { action: 'execute', objectType: 'lock' },
  }),
  'auth.unlock': op({
    input: unlockInput,
    output: sessionStateSchema,
    access: 'public',
    audit: { action: 'execute', objectType: 'unlock' },
  }),
  'auth.heartbeat': op({ input: emptyInput, output: ok, access: 'signed-in', audit: null }),
  'staff.list': op({
    input: emptyInput,
    output: z.array(staffUserSchema),
    access: admin,
    audit: { action: 'read', objectType: 'staff' },
  }),
  'staff.create': op({
    input: staffCreateInput,
    output: staffUserSchema,
    access: admin,
    audit: { action: 'create', objectType: 'staff' },
  }),
  'staff.update': op({
    input: staffUpdateInput,
    output: staffUserSchema,
    access: admin,
    audit: { action: 'update', objectType: 'staff' },
  }),
  'staff.resetPassword': op({
    input: staffResetPasswordInput,
    output: ok,
    access: admin,
    audit: { action: 'update', objectType: 'staff-password' },
  }),
  'settings.get': op({
    input: emptyInput,
    output: settingsSchema,
    access: 'signed-in',
    audit: null,
  }),
  'settings.update': op({
    input: settingsUpdateInput,
    output: settingsSchema,
    access: admin,
    audit: { action: 'update', objectType: 'settings' },
    maxInputBytes: 1_000_000,
  }),
  'audit.list': op({
    input: auditListInput,
    output: auditListOutput,
    access: admin,
    audit: { action: 'read', objectType: 'audit-log' },
  }),
  'audit.verify': op({
    input: emptyInput,
    output: auditVerifyOutput,
    access: admin,
    audit: { action: 'execute', objectType: 'audit-verify' },
  }),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OpInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type OpParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OpOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export const operationNames = Object.keys(operations) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(operations, name);
}

export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024;
