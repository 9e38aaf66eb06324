import { renderNoTalkAlertList } from '../../core/checkin/alert-messages';
import {
  isMentorTalkAwaitingAnswer,
  type MentorTalkEvent,
  type MentorTalkState,
  parseMentorTalkAction,
  parseMentorTalkText,
  transitionMentorTalk,
} from '../../core/checkin/mentor-talk';
import {
  parseTalkListAnswer,
  resolveTalkTargets,
  type TalkListAnswer,
} from '../../core/checkin/mentor-talk-list';
import {
  type MentorTalkListReply,
  renderMentorTalkEffects,
  renderMentorTalkListReply,
} from '../../core/checkin/messages';
import { evaluateCheckinSignals } from '../../core/checkin/signals';
import type { Message } from '../../core/messages/model';
import { localeOf } from '../../core/shared/person';
import { byRecipient, type StaffItem, staffOutgoing } from '../jobs/staff-messages';
import { checkinHistoryOf } from '../placements/checkin-history';
import type { OutgoingMessage } from '../queue-messages';
import { mentorTalkKind } from '../stores/conversation-store';
import { emptyOutput, type UseCaseInput, type UseCaseOutput } from './use-case';

export { mentorTalkKind } from '../stores/conversation-store';
/** The opaque reference on the buttons: which placement and week. */
export const mentorTalkRef = (placementId: string, week: string) => `${placementId}@${week}`;

function parseRef(ref: string): { placementId: string; week: string } | null {
  const at = ref.lastIndexOf('@');
  return at > 0 ? { placementId: ref.slice(0, at), week: ref.slice(at + 1) } : null;
}

type OpenTalk = { placementId: string; state: MentorTalkState };

/** A reply in the mentor's conversation (like the question's own follow-ups). */
const answerBack = (message: Message): UseCaseOutput => ({ ...emptyOutput(), conversation: [message] });

/**
 * A mentor's click on the talk question, or typed text: an answer for the students it names on
 * the newest list (`ja 1 3`, `nee Sam`, `ja allemaal`), a note after an answer, or ja/nee/verzet
 * for the one open question. An answer that does not say for whom gets a question back.
 */
export async function continueMentorTalk(
  input: UseCaseInput,
  act: { text: string } | { actionId: string; value?: string; formValues?: Record<string, string> },
): Promise<UseCaseOutput | null> {
  const { stores, person } = input;
  if ('actionId' in act) {
    const parsed = parseMentorTalkAction(act.actionId, act.value, act.formValues);
    const ref = parsed ? parseRef(parsed.ref) : null;
    if (!parsed || !ref) return null;
    const record = await stores.conversations.load<MentorTalkState>(
      person.id,
      mentorTalkKind(ref.placementId),
    );
    if (!record || record.state.week !== ref.week) return null;
    return applyTalkEvent(input, { placementId: ref.placementId, state: record.state }, parsed.event);
  }

  const open = (await stores.conversations.list(person.id)).filter(
    (c) => c.kind.startsWith('mentor-talk:') && c.kind !== MENTOR_TALK_LIST,
  );
  // The most recent question waiting for its note takes free text (after a single answer).
  const latest = open[0] ? await loadTalk(input, open[0].kind) : null;
  const noteOpen = latest?.state.step === 'note' ? latest : null;
  const list = await stores.conversations.load<MentorTalkList>(person.id, MENTOR_TALK_LIST);
  const refs = list?.state.items ?? [];
  const answer = parseTalkListAnswer(act.text);
  const namesSomeone = answer !== null && answer.targets !== 'unnamed';
  if (answer && (namesSomeone ? refs.length > 0 : refs.length > 1 && !noteOpen)) {
    return answerList(input, refs, answer);
  }
  if (noteOpen) return applyTalkEvent(input, noteOpen, parseMentorTalkText(act.text, noteOpen.state.step));
  if (refs.length > 1) {
    // Not an answer, and several students on the list: ask instead of guessing.
    const names = await namesOf(input, refs);
    return answerBack(renderMentorTalkListReply(input.locale, { kind: 'which', names }));
  }
  let found: OpenTalk | null = null;
  for (const conversation of open) {
    const talk = await loadTalk(input, conversation.kind);
    if (talk && isMentorTalkAwaitingAnswer(talk.state)) {
      found = talk;
      break;
    }
  }
  if (!found) return null;
  return applyTalkEvent(input, found, parseMentorTalkText(act.text, found.state.step));
}

async function loadTalk(input: UseCaseInput, kind: string): Promise<OpenTalk | null> {
  const record = await input.stores.conversations.load<MentorTalkState>(input.person.id, kind);
  return record ? { placementId: kind.slice('mentor-talk:'.length), state: record.state } : null;
}

/** The students' names in list order; a student erased since keeps their number, unnamed. */
async function namesOf(input: UseCaseInput, refs: readonly string[]): Promise<string[]> {
  const parsed = refs.map(parseRef);
  const names = await input.stores.placements.studentNames(
    parsed.flatMap((ref) => (ref ? [ref.placementId] : [])),
  );
  return parsed.map((ref) => (ref ? (names.get(ref.placementId) ?? '—') : '—'));
}

