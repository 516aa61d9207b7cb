/**
 * What changed, announced after a write commits, so every open window refreshes what it shows
 * (the Today page and the diary when another desk books). The wrapper feeds it after each
 * committed write; a clinic server's LISTEN/NOTIFY can feed the same feed for other computers.
 */
export interface Change {
  /** Operation prefixes whose data changed ('appointments', 'reminders'). */
  domains: string[];
  /** Patients whose record changed; empty when none is named. */
  patientIds: string[];
}

export type ChangeListener = (change: Change) => void;

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  /** Returns the function that stops listening. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(change: Change): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A window that went away must not stop the others hearing of the change.
      }
    }
  }
}
