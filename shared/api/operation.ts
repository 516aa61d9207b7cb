import type { z } from 'zod';
import type { Access } from './roles';
import type { AuditAction } from './domains/audit';

/** One operation of the contract: its input and output schemas, who may call it, how it is audited. */
export interface OperationDef<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /**
   * How the call is written to the audit trail; `null` for calls that touch no record.
   * `batched` reads (search as you type) are queued and written together a moment later, so a
   * keystroke does not wait for a disk flush; they are never skipped.
   */
  audit: { action: AuditAction; objectType: string; batched?: true } | null;
  /** Largest serialised input accepted, in bytes. */
  maxInputBytes?: number;
}

export function op<I extends z.ZodType, O extends z.ZodType>(
  def: OperationDef<I, O>,
): OperationDef<I, O> {
  return def;
}
