import type { Address, Gateway } from '../../src/app/ports';
import type { Message } from '../../src/core/messages/model';
import { createConsoleGateway } from './gateway';
import type { ConsoleSession } from './session';

/**
 * The console gateway for a runtime that is built before its session: deliveries wait until
 * `attach` (none happen before, since the session drains the outbox itself).
 */
export function createSessionGateway(): { gateway: Gateway; attach(session: ConsoleSession): void } {
  let session: ConsoleSession | null = null;
  const waiting: Array<[Address, Message]> = [];
  return {
    gateway: createConsoleGateway(async (address, message) => {
      if (session) await session.deliver(address, message);
      else waiting.push([address, message]);
    }),
    attach(attached) {
      session = attached;
      for (const [address, message] of waiting.splice(0)) void attached.deliver(address, message);
    },
  };
}
