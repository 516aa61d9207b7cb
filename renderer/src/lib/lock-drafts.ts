import { useEffect, useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useLocation } from 'react-router';
import type { LockDraft } from '../../../shared/api/auth';
import { api, unwrap } from './api';

/**
 * Forms kept through the screen lock. While the screen is locked the window holds no patient
 * data, so each open form's unsaved state is handed to the main process with the lock, kept there
 * for the member of staff who typed it, and handed back when that same person unlocks or signs in
 * again; the form then opens with it. Anyone else who signs in meanwhile never sees it.
 */

/** The forms open now: each gives its unsaved state, or null when nothing is unsaved. */
const openForms = new Map<string, () => LockDraft | null>();
/** Drafts handed back after unlocking whose form has not opened yet. */
const waiting = new Map<string, LockDraft>();

/** Every unsaved form, taken out of the window to go with the lock request. */
export function takeOpenDrafts(): LockDraft[] {
  const drafts = new Map(waiting);
  waiting.clear();
  for (const [key, current] of openForms) {
    const draft = current();
    if (draft) drafts.set(key, draft);
  }
  return [...drafts.values()];
}

/** After unlocking or signing in: the user's own drafts, ready for their forms to open with. */
export async function fetchOwnDrafts(): Promise<LockDraft[]> {
  const { drafts } = await unwrap(api.auth.takeDrafts({}));
  for (const draft of drafts) waiting.set(draft.key, draft);
  return drafts;
}

/**
 * Registers a form to be kept through the lock under `name` (unique on its page), and fills it
 * with its draft when one was handed back. `ready` is false while the form still waits for the
 * record it edits, so the draft is laid over the loaded values, not under them.
 */
export function useKeptThroughLock<T extends FieldValues>(
  name: string,
  form: UseFormReturn<T>,
  ready = true,
): void {
  const { pathname } = useLocation();
  const key = `${pathname}#${name}`;
  // Read during render so that react-hook-form keeps the dirty flag up to date.
  const { isDirty } = form.formState;
  const dirty = useRef(false);
  useEffect(() => {
    dirty.current = isDirty;
  }, [isDirty]);

  useEffect(() => {
    if (!ready) return undefined;
    const draft = waiting.get(key);
    if (draft) {
      waiting.delete(key);
      // The loaded values stay the defaults, so the restored text still counts as unsaved.
      form.reset(JSON.parse(draft.values) as T, { keepDefaultValues: true });
      dirty.current = true;
    }
    openForms.set(key, () =>
      dirty.current ? { key, route: pathname, values: JSON.stringify(form.getValues()) } : null,
    );
    return () => {
      openForms.delete(key);
    };
  }, [form, key, pathname, ready]);
}

/** Whether a draft of the form `name` on this page waits to be reopened (a form in a dialog). */
export function useLockDraftWaiting(name: string): boolean {
  const { pathname } = useLocation();
  return waiting.has(`${pathname}#${name}`);
}
