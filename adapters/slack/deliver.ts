import type { RespondFn, webApi } from '@slack/bolt';
import type { Inbound, InboundResult } from '../../src/app/inbound';
import type { InboundHandler, PlatformIdentity } from '../../src/app/ports';
import type { Message } from '../../src/core/messages/model';
import type { Logger } from '../../src/infra/logging';
import { describeSlackError as describe } from './describe-error';
import { renderModal, renderSlackPosts } from './render';

/** Where the private, immediate answer to one act goes. */
export type ReplyTarget =
  /** Slash commands: ephemeral through the command's `response_url`. */
  | { kind: 'respond'; respond: RespondFn; user: string }
  /** The person's DM with the app (channel id or user id): ordinary messages. */
  | { kind: 'post'; channel: string }
  /** Anywhere else: only the person who acted sees it. */
  | { kind: 'ephemeral'; channel: string; user: string };

export function replyTargetFor(inbound: Inbound): ReplyTarget {
  return inbound.conversation.kind === 'direct'
    ? { kind: 'post', channel: inbound.conversation.id }
    : { kind: 'ephemeral', channel: inbound.conversation.id, user: inbound.user.platformUserId };
}

/** Whose act this answers: where undeliverable replies are queued, under which key. */
export type ActRef = { identity: PlatformIdentity; key: string };

export type Delivery = {
  replies(messages: readonly Message[], target: ReplyTarget, act?: ActRef): Promise<void>;
  /** Replies, plus the view as a modal when a trigger id allows it (else as one more reply). */
  result(
    result: InboundResult,
    target: ReplyTarget,
    triggerId: string | undefined,
    act?: ActRef,
  ): Promise<void>;
};

/**
 * Immediate answers to an act. The act itself is already committed; an answer Slack will not
 * take now (rate limit, outage, expired response_url) is tried once in the person's DM and
 * otherwise handed back to the app to queue in the outbox, so it is retried, never lost.
 * A split message stays one unit: parts already shown in the DM are not queued again.
 */
export function createDelivery(deps: {
  client: webApi.WebClient;
  logger: Logger;
  handler: InboundHandler;
}): Delivery {
  const { client, logger } = deps;

  /** Posts every part from `fromPart`; returns how many parts went out before a failure. */
  async function sendParts(
    message: Message,
    target: ReplyTarget,
  ): Promise<{ sent: number; error?: unknown }> {
    const posts = renderSlackPosts(message);
    for (const [index, post] of posts.entries()) {
      const blocks = post.blocks.length > 0 ? { blocks: post.blocks } : {};
      try {
        switch (target.kind) {
          case 'respond':
            await target.respond({ response_type: 'ephemeral', text: post.text, ...blocks });
            break;
          case 'post':
            await client.chat.postMessage({ channel: target.channel, text: post.text, ...blocks });
            break;
          case 'ephemeral':
            await client.chat.postEphemeral({
              channel: target.channel,
              user: target.user,
              text: post.text,
              ...blocks,
            });
            break;
        }
      } catch (error) {
        return { sent: index, error };
      }
    }
    return { sent: posts.length };
  }

  /** If the private route fails (expired response_url, bot not in channel) the DM still works. */
  function fallbackOf(target: ReplyTarget): ReplyTarget | null {
    return target.kind === 'post' ? null : { kind: 'post', channel: target.user };
  }

  async function replies(messages: readonly Message[], target: ReplyTarget, act?: ActRef): Promise<void> {
    const queue: Array<{ message: Message; partsSent?: number }> = [];
    for (const message of messages) {
      const first = await sendParts(message, target);
      if (first.error === undefined) continue;
      logger.warn(
        { err: describe(first.error), key: message.key, target: target.kind },
        'slack reply failed',
      );
      // Parts shown in the DM stay shown; parts shown ephemerally vanish, so the DM gets them all.
      if (target.kind === 'post') {
        queue.push({ message, ...(first.sent > 0 ? { partsSent: first.sent } : {}) });
        continue;
      }
      const fallback = fallbackOf(target);
      const second = fallback ? await sendParts(message, fallback) : first;
      if (second.error === undefined) continue;
      logger.warn(
        { err: describe(second.error), key: message.key },
        'slack reply fallback failed; queueing it',
      );
      queue.push({ message, ...(second.sent > 0 ? { partsSent: second.sent } : {}) });
    }
    if (queue.length === 0) return;
    if (!act) {
      logger.error(
        { keys: queue.map((entry) => entry.message.key) },
        'slack: reply lost (no act to queue it for)',
      );
      return;
    }
    await deps.handler.deferReplies(act.identity, act.key, queue);
  }

  return {
    replies,
    async result(result, target, triggerId, act) {
      await replies(result.replies, target, act);
      if (!result.view) return;
      if (triggerId) {
        try {
          await client.views.open({ trigger_id: triggerId, view: renderModal(result.view) });
          return;
        } catch (error) {
          // Trigger ids live 3 s; a slow handler outlives them. Show the view as a message instead.
          logger.warn(
            { err: describe(error), key: result.view.key },
            'slack views.open failed; sending as message',
          );
        }
      }
      await replies([result.view], target, act && { ...act, key: `${act.key}:view` });
    },
  };
}
