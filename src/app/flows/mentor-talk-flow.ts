import { eq } from 'drizzle-orm';
import { renderCoordinatorCheckinAlert } from '../../core/checkin/alert-messages';
import {
  isMentorTalkAwaitingAnswer,
  type MentorTalkEvent,
  type MentorTalkState,
  parseMentorTalkAction,
  parseMentorTalkText,
  transitionMentorTalk,
} from '../../core/checkin/mentor-talk';
import { renderMentorTalkEffects } from '../../core/checkin/messages';
import { evaluateCheckinSignals } from '../../core/checkin/signals';
import { checkinHistory, recordMentorTalk } from '../../infra/db/repositories/checkins';
import { loadPlacementBundles } from '../../infra/db/repositories/placements';
import { checkins } from '../../infra/db/schema';
import { listConversations, loadConversation, saveConversation } from '../conversations/store';
import { localeOf, type Outgoing } from '../send';
import { emptyOutput, type FlowInput, type FlowOutput } from './flow';

/** One open "did you have your talk?" per mentor and placement. */
export const mentorTalkKind = (placementId: string) => `mentor-talk:${placementId}`;
/** The opaque reference on the buttons: which placement and week. */
export const mentorTalkRef = (placementId: string, week: string) => `${placementId}@${week}`;

function parseRef(ref: string): { placementId: string; week: string } | null {
  const at = ref.lastIndexOf('@');
  return at > 0 ? { placementId: ref.slice(0, at), week: ref.slice(at + 1) } : null;
}

/** A mentor's click on the talk question, or typed ja/nee/verzet for the newest open question. */
export async function continueMentorTalk(
  input: FlowInput,
  act: { text: string } | { actionId: string; value?: string; formValues?: Record<string, string> },
): Promise<FlowOutput | null> {
  const { tx, cipher, person } = input;
  let placementId: string;
  let state: MentorTalkState;
  let event: MentorTalkEvent;

  if ('actionId' in act) {
    const parsed = parseMentorTalkAction(act.actionId, act.value, act.formValues);
    const ref = parsed ? parseRef(parsed.ref) : null;
    if (!parsed || !ref) return null;
    const record = await loadConversation<MentorTalkState>(
      tx,
      cipher,
      person.id,
      mentorTalkKind(ref.placementId),
    );
    if (!record || record.state.week !== ref.week) return null;
    placementId = ref.placementId;
    state = record.state;
    event = parsed.event;
  } else {
    const open = (await listConversations(tx, person.id)).filter((c) => c.kind.startsWith('mentor-talk:'));
    let found: { placementId: string; state: MentorTalkState } | null = null;
    for (const conversation of open) {
      const record = await loadConversation<MentorTalkState>(tx, cipher, person.id, conversation.kind);
      if (record && isMentorTalkAwaitingAnswer(record.state)) {
        found = { placementId: conversation.kind.slice('mentor-talk:'.length), state: record.state };
        break;
      }
    }
    if (!found) return null;
    ({ placementId, state } = found);
    event = parseMentorTalkText(act.text, state.step);
  }

  const [next, effects] = transitionMentorTalk(state, event, input.actedAt);
  await saveConversation(tx, cipher, person.id, mentorTalkKind(placementId), next, input.now);
  const output = emptyOutput();
  output.conversation.push(
    ...renderMentorTalkEffects(effects, input.locale, mentorTalkRef(placementId, next.week)),
  );
  for (const effect of effects) {
    if (effect.type !== 'recorded') continue;
    await recordMentorTalk(tx, cipher, placementId, effect.week, {
      answer: effect.answer,
      note: effect.note,
      at: input.actedAt,
    });
    output.outgoing.push(...(await noTalkFlags(input, placementId, effect.week)));
  }
  return output;
}

/** "No talk" two weeks running → coordinator flag (once per week, by key). */
async function noTalkFlags(input: FlowInput, placementId: string, week: string): Promise<Outgoing[]> {
  const rows = await input.tx.select().from(checkins).where(eq(checkins.placementId, placementId));
  const signals = evaluateCheckinSignals(checkinHistory(input.cipher, rows, null)).filter(
    (signal) => signal.kind === 'mentor-no-talk' && signal.week === week,
  );
  if (signals.length === 0) return [];
  const [bundle] = await loadPlacementBundles(input.tx, { placementIds: [placementId] });
  if (!bundle) return [];
  return signals.flatMap((signal) =>
    bundle.coordinators.map((coordinator) => ({
      key: `${placementId}:${signal.key}:${coordinator.id}`,
      to: { personId: coordinator.id },
      message: renderCoordinatorCheckinAlert(localeOf(coordinator, input.defaultLocale), {
        kind: 'mentor-no-talk',
        studentName: bundle.student.name,
        mentorName: input.person.name,
      }),
      subjectId: bundle.student.id,
    })),
  );
}
