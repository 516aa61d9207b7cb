import { randomUUID } from 'node:crypto';
import { AppError } from '../core/errors';

/** A piece of background work (a photo import, a backup) that outlives the request starting it. */
export interface Job<S> {
  readonly id: string;
  readonly kind: string;
  /** What the screens polling the job see; the job's own code updates it as it goes. */
  readonly state: S;
  readonly controller: AbortController;
  finishedAtMs: number | null;
  done: Promise<void>;
}

/**
 * The jobs of one running Mesochart, kept on its app state so several services in one process
 * (tests, tools) stay apart. `settle()` is what lets the store close only once nothing writes.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job<unknown>>();
  private closing = false;

  /**
   * Registers a job and runs it on the next turn of the event loop, after the request that asked
   * for it has committed: a job writes through the store in its own short transactions.
   */
  start<S>(
    kind: string,
    makeState: (id: string) => S,
    run: (job: Job<S>) => Promise<void>,
  ): Job<S> {
    if (this.closing) throw new AppError('CONFLICT', { key: 'errors.jobs.closing' });
    const id = randomUUID();
    const job: Job<S> = {
      id,
      kind,
      state: makeState(id),
      controller: new AbortController(),
      finishedAtMs: null,
      done: Promise.resolve(),
    };
    this.jobs.set(id, job);
    job.done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => run(job))
      // A job reports its own failures in its state; nothing may reject `settle()`.
      .catch(() => undefined)
      .finally(() => {
        job.finishedAtMs = Date.now();
      });
    return job;
  }

  find<S>(kind: string, id: string): Job<S> | undefined {
    const job = this.jobs.get(id);
    return job && job.kind === kind ? (job as Job<S>) : undefined;
  }

  list<S>(kind: string): Job<S>[] {
    return [...this.jobs.values()].filter((j) => j.kind === kind) as Job<S>[];
  }

  running(kind: string): number {
    return this.list(kind).filter((j) => j.finishedAtMs === null).length;
  }

  /** Forgets finished jobs of a kind that `expired` names; running ones are always kept. */
  prune<S>(kind: string, expired: (job: Job<S>, index: number, finished: number) => boolean) {
    const finished = this.list<S>(kind).filter((j) => j.finishedAtMs !== null);
    finished.forEach((job, index) => {
      if (expired(job, index, finished.length)) this.jobs.delete(job.id);
    });
  }

  /** Refuses new jobs and waits for every running one to end (for shutdown). */
  async close(): Promise<void> {
    this.closing = true;
    await this.settle();
  }

  /** Waits for every job started so far to end. */
  async settle(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.done));
  }
}
