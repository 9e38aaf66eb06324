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

/** Downloads a file shared in personal chat (Teams gives a short-lived, pre-authorised URL). */
export async function downloadText(url: string): Promise<string> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`unsupported download protocol ${parsed.protocol}`);
  }
  const response = await fetch(parsed, {
    signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
    redirect: 'follow',
  });
  if (!response.ok) throw new Error(`download failed with HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_FILE_BYTES) throw new Error('file too large');
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > MAX_FILE_BYTES) throw new Error('file too large');
  return body.toString('utf8');
}
