import type { RespondFn, webApi } from '@slack/bolt';
import type { Inbound, InboundResult } from '../../src/app/inbound';
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

export type Delivery = {
  replies(messages: readonly Message[], target: ReplyTarget): Promise<void>;
  /** Replies, plus the view as a modal when a trigger id allows it (else as one more reply). */
  result(result: InboundResult, target: ReplyTarget, triggerId: string | undefined): Promise<void>;
};

/** Failures here are logged, never thrown: the act itself was handled and acknowledged. */
export function createDelivery(deps: { client: webApi.WebClient; logger: Logger }): Delivery {
  const { client, logger } = deps;

  async function sendOne(message: Message, target: ReplyTarget): Promise<void> {
    for (const post of renderSlackPosts(message)) {
      const blocks = post.blocks.length > 0 ? { blocks: post.blocks } : {};
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
    }
  }

  /** If the private route fails (expired response_url, bot not in channel) the DM still works. */
  function fallbackOf(target: ReplyTarget): ReplyTarget | null {
    return target.kind === 'post' ? null : { kind: 'post', channel: target.user };
  }

  async function replies(messages: readonly Message[], target: ReplyTarget): Promise<void> {
    for (const message of messages) {
      try {
        await sendOne(message, target);
      } catch (error) {
        const fallback = fallbackOf(target);
        logger.warn({ err: describe(error), key: message.key, target: target.kind }, 'slack reply failed');
        if (!fallback) continue;
        try {
          await sendOne(message, fallback);
        } catch (fallbackError) {
          logger.error({ err: describe(fallbackError), key: message.key }, 'slack reply fallback failed');
        }
      }
    }
  }

  return {
    replies,
    async result(result, target, triggerId) {
      await replies(result.replies, target);
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
      await replies([result.view], target);
    },
  };
}
