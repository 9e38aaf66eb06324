import type { TurnContext } from 'botbuilder';
import type { Inbound, InboundResult } from '../../src/app/inbound';
import type { Gateway } from '../../src/app/ports';
import type { Locale } from '../../src/core/messages/model';
import type { Logger } from '../../src/infra/logging';
import { renderActivity } from './render';
import { adapterMessage } from './texts';

/**
 * Shows an `InboundResult` on Teams: replies in the same turn; a detail view in the person's
 * personal chat — never in a channel, where everyone would see it.
 */
export async function deliverResult(
  context: TurnContext,
  inbound: Inbound,
  result: InboundResult,
  deps: { gateway: Gateway; logger: Logger; locale: Locale },
): Promise<void> {
  if (result.duplicate) return;
  for (const reply of result.replies) {
    await context.sendActivity(renderActivity(reply));
  }
  if (!result.view) return;
  if (inbound.conversation.kind === 'direct') {
    await context.sendActivity(renderActivity(result.view));
    return;
  }
  const outcome = await deps.gateway.send(
    { kind: 'user', platform: 'teams', tenant: inbound.tenant, platformUserId: inbound.user.platformUserId },
    result.view,
  );
  if (!outcome.ok) {
    deps.logger.info(
      { reason: outcome.reason },
      'teams: private view not delivered; asking for a personal chat',
    );
    await context.sendActivity(renderActivity(adapterMessage('openPersonalChat', deps.locale)));
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
