import { isCheckinAwaitingAnswer } from '../core/checkin/state';
import { renderHelp } from '../core/commands';
import { isTyped } from '../core/messages/keywords';
import type { Locale, Message } from '../core/messages/model';
import { appTextsFor, renderNote } from '../core/notices/texts';
import { assertNever } from '../core/shared/errors';
import { localeOf } from '../core/shared/person';
import { createRateLimiter } from './access/rate-limit';
import { executeCommandText } from './commands/execute';
import type { InboundContext } from './context';
import { identify } from './identify';
import { type Inbound, inboundSchema } from './inbound';
import type { InboundHandler, LifecycleEvent, PlatformIdentity } from './ports';
import type { OutgoingMessage } from './stores/outbox-store';
import { CHECKIN_CONVERSATION, type CheckinConversation, continueCheckin } from './use-cases/checkin';
import { handleDetailsAction } from './use-cases/details';
import { handleFeedbackAction } from './use-cases/feedback';
import { handleGoals } from './use-cases/goals';
import { handleLanguage, LANGUAGE_ACTION } from './use-cases/language';
import { continueMentorTalk } from './use-cases/mentor-talk';
import { continueStarr, hasOpenDraft, isStartWord } from './use-cases/starr';
import { renderOwnStatus } from './use-cases/status';
import { handleSubstitute, isSubstituteWord } from './use-cases/substitute';
import { handleSubstituteReview } from './use-cases/substitute-review';
import { emptyOutput, reply, type UseCaseInput, type UseCaseOutput } from './use-cases/use-case';

const COMMAND_PREFIX = /^\/?stage(?:\s+|$)/i;

/**
 * The app's entry for every platform: dedupe, identify, route to a flow, and commit state and
 * outbox together. Conversation replies go through the outbox (durable, once); `replies`/`view`
 * are immediate and private.
 */
export function createInboundHandler(ctx: InboundContext): InboundHandler {
  const limiter = createRateLimiter(ctx.rateLimit);
  return {
    async handle(raw) {
      const inbound = inboundSchema.parse(raw) as Inbound;
      const now = ctx.clock.now();
      // Before any lookup: one account flooding acts gets a polite "slow down", no database work.
      const account = `${inbound.platform}:${inbound.tenant}:${inbound.user.platformUserId}`;
      if (!limiter.allow(account, now)) {
        ctx.logger.warn({ platform: inbound.platform }, 'inbound rate limit reached; act refused');
        const t = appTextsFor(ctx.defaultLocale);
        return { replies: [renderNote('rate.limited', t['error.slowDown'])], duplicate: false };
      }
      const result = await ctx.stores.transaction(async (stores) => {
        // Platform retries carry the same key: the first delivery wins, the rest change nothing.
        const dedupeKey = `${inbound.platform}:${inbound.dedupeKey}`;
        if (!(await stores.inbound.firstSeen(dedupeKey, now))) return { duplicate: true as const };

        const person = await identify(stores.people, inbound, inbound.sentAt);
        if (!person) return { duplicate: false as const, output: unknownPerson(inbound, ctx.defaultLocale) };
        const locale = localeOf(person, ctx.defaultLocale);
        if (longestTyped(inbound) > MAX_TYPED_CHARS) {
          const t = appTextsFor(locale);
          return {
            duplicate: false as const,
            output: reply(renderNote('input.too-long', t['error.answerTooLong'](MAX_TYPED_CHARS))),
          };
        }
        const input: UseCaseInput = {
          stores,
          inbound,
          person,
          locale,
          defaultLocale: ctx.defaultLocale,
          defaultTimezone: ctx.defaultTimezone,
          actedAt: inbound.sentAt,
          now,
        };
        const output = await route(input);
        const toActor: OutgoingMessage[] = output.conversation.map((message, index) => ({
          key: `reply:${dedupeKey}:${index}`,
          to: { kind: 'person', personId: person.id },
          message,
          subjectId: person.id,
          ...(output.mentions ? { mentions: output.mentions } : {}),
        }));
        const written = await stores.outbox.enqueue([...toActor, ...output.outgoing], now);
        return { duplicate: false as const, output, written };
      });
      if (result.duplicate) return { replies: [], duplicate: true };
      if ((result.written ?? 0) > 0) ctx.dispatchSoon();
      const { replies, view } = result.output;
      return view ? { replies, view, duplicate: false } : { replies, duplicate: false };
    },

    async home(identity, at) {
      const person = await ctx.stores.transaction((stores) =>
        identify(stores.people, inboundOf(identity, at), at),
      );
      if (!person) return unknownPerson({ user: identity }, ctx.defaultLocale).replies[0] as Message;
      return renderOwnStatus(ctx.stores, person, localeOf(person, ctx.defaultLocale), at);
    },

    async mayImport(identity, at) {
      return ctx.stores.transaction(async (stores) => {
        const person = await identify(stores.people, inboundOf(identity, at), at);
        return person ? (await stores.people.coordinatorScopes(person.id)).length > 0 : false;
      });
    },

    async deferReplies(identity, key, messages) {
      const at = ctx.clock.now();
      const person = await ctx.stores.people.findByAccount(identity);
      if (!person) {
        ctx.logger.warn({ platform: identity.platform }, 'deferred reply for an unknown account; dropped');
        return;
      }
      const items: OutgoingMessage[] = messages.map((entry, index) => ({
        key: `deferred-reply:${identity.platform}:${key}:${index}`,
        to: { kind: 'person', personId: person.id },
        message: entry.message,
        subjectId: person.id,
        ...(entry.partsSent ? { partsSent: entry.partsSent } : {}),
      }));
      if ((await ctx.stores.outbox.enqueue(items, at)) > 0) ctx.dispatchSoon();
    },

    async lifecycle(event: LifecycleEvent) {
      ctx.logger.info({ event: event.type, platform: event.platform }, 'platform lifecycle event');
      switch (event.type) {
        // The app itself lost access to a workspace: not a sign that anyone left. Sends there
        // fail with an auth error, which pauses the platform (the outbox keeps every message)
        // until the app is installed again; marking people gone would lose them for good.
        case 'uninstalled':
        case 'tokens-revoked':
          ctx.logger.warn(
            { event: event.type, platform: event.platform },
            'the app lost access to a workspace; messages there wait until it is installed again',
          );
          return;
        case 'user-gone':
          return ctx.stores.people.markAccountsGone({
            platform: event.platform,
            tenant: event.tenant,
            platformUserIds: [event.platformUserId],
          });
        default:
          return assertNever(event);
      }
    },
  };
}

