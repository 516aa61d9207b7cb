import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SessionState } from '../../../shared/api/auth';
import { api, unwrap } from './api';

export const SESSION_KEY = ['session'] as const;

/** The last member of staff the app was open for, and whether the next one starts afresh. */
let lastUserId: string | null = null;
let nextStartsClean = false;

/**
 * True once for the first screen after a different member of staff signed in: they start from
 * the patient list, never on the screen (and patient) the previous user left open.
 */
export function takeStartsClean(): boolean {
  const clean = nextStartsClean;
  nextStartsClean = false;
  return clean;
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: () => unwrap(api.auth.state({})) });
}

/**
 * Applies a new session state. Whenever nobody is at the keyboard (locked or signed out) every
 * cached record is dropped, so no patient data stays in memory or in the DOM.
 */
export function useSetSession() {
  const client = useQueryClient();
  return useCallback(
    (state: SessionState) => {
      if (state.locked || !state.user) {
        client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      }
      if (state.user) {
        if (lastUserId !== null && lastUserId !== state.user.id) nextStartsClean = true;
        lastUserId = state.user.id;
      }
      client.setQueryData(SESSION_KEY, state);
    },
    [client],
  );
}
