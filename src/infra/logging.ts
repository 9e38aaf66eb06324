import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { redactDeep, safeError, scrubString } from './redact';

export type { Logger } from 'pino';

/**
 * Structured logs. Never log message content, reflection text, mood or free text.
 * `stderr` for commands whose stdout is data (`export > file.json`).
 */
export function createLogger(
  level: string,
  name = 'stagecoach',
  to: 'stdout' | 'stderr' | DestinationStream = 'stdout',
): Logger {
  const options = safeLoggerOptions({ name, level });
  if (to === 'stderr') return pino(options, pino.destination(2));
  if (to === 'stdout') return pino(options);
  return pino(options, to);
}

/**
 * Every object logged is redacted at every depth (content keys, query strings, e-mail
 * addresses) and every error keeps only its name, code and a parameter-free message — so a
 * drizzle error can never carry a name, an e-mail or a goal into the logs. The message string
 * itself is also scrubbed.
 */
export function safeLoggerOptions(base: LoggerOptions): LoggerOptions {
  return {
    ...base,
    serializers: { err: (error: unknown) => safeError(error) },
    formatters: { log: (object) => redactDeep(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        const safe = args.map((arg) => (typeof arg === 'string' ? scrubString(arg) : arg));
        return method.apply(this, safe as Parameters<typeof method>);
      },
    },
  };
}

/** A logger that drops everything: for tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
