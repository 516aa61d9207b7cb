import type { MesochartApi } from '../../../shared/api/client';
import type { ApiError, Result } from '../../../shared/api/result';
import { noteServerResult } from './server-status';

declare global {
  interface Window {
    mesochart: MesochartApi;
  }
}

/** The only way the renderer reaches the main process: the object the preload exposed. */
export const api: MesochartApi = window.mesochart;

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
  }
}

/** Turns a Result into a value or a thrown ApiFailure, the shape TanStack Query expects. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  noteServerResult(result);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}
