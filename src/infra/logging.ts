import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** Structured logs. Never log message content, reflection text, mood or free text. */
export function createLogger(level: string, name = 'stagecoach'): Logger {
  return pino({
    name,
    level,
    redact: ['*.text', '*.content', '*.password', '*.token', 'req.headers.authorization'],
  });
}

/** A logger that drops everything: for tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
