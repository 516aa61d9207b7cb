import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { KeysStatus } from '../../../../shared/api/keys';
import { api, unwrap } from '../../lib/api';
import { SESSION_KEY } from '../../lib/session';

/** Query keys of the clinic's keys: whether they are open, and the pending recovery key. */
export const keysKeys = {
  status: ['keys', 'status'] as const,
  recoveryKey: ['keys', 'recoveryKey'] as const,
};

export function useKeysStatus() {
  return useQuery({ queryKey: keysKeys.status, queryFn: () => unwrap(api.keys.status({})) });
}

/** After the keys opened (or the recovery key was confirmed): the new status, a fresh session. */
export function useApplyKeysStatus() {
  const client = useQueryClient();
  return useCallback(
    (status: KeysStatus) => {
      client.setQueryData(keysKeys.status, status);
      if (!status.recoveryKeyPending) client.removeQueries({ queryKey: keysKeys.recoveryKey });
      void client.invalidateQueries({ queryKey: SESSION_KEY });
    },
    [client],
  );
}
