import { renderMoodLowAlert, renderWantsTalkNote } from '../../core/checkin/alert-messages';
import {
  type CheckinTransition,
  receiveCheckinAction,
  receiveCheckinText,
} from '../../core/checkin/conversation';
import { renderCheckinEffects } from '../../core/checkin/messages';
import { evaluateCheckinSignals } from '../../core/checkin/signals';
import type { CheckinState } from '../../core/checkin/state';
import { localeOf } from '../../core/shared/person';
import { checkinHistoryOf } from '../placements/checkin-history';
import { emptyOutput, type UseCaseInput, type UseCaseOutput } from './use-case';

export const CHECKIN_CONVERSATION = 'checkin';

/** The open check-in of a student: which placement and week it belongs to, and where it stands. */
export type CheckinConversation = { placementId: string; state: CheckinState };

/**
 * A student's answer to the weekly check-in (typed or clicked). Saves the state and the answer,
 * and alerts the mentor at once on a low mood or a wish to talk.
 */
export async function continueCheckin(
  input: UseCaseInput,
  act: { text: string } | { actionId: string; value?: string },
): Promise<UseCaseOutput | null> {
  const { stores, person, actedAt } = input;
  const record = await stores.conversations.load<CheckinConversation>(person.id, CHECKIN_CONVERSATION);
  if (!record) return null;
  const { placementId, state } = record.state;

  let result: CheckinTransition | null;
  if ('text' in act) result = receiveCheckinText(state, act.text, actedAt);
  else result = receiveCheckinAction(state, act.actionId, act.value, actedAt);
  if (!result) return null;
  const [next, effects] = result;

  await stores.conversations.save(person.id, CHECKIN_CONVERSATION, { placementId, state: next }, input.now);
  const output = emptyOutput();
  output.conversation.push(...renderCheckinEffects(effects, next, input.locale));

  if (effects.some((effect) => effect.type !== 'rejected')) {
    await stores.checkins.recordAnswer(placementId, next.week, {
      ...(next.mood !== undefined ? { mood: next.mood } : {}),
      ...(next.learned !== undefined ? { learned: next.learned } : {}),
      ...(next.wantsTalk !== undefined ? { wantsTalk: next.wantsTalk } : {}),
      ...(next.topic !== undefined ? { topic: next.topic } : {}),
      ...(next.answeredAt ? { answeredAt: new Date(next.answeredAt) } : {}),
    });
  }

  // Mentor alerts are evaluated on the stored history so "mood ≤ 2 twice" sees last week too.
  const completedOrMood = effects.some(
    (effect) => effect.type === 'completed' || effect.type === 'mood.recorded',
  );
  if (completedOrMood) output.outgoing.push(...(await mentorAlerts(input, placementId, next)));
  return output;
}

async function mentorAlerts(input: UseCaseInput, placementId: string, state: CheckinState) {
  const { stores } = input;
  const [bundle] = await stores.placements.loadBundles({ placementIds: [placementId] });
  if (!bundle) return [];
  const rows = await stores.checkins.history(placementId);
  const signals = evaluateCheckinSignals(checkinHistoryOf(stores.unseal, rows, null)).filter(
    (signal) => signal.week === state.week && signal.audience === 'mentor',
  );
  const topic = state.topic ?? null;
  return signals.flatMap((signal) =>
    bundle.mentors.map((mentor) => {
      const locale = localeOf(mentor, input.defaultLocale);
      const message =
        signal.kind === 'mood-low'
          ? renderMoodLowAlert(locale, {
              studentName: bundle.student.name,
              reason: signal.reason ?? 'mood-1',
              mood: state.mood ?? 1,
              previousMood: state.previousMood ?? null,
            })
          : renderWantsTalkNote(locale, { studentName: bundle.student.name, topic });
      return {
        key: `${placementId}:${signal.key}:${mentor.id}`,
        to: { kind: 'person' as const, personId: mentor.id },
        message,
        subjectId: bundle.student.id,
      };
    }),
  );
}
