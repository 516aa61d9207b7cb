import { isDeepStrictEqual } from 'node:util';
import { isOperationName, operations } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';

/**
 * Every answer the tests see is also parsed with the operation's full output schema (formats,
 * lengths, unions) and must come out unchanged: the services only project answers onto their
 * contract, so this is where a handler returning a malformed value is caught.
 */
export function checkAgainstContract(operation: unknown, result: Result<unknown>): void {
  if (!result.ok || !isOperationName(operation)) return;
  const parsed = operations[operation].output.safeParse(result.value);
  if (!parsed.success) {
    throw new Error(`${operation} answered outside its contract: ${parsed.error.message}`);
  }
  if (!isDeepStrictEqual(parsed.data, result.value)) {
    throw new Error(`${operation} answered with values its contract would change`);
  }
}
