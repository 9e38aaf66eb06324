import type { Address, Gateway, SendOutcome } from '../../src/app/ports';
import type { Message } from '../../src/core/messages/model';

export const CONSOLE_TENANT = 'console';

/**
 * The console "platform": every person is reachable by e-mail, and a send prints the message
 * (through `print`) under the recipient's name. Used by `npm start` without credentials,
 * `tick` without a platform, and `demo`.
 */
export function createConsoleGateway(
  // `unknown`: callers may return anything (e.g. `array.push`); a promise is awaited.
  print: (address: Address, message: Message) => unknown,
): Gateway {
  let counter = 0;
  return {
    platform: 'console',
    async send(address, message): Promise<SendOutcome> {
      await print(address, message);
      counter += 1;
      return { ok: true, platformMessageId: `console-${counter}` };
    },
    async findUserByEmail(email) {
      return {
        ok: true,
        identity: { platform: 'console', tenant: CONSOLE_TENANT, platformUserId: email.trim().toLowerCase() },
      };
    },
  };
}
