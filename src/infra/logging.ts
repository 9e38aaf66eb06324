import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Structured logs. Never log message content, reflection text, mood or free text.
 * `stderr` for commands whose stdout is data (`export > file.json`).
 */
export function createLogger(level: string, name = 'stagecoach', to: 'stdout' | 'stderr' = 'stdout'): Logger {
  const options = {
    name,
    level,
    redact: ['*.text', '*.content', '*.password', '*.token', 'req.headers.authorization'],
  };
  return to === 'stderr' ? pino(options, pino.destination(2)) : pino(options);
}

/** A logger that drops everything: for tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
