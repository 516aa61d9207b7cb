import type { z } from 'zod';
import type { Access } from './roles';

/** What an audited call did to its object. */
export const auditActions = ['create', 'read', 'update', 'delete', 'execute'] as const;
export type AuditAction = (typeof auditActions)[number];

/** One operation of the contract: its input and output schemas, who may call it, how it is audited. */
export interface OperationDef<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /**
   * How the call is written to the audit trail; `null` for calls that touch no record. Events of
   * reads are queued and written together a moment later (see the audit queue), so opening a
   * chart or typing in the search box does not wait for a disk flush; they are never skipped.
   */
  audit: { action: AuditAction; objectType: string } | null;
  /** Largest serialised input accepted, in bytes. */
  maxInputBytes?: number;
}

export function op<I extends z.ZodType, O extends z.ZodType>(
  def: OperationDef<I, O>,
): OperationDef<I, O> {
  return def;
}
