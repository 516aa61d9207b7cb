import type { Store } from '../store/database';
import { appendAudit, type AuditEntry } from './audit-log';

/** How long a batched audit event may wait before it is written. */
const FLUSH_AFTER_MS = 250;

/**
 * Audit events of reads, written together shortly after: one transaction (one disk flush) for a
 * burst of keystrokes or the reads of a chart instead of one each. A crash within that moment
 * can lose the events of reads made just before it; never those of changes, which are written
 * in the same transaction as the change. The queue is also flushed before any
 * other audited operation writes its own event and when the services close, so the chain's order
 * follows the order of the calls.
 */
export class AuditQueue {
  private pending: AuditEntry[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly key: Buffer,
  ) {}

  add(entry: AuditEntry): void {
    this.pending.push(entry);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_AFTER_MS);
  }

  /** Writes every queued event; resolves when they are on disk. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) {
      this.flushing = this.flushing.then(() =>
        this.store.transaction(async (trx) => {
          for (const entry of batch) await appendAudit(trx, this.key, entry);
        }),
      );
    }
    return this.flushing;
  }

  get size(): number {
    return this.pending.length;
  }
}
