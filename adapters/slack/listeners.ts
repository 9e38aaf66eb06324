import type { App, webApi } from '@slack/bolt';
import type { Inbound, InboundResult } from '../../src/app/inbound';
import type { Clock, InboundHandler } from '../../src/app/ports';
import type { Locale } from '../../src/core/messages/model';
import { renderAdapterNotice } from '../../src/core/notices/adapter-notice';
import type { Logger } from '../../src/infra/logging';
import { createDelivery, type ReplyTarget, replyTargetFor } from './deliver';
import { describeSlackError as describe } from './describe-error';
import { downloadSlackFile } from './files';
import {
  parseBlockActions,
  parseHomeOpened,
  parseLifecycleEvent,
  parseMessageEvent,
  parseSlashCommand,
  parseViewSubmission,
} from './parse';
import { ACT_SETTLED, type ActSettled, REQUEST_TIMESTAMP } from './receiver';
import { renderHome } from './render';
import type { SlackUserProfile, UserDirectory } from './users';

export type ListenerDeps = {
  handler: InboundHandler;
  client: webApi.WebClient;
  users: UserDirectory;
  logger: Logger;
  clock: Clock;
  botToken: string;
  /** Is this the installed workspace? Acts from any other team are dropped before any lookup. */
  isTrustedTeam: (teamId: string | undefined) => Promise<boolean>;
  /** Origins the bot token may be sent to when downloading a shared file. */
  fileOrigins: readonly string[];
  defaultLocale: Locale;
};

/**
 * Every listener acknowledges first (Bolt does it for events), then parses, makes exactly one call
 * to the app, and renders what comes back. No product rule lives here.
 */
