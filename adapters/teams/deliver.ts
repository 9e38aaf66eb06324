import type { TurnContext } from 'botbuilder';
import type { Inbound, InboundResult } from '../../src/app/inbound';
import type { Gateway, InboundHandler } from '../../src/app/ports';
import type { Locale, Message } from '../../src/core/messages/model';
import { renderAdapterNotice } from '../../src/core/notices/adapter-notice';
import type { Logger } from '../../src/infra/logging';
import { type DownloadRefusal, downloadFile, MAX_DOWNLOAD_BYTES } from '../shared/download';
import { renderActivity } from './render';

/**
 * Shows an `InboundResult` on Teams: replies in the same turn; a detail view in the person's
 * personal chat — never in a channel, where everyone would see it. The act is already committed:
 * an answer Teams will not take now is handed back to the app to queue in the outbox (retried,
 * never lost), instead of failing the turn.
 */
export async function deliverResult(
  context: TurnContext,
  inbound: Inbound,
  result: InboundResult,
  deps: { gateway: Gateway; handler: InboundHandler; logger: Logger; locale: Locale },
): Promise<void> {
  if (result.duplicate) return;
  const identity = {
    platform: 'teams' as const,
    tenant: inbound.tenant,
    platformUserId: inbound.user.platformUserId,
  };
  const queue: Message[] = [];
  for (const reply of result.replies) {
    if (!(await sendInTurn(context, reply, deps.logger))) queue.push(reply);
  }
  if (result.view) {
    if (inbound.conversation.kind === 'direct') {
      if (!(await sendInTurn(context, result.view, deps.logger))) queue.push(result.view);
    } else {
      const outcome = await deps.gateway.send({ kind: 'user', ...identity }, result.view);
      if (!outcome.ok) {
        deps.logger.info(
          { reason: outcome.reason },
          'teams: private view not delivered; asking for a personal chat',
        );
        await sendInTurn(context, renderAdapterNotice('openPersonalChat', deps.locale), deps.logger);
      }
    }
  }
  if (queue.length > 0) {
    await deps.handler.deferReplies(
      identity,
      inbound.dedupeKey,
      queue.map((message) => ({ message })),
    );
  }
}

async function sendInTurn(context: TurnContext, message: Message, logger: Logger): Promise<boolean> {
  try {
    await context.sendActivity(renderActivity(message));
    return true;
  } catch (error) {
    logger.warn(
      { err: error instanceof Error ? error.message : String(error), key: message.key },
      'teams: reply not taken; queueing it',
    );
    return false;
  }
}

/**
 * Where Teams puts a file shared in a personal chat: SharePoint / OneDrive for Business. A
 * download URL anywhere else is refused (it would make us fetch an address of the sender's
 * choosing).
 */
export const TEAMS_FILE_HOSTS: readonly string[] = ['.sharepoint.com', '.sharepoint.us', '.sharepoint.de'];

export class DownloadRefused extends Error {
  constructor(readonly reason: DownloadRefusal) {
    super(`download refused: ${reason}`);
    this.name = 'DownloadRefused';
  }
}

/** `host` matches an entry exactly, or ends with an entry that starts with a dot. */
export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  const h = host.toLowerCase();
  return allowed.some((entry) =>
    entry.startsWith('.') ? h.endsWith(entry) && h.length > entry.length : h === entry,
  );
}

/**
 * Downloads a file shared in personal chat (Teams gives a short-lived, pre-authorised URL):
 * https on a platform host only (tests allow their own 127.0.0.1 host over http), redirects
 * only to such hosts, and the size capped while streaming (see shared/download.ts).
 */
export async function downloadText(
  url: string,
  allowedHosts: readonly string[],
  maxBytes = MAX_DOWNLOAD_BYTES,
): Promise<string> {
  const result = await downloadFile({
    url,
    isAllowed: (target) => isAllowedUrl(target, allowedHosts),
    maxBytes,
  });
  if (!result.ok) throw new DownloadRefused(result.refusal);
  return result.text;
}

function isAllowedUrl(url: URL, allowedHosts: readonly string[]): boolean {
  const local = url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) return false;
  return isAllowedHost(url.host, allowedHosts) || isAllowedHost(url.hostname, allowedHosts);
}
