import type { Store } from '../store/database';
import { appendAudit, type AuditEntry } from './audit-log';

/** How long a batched audit event may wait before it is written. */
const FLUSH_AFTER_MS = 250;
/** After a failed write (a full disk), how long before the kept batch is tried again. */
const RETRY_AFTER_MS = 5_000;

/** The audit log could not be written: the events are kept and tried again. */
export class AuditWriteError extends Error {
  constructor(cause: unknown) {
    super('The audit log could not be written', { cause });
    this.name = 'AuditWriteError';
  }
}

/**
 * Audit events of reads, written together shortly after: one transaction (one disk flush) for a
 * burst of keystrokes or the reads of a chart instead of one each. A crash within that moment
 * can lose the events of reads made just before it; never those of changes, which are written
 * in the same transaction as the change. The queue is also flushed before any
 * other audited operation writes its own event and when the services close, so the chain's order
 * follows the order of the calls.
 *
 * A failed write (a full disk) keeps its batch at the front of the queue, in order, and marks the
 * queue `failing` until a later write succeeds: callers refuse new work rather than let reads go
 * unrecorded, and each flush starts afresh instead of chaining onto the failed one.
 */
export class AuditQueue {
  private pending: AuditEntry[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private failed = false;

  constructor(
    private readonly store: Store,
    private readonly key: Buffer,
  ) {}

  add(entry: AuditEntry): void {
    this.pending.push(entry);
    this.schedule(FLUSH_AFTER_MS);
  }

  /** Writes every queued event; resolves when they are on disk, rejects with AuditWriteError. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // Each flush waits for the one before it, whatever its outcome: a rejected write must not
    // poison every later one.
    const run = this.flushing.catch(() => undefined).then(() => this.writePending());
    this.flushing = run;
    return run;
  }

  /** Cancels a scheduled write, for closing: the caller flushes first. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** True while the last write failed and its events wait to be written. */
  get failing(): boolean {
    return this.failed;
  }

  get size(): number {
    return this.pending.length;
  }

  private async writePending(): Promise<void> {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    try {
      await this.store.transaction(async (trx) => {
        for (const entry of batch) await appendAudit(trx, this.key, entry);
      });
      this.failed = false;
    } catch (error) {
      // The transaction rolled back: none of the batch is on disk, so all of it goes back in front.
      this.pending = [...batch, ...this.pending];
      this.failed = true;
      this.schedule(RETRY_AFTER_MS);
      throw new AuditWriteError(error);
    }
  }

  private schedule(ms: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      // A failed timed write is retried by the next schedule; nobody awaits this one.
      this.flush().catch(() => undefined);
    }, ms);
    // A pending retry must not keep a closing process alive.
    this.timer.unref?.();
  }
}