export function registerSlackListeners(app: App, deps: ListenerDeps): void {
  const { handler, client, users, logger, clock } = deps;
  const delivery = createDelivery({ client, logger, handler });

  /** Tells the receiver whether the app committed the act (see `ACT_SETTLED`). */
  const settlerOf = (context: Record<string, unknown>): ActSettled => {
    const settle = context[ACT_SETTLED];
    return typeof settle === 'function' ? (settle as ActSettled) : () => {};
  };

  /** Commands and view submissions carry no time of their own: use the signed request time. */
  const requestedAt = (context: Record<string, unknown>): Date => {
    const seconds = context[REQUEST_TIMESTAMP];
    return typeof seconds === 'number' ? new Date(seconds * 1000) : clock.now();
  };

  /** Identity only from the installed team: anything else is dropped before a lookup. */
  async function trusted(teamId: string | undefined): Promise<boolean> {
    if (await deps.isTrustedTeam(teamId)) return true;
    logger.warn('slack: act from a workspace that is not the installed one; dropped');
    return false;
  }

  async function run(
    inbound: Inbound,
    target: ReplyTarget,
    context: Record<string, unknown>,
    triggerId?: string,
  ): Promise<void> {
    // A dropped act is done with (a 200): Slack retrying it would change nothing.
    if (!(await trusted(inbound.tenant))) return;
    const settle = settlerOf(context);
    const profile = await users.lookup(inbound.user.platformUserId);
    let result: InboundResult;
    try {
      result = await handler.handle(withProfile(inbound, profile));
    } catch (error) {
      // Not committed: Slack gets a non-2xx (events are retried and deduplicated by their id).
      settle(false);
      logger.error(
        { err: error, dedupeKey: inbound.dedupeKey, type: inbound.payload.type },
        'slack: handler failed; answering politely',
      );
      await delivery.replies([renderAdapterNotice('failed', profile.locale ?? deps.defaultLocale)], target);
      return;
    }
    settle(true);
    // Slack delivered this act before: the first delivery already answered.
    if (result.duplicate) return;
    const act = {
      identity: {
        platform: 'slack' as const,
        tenant: inbound.tenant,
        platformUserId: inbound.user.platformUserId,
      },
      key: inbound.dedupeKey,
    };
    await delivery.result(result, target, triggerId, act);
  }

  app.error(async (error) => {
    logger.error({ err: describe(error) }, 'slack: unhandled error in bolt');
  });

  app.event('message', async ({ body, context }) => {
    const parsed = parseMessageEvent(body, { botUserId: context.botUserId });
    if (parsed.kind === 'ignored') return;
    if (parsed.kind === 'inbound') return run(parsed.inbound, replyTargetFor(parsed.inbound), context);
    const target = replyTargetFor({ ...parsed.base, payload: { type: 'text', text: '' } });
    if (!(await trusted(parsed.base.tenant))) return;
    // Role first: only a coordinator's file is ever fetched; others get the app's own refusal.
    const uploader = await users.lookup(parsed.base.user.platformUserId);
    const mayImport = await handler.mayImport(
      {
        platform: 'slack',
        tenant: parsed.base.tenant,
        platformUserId: parsed.base.user.platformUserId,
        ...(uploader.email ? { email: uploader.email } : {}),
      },
      parsed.base.sentAt,
    );
    if (!mayImport) {
      const payload = { type: 'file' as const, name: parsed.file.name, content: '', text: parsed.text };
      return run({ ...parsed.base, payload }, target, context);
    }
    const content = await downloadSlackFile({
      url: parsed.file.url,
      botToken: deps.botToken,
      allowedOrigins: deps.fileOrigins,
    });
    if (!content.ok) {
      logger.warn(
        { code: content.error.code, dedupeKey: parsed.base.dedupeKey },
        'slack file download failed',
      );
      const profile = await users.lookup(parsed.base.user.platformUserId);
      await delivery.replies(
        [renderAdapterNotice('fileUnreadable', profile.locale ?? deps.defaultLocale)],
        target,
      );
      return;
    }
    const payload = {
      type: 'file' as const,
      name: parsed.file.name,
      content: content.value,
      text: parsed.text,
    };
    return run({ ...parsed.base, payload }, target, context);
  });

  app.event('app_home_opened', async ({ body }) => {
    const identity = parseHomeOpened(body);
    if (!identity || !(await trusted(identity.tenant))) return;
    try {
      const { email } = await users.lookup(identity.platformUserId);
      const message = await handler.home({ ...identity, ...(email ? { email } : {}) }, clock.now());
      await client.views.publish({ user_id: identity.platformUserId, view: renderHome(message) });
    } catch (error) {
      logger.error({ err: describe(error) }, 'slack: app home failed');
    }
  });

  for (const name of ['app_uninstalled', 'tokens_revoked'] as const) {
    app.event(name, async ({ body, context }) => {
      const event = parseLifecycleEvent(body);
      if (!event) return;
      try {
        await handler.lifecycle(event);
        settlerOf(context)(true);
      } catch (error) {
        // Slack retries the event: losing "the app was removed" would keep us sending there.
        settlerOf(context)(false);
        logger.error({ err: describe(error), type: event.type }, 'slack: lifecycle handling failed');
      }
    });
  }

  app.command('/stage', async ({ ack, body, respond, context }) => {
    await ack();
    const inbound = parseSlashCommand(body, requestedAt(context));
    if (!inbound) return;
    await run(
      inbound,
      { kind: 'respond', respond, user: inbound.user.platformUserId },
      context,
      body.trigger_id,
    );
  });

  app.action(/.+/u, async ({ ack, body, context }) => {
    await ack();
    const inbound = parseBlockActions(body);
    if (!inbound) return;
    const triggerId =
      'trigger_id' in body && typeof body.trigger_id === 'string' ? body.trigger_id : undefined;
    await run(inbound, replyTargetFor(inbound), context, triggerId);
  });

  app.view(/.+/u, async ({ ack, body, context }) => {
    // An empty acknowledgement closes the modal; the answer follows in the DM.
    await ack();
    const inbound = parseViewSubmission(body, requestedAt(context));
    if (!inbound) return;
    await run(
      inbound,
      replyTargetFor(inbound),
      context,
      body.type === 'view_submission' ? body.trigger_id : undefined,
    );
  });
}

function withProfile(inbound: Inbound, profile: SlackUserProfile): Inbound {
  return {
    ...inbound,
    user: {
      ...inbound.user,
      ...(profile.email ? { email: profile.email } : {}),
      ...(profile.displayName ? { displayName: profile.displayName } : {}),
    },
  };
}
