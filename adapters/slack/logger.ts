import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../src/infra/logging';

/**
 * Bolt and the Web API client log through this. Their debug output includes request bodies, i.e.
 * message content, which we never log; so debug is dropped and the rest goes to pino.
 */
export function createSlackSdkLogger(logger: Logger): SlackLogger {
  const child = logger.child({ sdk: 'slack' });
  const join = (messages: unknown[]): string =>
    messages.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
  return {
    debug: () => {},
    info: (...messages) => child.info(join(messages)),
    warn: (...messages) => child.warn(join(messages)),
    error: (...messages) => child.error(join(messages)),
    setLevel: () => {},
    getLevel: () => (child.isLevelEnabled('info') ? LogLevel.INFO : LogLevel.ERROR),
    setName: () => {},
  };
}