/** A typed answer for the students it names on the newest list. */
async function answerList(
  input: UseCaseInput,
  refs: readonly string[],
  answer: NonNullable<TalkListAnswer>,
): Promise<UseCaseOutput> {
  const names = await namesOf(input, refs);
  const resolved = resolveTalkTargets(answer.targets, names);
  if (!resolved.ok) {
    const question: MentorTalkListReply =
      resolved.reason === 'which'
        ? { kind: 'which', names }
        : { kind: resolved.reason, target: resolved.target, names };
    return answerBack(renderMentorTalkListReply(input.locale, question));
  }
  const talks: OpenTalk[] = [];
  for (const position of resolved.positions) {
    const ref = parseRef(refs[position - 1] ?? '');
    const talk = ref ? await loadTalk(input, mentorTalkKind(ref.placementId)) : null;
    if (talk && ref && talk.state.week === ref.week) talks.push(talk);
  }
  if (talks.length === 0)
    return answerBack(renderMentorTalkListReply(input.locale, { kind: 'nothing-open' }));
  const event: MentorTalkEvent = { type: 'talk.answered', answer: answer.answer };
  const [only] = talks;
  // One student: the usual question for a note follows.
  if (talks.length === 1 && only) return applyTalkEvent(input, only, event);
  const output = emptyOutput();
  const flags: NoTalkFlag[] = [];
  for (const talk of talks) flags.push(...(await applyTalk(input, talk, event, { skipNote: true })).flags);
  output.outgoing.push(...noTalkMessages(input, flags));
  const named = resolved.positions.map((position) => `${position}. ${names[position - 1] ?? ''}`);
  output.conversation.push(
    renderMentorTalkListReply(input.locale, { kind: 'recorded', answer: answer.answer, names: named }),
  );
  return output;
}

/** One event on one student's question, with the coordinators' flags it raises sent at once. */
async function applyTalkEvent(
  input: UseCaseInput,
  talk: OpenTalk,
  event: MentorTalkEvent,
): Promise<UseCaseOutput> {
  const { output, flags } = await applyTalk(input, talk, event);
  output.outgoing.push(...noTalkMessages(input, flags));
  return output;
}

/**
 * One event on one student's question: the state saved, the answer recorded, the replies, and
 * the coordinator flags it raises (returned, so an answer for several students sends them as one).
 * With `skipNote` (an answer for several students at once) no note is asked for.
 */
async function applyTalk(
  input: UseCaseInput,
  talk: OpenTalk,
  event: MentorTalkEvent,
  options: { skipNote?: boolean } = {},
): Promise<{ output: UseCaseOutput; flags: NoTalkFlag[] }> {
  const { stores, person } = input;
  const { placementId } = talk;
  const [transitioned, effects] = transitionMentorTalk(talk.state, event, input.actedAt);
  const next: MentorTalkState =
    options.skipNote && transitioned.step === 'note' ? { ...transitioned, step: 'done' } : transitioned;
  await stores.conversations.save(person.id, mentorTalkKind(placementId), next, input.now);
  const output = emptyOutput();
  const flags: NoTalkFlag[] = [];
  if (!options.skipNote) {
    output.conversation.push(
      ...renderMentorTalkEffects(effects, input.locale, mentorTalkRef(placementId, next.week)),
    );
  }
  for (const effect of effects) {
    if (effect.type !== 'recorded') continue;
    await stores.checkins.recordMentorTalk(placementId, effect.week, {
      answer: effect.answer,
      note: effect.note,
      at: input.actedAt,
    });
    flags.push(...(await noTalkFlags(input, placementId, effect.week)));
  }
  return { output, flags };
}

type NoTalkFlag = StaffItem<{ name: string; placementId: string }>;

/** "No talk" two weeks running → coordinator flag (once per week, by key). */
async function noTalkFlags(input: UseCaseInput, placementId: string, week: string): Promise<NoTalkFlag[]> {
  const rows = await input.stores.checkins.history(placementId);
  const signals = evaluateCheckinSignals(checkinHistoryOf(input.stores.unseal, rows, null)).filter(
    (signal) => signal.kind === 'mentor-no-talk' && signal.week === week,
  );
  if (signals.length === 0) return [];
  const [bundle] = await input.stores.placements.loadBundles({ placementIds: [placementId] });
  if (!bundle) return [];
  return signals.flatMap((signal) =>
    bundle.coordinators.map((coordinator) => ({
      recipient: coordinator,
      key: `${placementId}:${signal.key}:${coordinator.id}`,
      studentId: bundle.student.id,
      detail: { name: bundle.student.name, placementId },
    })),
  );
}

/** The coordinators' flags of one act: one message per coordinator, however many students. */
function noTalkMessages(input: UseCaseInput, flags: readonly NoTalkFlag[]): OutgoingMessage[] {
  return [...byRecipient(flags).values()].flatMap((items) => {
    const coordinator = (items[0] as NoTalkFlag).recipient;
    const messages = renderNoTalkAlertList(
      localeOf(coordinator, input.defaultLocale),
      input.person.name,
      items.map((item) => item.detail),
    );
    return staffOutgoing('no-talk', coordinator, items, messages);
  });
}

/** The mentor's newest weekly-talk list: the numbers of a typed `ja 1 3` are positions on it. */
export const MENTOR_TALK_LIST = 'mentor-talk:list';
/** Refs (`mentorTalkRef`) in the order of the list the mentor was sent. */
export type MentorTalkList = { items: string[] };