/**
 * The longest answer anyone needs to type (a STARR step, feedback, a substitute assignment);
 * the flows have tighter limits of their own where it matters (check-in free text, goals).
 */
export const MAX_TYPED_CHARS = 4000;

/** Longest piece of typed text in an act: the message, a command, a button value, a form field. */
function longestTyped(inbound: Inbound): number {
  const payload = inbound.payload;
  switch (payload.type) {
    case 'text':
    case 'command':
      return payload.text.length;
    case 'file':
      return payload.text.length;
    case 'action':
      return Math.max(
        payload.value?.length ?? 0,
        payload.actionId.length,
        ...Object.values(payload.formValues ?? {}).map((value) => value.length),
      );
  }
}

/** A bare identity as an `Inbound`, for the lookups that come without an act (home, file checks). */
function inboundOf(identity: PlatformIdentity & { email?: string }, at: Date): Inbound {
  return {
    platform: identity.platform,
    tenant: identity.tenant,
    user: { platformUserId: identity.platformUserId, ...(identity.email ? { email: identity.email } : {}) },
    conversation: { id: identity.platformUserId, kind: 'direct' },
    sentAt: at,
    dedupeKey: `home:${identity.platformUserId}`,
    payload: { type: 'text', text: '' },
  };
}

function unknownPerson(inbound: Pick<Inbound, 'user'>, locale: Locale): UseCaseOutput {
  const t = appTextsFor(locale);
  return reply(
    renderNote('unknown.person', t['unknown.body'](inbound.user.email ?? ''), t['unknown.heading']),
  );
}

async function route(input: UseCaseInput): Promise<UseCaseOutput> {
  const payload = input.inbound.payload;
  switch (payload.type) {
    case 'command':
      return command(input, payload.text, null);
    case 'file': {
      const text = payload.text.trim().replace(COMMAND_PREFIX, '');
      return command(input, text || 'import', { name: payload.name, content: payload.content });
    }
    case 'action':
      return action(input, payload);
    case 'text': {
      const text = payload.text.trim();
      if (COMMAND_PREFIX.test(text)) return command(input, text.replace(COMMAND_PREFIX, ''), null);
      return conversationText(input, text);
    }
  }
}

