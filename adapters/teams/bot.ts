import { ActivityHandler, type TurnContext } from 'botbuilder';
import type { Inbound } from '../../src/app/inbound';
import type { Clock, ConversationRefStore, Gateway, InboundHandler } from '../../src/app/ports';
import { isTyped } from '../../src/core/messages/keywords';
import { renderAdapterNotice } from '../../src/core/notices/adapter-notice';
import type { Logger } from '../../src/infra/logging';
import { platformUserIdOf, teamsActivitySchema, tenantOf } from './activity';
import { deliverResult, downloadText, TEAMS_FILE_HOSTS } from './deliver';
import { localeOf } from './locale';
import type { MemberDirectory } from './members';
import { parseTeamsActivity } from './parse';
import { referenceFor, saveReference } from './references';
import { renderActivity } from './render';

/**
 * The Teams turn handler: remember where we can reach people, parse, make one app call, show
 * the result. No product rule lives here.
 */
export type BotDeps = {
  handler: InboundHandler;
  refs: ConversationRefStore;
  members: MemberDirectory;
  gateway: Gateway;
  clock: Clock;
  logger: Logger;
  /** Hosts a shared file may come from; default `TEAMS_FILE_HOSTS` (see deliver.ts). */
  fileHosts?: readonly string[];
};

const EMAIL_KEY = Symbol('stagecoach.email');
const REMEMBERED_TYPES = new Set(['message', 'invoke', 'installationUpdate', 'conversationUpdate']);

export class StagecoachTeamsBot extends ActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onTurn(async (context, next) => {
      await this.remember(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.guarded(context, () => this.handleMessage(context));
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.guarded(context, () => this.welcome(context), { quiet: true });
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.guarded(context, () => this.uninstalled(context), { quiet: true });
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const parsed = parseTeamsActivity(context.activity, this.parseContext(context));
    switch (parsed.kind) {
      case 'ignored':
        this.deps.logger.debug({ reason: parsed.reason }, 'teams: activity ignored');
        return;
      case 'file': {
        // Role first: only a coordinator's file is ever fetched.
        const { user, tenant } = parsed.inbound;
        const allowed = await this.deps.handler.mayImport(
          {
            platform: 'teams',
            tenant,
            platformUserId: user.platformUserId,
            ...(user.email ? { email: user.email } : {}),
          },
          parsed.inbound.sentAt,
        );
        if (!allowed) {
          await this.dispatch(context, {
            ...parsed.inbound,
            payload: { ...parsed.inbound.payload, content: '' },
          });
          return;
        }
        let content: string;
        try {
          content = await downloadText(parsed.downloadUrl, this.deps.fileHosts ?? TEAMS_FILE_HOSTS);
        } catch (error) {
          this.deps.logger.warn({ err: String(error) }, 'teams: file download failed');
          await context.sendActivity(
            renderActivity(renderAdapterNotice('fileUnreadable', localeOf(context.activity.locale))),
          );
          return;
        }
        await this.dispatch(context, { ...parsed.inbound, payload: { ...parsed.inbound.payload, content } });
        return;
      }
      case 'inbound': {
        const { inbound } = parsed;
        if (inbound.conversation.kind === 'direct' && inbound.payload.type === 'text') {
          // Typed in a personal chat, the words for "mine" open the home view (Slack's App Home).
          if (isTyped('mine', inbound.payload.text)) {
            await this.sendHome(context, inbound.sentAt);
            return;
          }
        }
        await this.dispatch(context, inbound);
        return;
      }
    }
  }

  private async dispatch(context: TurnContext, inbound: Inbound): Promise<void> {
    const result = await this.deps.handler.handle(inbound);
    await deliverResult(context, inbound, result, {
      gateway: this.deps.gateway,
      handler: this.deps.handler,
      logger: this.deps.logger,
      locale: localeOf(context.activity.locale),
    });
  }

  /** Installed in a personal chat: show the home view, as Slack shows App Home. */
  private async welcome(context: TurnContext): Promise<void> {
    if (context.activity.conversation?.conversationType !== 'personal') return;
    await this.sendHome(context, this.parseContext(context).receivedAt);
  }

  private async sendHome(context: TurnContext, at: Date): Promise<void> {
    const activity = teamsActivitySchema.parse(context.activity);
    const email = context.turnState.get(EMAIL_KEY) as string | undefined;
    const home = await this.deps.handler.home(
      {
        platform: 'teams',
        tenant: tenantOf(activity) ?? activity.channelId ?? 'teams',
        platformUserId: platformUserIdOf(activity),
        ...(email ? { email } : {}),
      },
      at,
    );
    await context.sendActivity(renderActivity(home));
  }

  /** Removed from a personal chat: we can no longer reach this person on Teams. */
  private async uninstalled(context: TurnContext): Promise<void> {
    const parsed = teamsActivitySchema.safeParse(context.activity);
    if (!parsed.success) return;
    const tenant = tenantOf(parsed.data) ?? parsed.data.channelId ?? 'teams';
    if (parsed.data.conversation.conversationType !== 'personal') {
      this.deps.logger.info({ tenant }, 'teams: app removed from a team or group chat');
      return;
    }
    await this.deps.handler.lifecycle({
      type: 'user-gone',
      platform: 'teams',
      tenant,
      platformUserId: platformUserIdOf(parsed.data),
    });
  }

  /** Saves the conversation reference (and e-mail) on every activity that can carry one. */
  private async remember(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (!REMEMBERED_TYPES.has(activity.type)) return;
    if (activity.type === 'installationUpdate' && activity.action?.startsWith('remove')) return;
    const email = await this.deps.members.emailOf(context);
    context.turnState.set(EMAIL_KEY, email);
    const entry = referenceFor(activity);
    if (!entry) return;
    try {
      await saveReference(this.deps.refs, entry, email);
    } catch (error) {
      this.deps.logger.error({ err: String(error) }, 'teams: saving the conversation reference failed');
    }
  }

  private parseContext(context: TurnContext): { email?: string; receivedAt: Date } {
    const email = context.turnState.get(EMAIL_KEY) as string | undefined;
    const receivedAt = this.deps.clock.now();
    return email ? { email, receivedAt } : { receivedAt };
  }

  /** A handler fault must not make Teams retry: log it, answer politely, still acknowledge. */
  private async guarded(context: TurnContext, work: () => Promise<void>, options?: { quiet: boolean }) {
    try {
      await work();
    } catch (error) {
      this.deps.logger.error(
        { err: error instanceof Error ? { name: error.name, message: error.message } : String(error) },
        'teams: handling an activity failed',
      );
      if (!options?.quiet) {
        await context
          .sendActivity(renderActivity(renderAdapterNotice('failed', localeOf(context.activity.locale))))
          .catch(() => undefined);
      }
    }
  }
}
