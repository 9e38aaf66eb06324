import type { Logger } from '../logging';

/**
 * postgres.js (3.4.9, the newest release) can write to a socket it has already dropped when the
 * database server restarts: a `TypeError: Cannot read properties of null (reading 'write')`
 * thrown from a timer inside the driver (porsager/postgres issues 1154 and 1208; the fixes in
 * pull requests 1168, 1176 and 1209 are not released). No query is lost by it — the query on that
 * connection fails and our own code retries it — but, uncaught, it would end the process.
 */
export function isDriverDeadSocketWrite(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    error.message.includes("reading 'write'") &&
    /postgres[\\/]src[\\/]connection\.js/u.test(error.stack ?? '')
  );
}

/**
 * For a long-running server: survive exactly that driver error (logged), and for every other
 * uncaught exception log it and exit with code 2 as Node would. Returns a function that removes
 * the guard.
 */
export function guardAgainstDriverDeadSocket(logger: Logger): () => void {
  const onUncaught = (error: Error) => {
    if (isDriverDeadSocketWrite(error)) {
      logger.warn('database driver wrote to a closed connection during a server restart; carrying on');
      return;
    }
    logger.fatal({ err: error }, 'uncaught exception; stopping');
    process.exit(2);
  };
  process.on('uncaughtException', onUncaught);
  return () => process.off('uncaughtException', onUncaught);
}
