import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { changeSchema, type MesochartChanges } from '../../../shared/api/changes';
import { TREATMENTS_KEY } from './query-keys';

declare global {
  interface Window {
    /** Exposed by the preload as CHANGES_GLOBAL; absent only outside the app. */
    mesochartChanges?: MesochartChanges;
  }
}

/** The desk's lists: the diary and Today, courses due, the reminders log. */
const DESK: readonly QueryKey[] = [['appointments'], ['recall'], ['reminders']];
/**
 * Patient search results (features/patients queries: ['patients', 'search', query, archived]):
 * a patient registered or renamed at another desk shows in a search left open here.
 */
const PATIENT_SEARCH: QueryKey = ['patients', 'search'];

/**
 * Which screens' data a committed change of each operation prefix can alter. Only lists are
 * refreshed, never a form's source: a form keeps what the user typed (react-hook-form reads its
 * data once), and a chart open elsewhere is read afresh when it is next opened.
 */
const REFRESHED_BY: Readonly<Record<string, readonly QueryKey[]>> = {
  appointments: [...DESK, TREATMENTS_KEY],
  reminders: [['reminders']],
  // Today shows the course balance, a history still to take and a consent still to sign.
  courses: [...DESK, TREATMENTS_KEY],
  sessions: [...DESK, TREATMENTS_KEY],
  screening: [['appointments']],
  history: [['appointments']],
  consents: [['appointments']],
  documents: [['appointments']],
  patients: [...DESK, PATIENT_SEARCH],
  recall: [['recall'], ['reminders']],
};

/** The query-key prefixes a change refreshes; a prefix named by two domains appears once. */
export function keysRefreshedBy(domains: readonly string[]): QueryKey[] {
  const seen = new Map<string, QueryKey>();
  for (const domain of domains) {
    for (const key of REFRESHED_BY[domain] ?? []) seen.set(JSON.stringify(key), key);
  }
  return [...seen.values()];
}

function refresh(client: QueryClient, message: unknown): void {
  const parsed = changeSchema.safeParse(message);
  if (!parsed.success) return;
  for (const queryKey of keysRefreshedBy(parsed.data.domains)) {
    // Only screens on show fetch again; the others are marked stale and read when opened.
    void client.invalidateQueries({ queryKey });
  }
}

/**
 * Keeps the signed-in window's lists in step with writes made elsewhere (another window, or
 * another computer on the clinic server): mounted by the shell, so nothing is fetched while the
 * screen is locked or the patient holds the tablet.
 */
export function useChangeFeed(): void {
  const client = useQueryClient();
  useEffect(() => {
    return window.mesochartChanges?.subscribe((change) => refresh(client, change));
  }, [client]);
}
