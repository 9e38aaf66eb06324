import type { TurnContext } from 'botbuilder';
import type { Inbound, InboundResult } from '../../src/app/inbound';
import type { Gateway, InboundHandler } from '../../src/app/ports';
import type { Locale, Message } from '../../src/core/messages/model';
import type { Logger } from '../../src/infra/logging';
import { renderActivity } from './render';
import { adapterMessage } from './texts';

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
        await sendInTurn(context, adapterMessage('openPersonalChat', deps.locale), deps.logger);
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

const MAX_FILE_BYTES = 2_097_152; // bytes: a placements CSV is far smaller
const DOWNLOAD_TIMEOUT_MS = 10_000; // ms

/**
 * Where Teams puts a file shared in a personal chat: SharePoint / OneDrive for Business. A
 * download URL anywhere else is refused (it would make us fetch an address of the sender's
 * choosing).
 */
export const TEAMS_FILE_HOSTS: readonly string[] = ['.sharepoint.com', '.sharepoint.us', '.sharepoint.de'];

export class DownloadRefused extends Error {
  constructor(readonly reason: 'host' | 'protocol' | 'redirect' | 'status' | 'too-large') {
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
 * https on a platform host only (tests allow their own 127.0.0.1 host), no redirects, and the
 * size counted while streaming so a huge or endless body is cut off at the cap.
 */
export async function downloadText(
  url: string,
  allowedHosts: readonly string[],
  limit = MAX_FILE_BYTES,
): Promise<string> {
  const parsed = new URL(url);
  const local = parsed.hostname === '127.0.0.1';
  if (parsed.protocol !== 'https:' && !(local && parsed.protocol === 'http:'))
    throw new DownloadRefused('protocol');
  if (!isAllowedHost(parsed.host, allowedHosts) && !isAllowedHost(parsed.hostname, allowedHosts)) {
    throw new DownloadRefused('host');
  }
  const response = await fetch(parsed, {
    signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
    redirect: 'manual',
  });
  if (response.status >= 300 && response.status < 400) throw new DownloadRefused('redirect');
  if (!response.ok || !response.body) throw new DownloadRefused('status');
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) throw new DownloadRefused('too-large');
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new DownloadRefused('too-large');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
