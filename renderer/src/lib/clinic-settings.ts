import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api';

/**
 * The clinic's settings: read by its Settings page and by forms elsewhere (the languages a
 * patient may choose), under one key so saving them refreshes every reader.
 */
export const CLINIC_SETTINGS_KEY = ['settings'] as const;

export function useClinicSettings() {
  return useQuery({
    queryKey: CLINIC_SETTINGS_KEY,
    queryFn: () => unwrap(api.clinic.settings({})),
    staleTime: 60_000,
  });
}