async function command(input: UseCaseInput, text: string, file: { name: string; content: string } | null) {
  const output = await executeCommandText(
    {
      stores: input.stores,
      actor: input.person,
      locale: input.locale,
      defaultLocale: input.defaultLocale,
      defaultTimezone: input.defaultTimezone,
      now: input.now,
      scopes: await input.stores.people.coordinatorScopes(input.person.id),
      inbound: input.inbound,
      file,
    },
    text,
  );
  return { ...emptyOutput(), replies: output.replies, outgoing: output.outgoing };
}

async function action(
  input: UseCaseInput,
  act: { actionId: string; value?: string; formValues?: Record<string, string> },
): Promise<UseCaseOutput> {
  const flows = act.actionId.startsWith('starr.')
    ? [continueStarr]
    : act.actionId.startsWith('checkin.mentor')
      ? [continueMentorTalk]
      : act.actionId.startsWith('checkin.')
        ? [continueCheckin]
        : act.actionId.startsWith('substitute.')
          ? [handleSubstitute, handleSubstituteReview]
          : act.actionId === LANGUAGE_ACTION
            ? [handleLanguage]
            : [handleFeedbackAction, handleDetailsAction];
  for (const flow of flows) {
    const output = await flow(input, act);
    if (output) return output;
  }
  // A stale or unknown button: nothing changes; say how to go on.
  return reply(renderNote('nothing.open', appTextsFor(input.locale).nothingOpen));
}

type Candidate = { updatedAt: Date; run: () => Promise<UseCaseOutput | null> };

/**
 * Typed text in a direct conversation goes to the conversation the person was most recently
 * in (a STARR draft, an open check-in, a mentor's talk question); keywords work everywhere.
 */
async function conversationText(input: UseCaseInput, text: string): Promise<UseCaseOutput> {
  const candidates: Candidate[] = [];
  const draftAt = await hasOpenDraft(input);
  if (draftAt) candidates.push({ updatedAt: draftAt, run: () => continueStarr(input, { text }) });
  const checkin = await input.stores.conversations.load<CheckinConversation>(
    input.person.id,
    CHECKIN_CONVERSATION,
  );
  if (checkin && isCheckinAwaitingAnswer(checkin.state.state)) {
    candidates.push({ updatedAt: checkin.updatedAt, run: () => continueCheckin(input, { text }) });
  }
  const talks = (await input.stores.conversations.list(input.person.id)).filter((c) =>
    c.kind.startsWith('mentor-talk:'),
  );
  if (talks[0])
    candidates.push({ updatedAt: talks[0].updatedAt, run: () => continueMentorTalk(input, { text }) });

  const language = await handleLanguage(input, { text });
  if (language) return language;
  if (!draftAt && isStartWord(text)) return (await continueStarr(input, { text })) ?? emptyOutput();
  if (isSubstituteWord(text)) return (await handleSubstitute(input, { text })) ?? emptyOutput();
  if (!draftAt) {
    const goals = await handleGoals(input, text);
    if (goals) return goals;
  }
  // A STARR draft explains its own step; everywhere else "help" means the general help.
  if (!draftAt && isTyped('help', text)) return help(input);
  if (isTyped('mine', text)) {
    return {
      ...emptyOutput(),
      conversation: [await renderOwnStatus(input.stores, input.person, input.locale, input.now)],
    };
  }

  candidates.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  for (const candidate of candidates) {
    const output = await candidate.run();
    if (output) return output;
  }
  return {
    ...emptyOutput(),
    conversation: [renderNote('nothing.open', appTextsFor(input.locale).nothingOpen)],
  };
}

async function help(input: UseCaseInput): Promise<UseCaseOutput> {
  const scopes = await input.stores.people.coordinatorScopes(input.person.id);
  const t = appTextsFor(input.locale);
  // Mentors get their own help: they read and give feedback, they do not write reports.
  const [asStudent, asMentor] = await Promise.all([
    input.stores.placements.loadBundles({ studentId: input.person.id }),
    input.stores.placements.loadBundles({ mentorId: input.person.id }),
  ]);
  const mentorOnly = asMentor.length > 0 && asStudent.length === 0;
  const conversation = mentorOnly
    ? renderNote('help.mentor', t['help.mentor'], t['help.heading'])
    : renderNote('help.conversation', t['help.conversation'], t['help.heading']);
  const commands = renderHelp(input.locale, null, { audience: scopes.length > 0 ? 'coordinator' : 'anyone' });
  return { ...emptyOutput(), conversation: [conversation, commands] };
}
