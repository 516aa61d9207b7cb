/**
 * Runs `task` for every item with at most `limit` running at once, in order of the items, and
 * stops taking new items once `shouldStop` says so. Tasks handle their own errors.
 */
export async function runLimited<T>(
  items: readonly T[],
  limit: number,
  shouldStop: () => boolean,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !shouldStop()) {
      const index = next;
      next += 1;
      await task(items[index] as T, index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
}
