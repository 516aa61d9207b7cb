import { useEffect, useSyncExternalStore } from 'react';
import type { Result } from '../../../shared/api/result';

/**
 * Whether the clinic server answered the last call: every result passing through `unwrap` says
 * so (a SERVER_UNREACHABLE refusal, or any answer at all). On a single computer it never changes.
 */
let reachable = true;
const listeners = new Set<() => void>();

function set(next: boolean): void {
  if (next === reachable) return;
  reachable = next;
  for (const listener of listeners) listener();
}

/** Notes what a call's result says about the server; `unwrap` calls it for every result. */
export function noteServerResult(result: Result<unknown>): void {
  if (!result.ok && result.error.code === 'SERVER_UNREACHABLE') set(false);
  // Any other answer, a refusal included, came through the server when the clinic is on one.
  else if (result.ok || result.error.code !== 'INTERNAL') set(true);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** How often the window asks again while the server is away, so the banner goes by itself. */
const PROBE_MS = 2_000;

/**
 * False while the clinic server is out of reach. While it is, `probe` (a call that reads from
 * the server) is made every two seconds, so the banner goes when the server is back without
 * anyone having to try a save first.
 */
export function useServerReachable(probe: () => Promise<Result<unknown>>): boolean {
  const now = useSyncExternalStore(subscribe, () => reachable);
  useEffect(() => {
    if (now) return;
    const timer = setInterval(() => {
      void probe()
        .then(noteServerResult)
        .catch(() => undefined);
    }, PROBE_MS);
    return () => clearInterval(timer);
  }, [now, probe]);
  return now;
}
