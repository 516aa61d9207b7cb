import type { OpInput, OpOutput, OperationName } from './contract';
import { operationNames } from './contract';
import type { Result } from './result';

/** The transport: IPC in the app, `page.exposeFunction` in browser tests. */
export type Invoke = (operation: string, input: unknown) => Promise<unknown>;

type DomainOf<N> = N extends `${infer D}.${string}` ? D : never;
type VerbOf<N, D extends string> = N extends `${D}.${infer V}` ? V : never;

export type MesochartApi = {
  [D in DomainOf<OperationName>]: {
    [V in VerbOf<OperationName, D>]: `${D}.${V}` extends infer N extends OperationName
      ? (input: OpInput<N>) => Promise<Result<OpOutput<N>>>
      : never;
  };
};

/**
 * Builds the one API object the renderer sees, with a function per operation in the contract.
 * Nothing else can be called through it: there is no generic "send" on the object.
 */
export function buildApi(invoke: Invoke): MesochartApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of operationNames) {
    const [domain, verb] = name.split('.') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (input: unknown) => invoke(name, input ?? {});
  }
  return Object.freeze(api) as unknown as MesochartApi;
}

export const API_GLOBAL = 'mesochart';
export const INVOKE_CHANNEL = 'mesochart:invoke';
