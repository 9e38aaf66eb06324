import type { Logger } from '../logging';
import type { DispatchSummary } from './types';

/** Background draining: one drain at a time; a `dispatchSoon` during a drain runs one more after it. */
export function createLoop(drain: (proceed: () => boolean) => Promise<DispatchSummary>, logger: Logger) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopping = false;

  function trigger(): void {
    // A `dispatchSoon` scheduled just before `stop` fires after it: the database may be closed by then.
    if (stopping) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await drain(() => !stopping);
        } catch (error) {
          logger.error({ err: error }, 'outbox: dispatcher run failed');
        }
      } while (again && !stopping);
    })().finally(() => {
      running = undefined;
    });
  }

  return {
    start(intervalMs: number): void {
      if (timer) return;
      stopping = false;
      timer = setInterval(trigger, intervalMs);
      trigger();
    },
    async stop(): Promise<void> {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    dispatchSoon(): void {
      if (stopping) return;
      setImmediate(trigger);
    },
  };
}

/** Runs `work` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
