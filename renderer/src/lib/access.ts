import { operations, type OperationName } from '../../../shared/api/contract';
import { roleMayCall, type Role } from '../../../shared/api/roles';
import { useSession } from './session';

/**
 * Whether a role may call an operation, read from the contract the main process enforces: a
 * screen hides what the role would be refused instead of showing an error.
 */
export function roleMay(role: Role | null | undefined, name: OperationName): boolean {
  return roleMayCall(operations[name].access, role ?? null);
}

/** The signed-in user's answer to `roleMay`. */
export function useMay(name: OperationName): boolean {
  const session = useSession();
  return roleMay(session.data?.user?.role ?? null, name);
}
