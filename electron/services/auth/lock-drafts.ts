import type { LockDraft } from '../../../shared/api/auth';
import type { AuthSession } from './sign-in';

/**
 * Forms left unsaved when the screen locked, kept per member of staff in the main process's memory
 * only: the locked window must hold no patient data, and whoever unlocks or signs in next gets
 * back only their own forms. A later draft of the same form replaces the earlier one.
 */
export function holdDrafts(session: AuthSession, drafts: readonly LockDraft[]): void {
  const userId = session.userId;
  if (!userId || drafts.length === 0) return;
  const held = new Map((session.drafts.get(userId) ?? []).map((d) => [d.key, d]));
  for (const draft of drafts) held.set(draft.key, draft);
  session.drafts.set(userId, [...held.values()]);
}

/** The signed-in user's drafts, handed back once: the window keeps them from then on. */
export function takeDrafts(session: AuthSession): LockDraft[] {
  const userId = session.userId;
  if (!userId) return [];
  const drafts = session.drafts.get(userId) ?? [];
  session.drafts.delete(userId);
  return drafts;
}
