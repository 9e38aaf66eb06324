import { type Block, type Button, type Locale, type Message, text } from '../messages/model';
import { pick } from '../messages/texts';
import * as checkinTexts from '../messages/texts/checkin';
import { renderStaffList, STUDENT_SLOT, type StaffListEntry } from '../notices/staff-list';
import { staffTextsFor } from '../notices/staff-texts';
import { assertNever } from '../shared/errors';
import { MENTOR_TALK_ACTIONS, type MentorTalkEffect, mentorTalkValue } from './mentor-talk';
import { CHECKIN_ACTIONS } from './parse';
import type { MentorTalkAnswer } from './signals';
import type { CheckinEffect, CheckinState, CheckinStep, FollowUpStep } from './state';

export type CheckinTexts = typeof checkinTexts.nl;

export const checkinCatalog = { nl: checkinTexts.nl, en: checkinTexts.en };

export const checkinTextsFor = (locale: Locale): CheckinTexts => pick(checkinCatalog, locale);

const MIN_MOOD = 1;
const MAX_MOOD = 5;

const actions = (buttons: readonly Button[]): Block => ({ type: 'actions', buttons });

/** Message keys of refusals: `checkin.rejected.<code in kebab case>`, e.g. `checkin.rejected.too-long`. */
export function checkinRejectedKey(code: string): string {
  return `checkin.rejected.${code
    .replace(/^CHECKIN\./, '')
    .toLowerCase()
    .replace(/_/g, '-')}`;
}

function moodScale(t: CheckinTexts): Block[] {
  return [
    {
      type: 'scale',
      actionId: CHECKIN_ACTIONS.mood,
      min: MIN_MOOD,
      max: MAX_MOOD,
      lowLabel: t['prompt.low'],
      highLabel: t['prompt.high'],
    },
    text(t['prompt.typeHint'], 'muted'),
  ];
}

function skipButton(t: CheckinTexts, step: FollowUpStep): Button {
  return { actionId: CHECKIN_ACTIONS.skip, label: t['button.skip'], value: step, keyword: t['keyword.skip'] };
}

function yesNoButtons(t: CheckinTexts): Button[] {
  return [
    { actionId: CHECKIN_ACTIONS.talk, label: t['button.yes'], value: 'yes', keyword: t['keyword.yes'] },
    { actionId: CHECKIN_ACTIONS.talk, label: t['button.no'], value: 'no', keyword: t['keyword.no'] },
  ];
}

/** The weekly question to the student (sent by the scheduler; the state starts at `mood`). */
export function renderCheckinPrompt(locale: Locale, student: { firstName: string }): Message {
  const t = checkinTextsFor(locale);
  const question = t['prompt.question'](student.firstName);
  return {
    key: 'checkin.prompt',
    summary: question,
    blocks: [text(t['prompt.heading'], 'heading'), text(question), ...moodScale(t)],
  };
}

/** The one reminder of an unanswered check-in, with the scale so one click answers it. */
export function renderCheckinReminder(locale: Locale): Message {
  const t = checkinTextsFor(locale);
  return {
    key: 'checkin.reminder',
    summary: t['reminder.body'],
    blocks: [text(t['reminder.heading'], 'heading'), text(t['reminder.body']), ...moodScale(t)],
  };
}

function askBlocks(step: CheckinStep, t: CheckinTexts): Block[] {
  switch (step) {
    case 'mood':
      return moodScale(t);
    case 'learned':
      return [
        text(t['ask.learned']),
        text(t['ask.learnedHint'], 'muted'),
        actions([skipButton(t, 'learned')]),
      ];
    case 'talk':
      return [text(t['ask.talk']), actions(yesNoButtons(t))];
    case 'topic':
      return [text(t['ask.topic']), text(t['ask.topicHint'], 'muted'), actions([skipButton(t, 'topic')])];
    case 'done':
      return [];
    default:
      return assertNever(step);
  }
}

/** A follow-up question: `checkin.ask.learned`, `checkin.ask.talk`, `checkin.ask.topic`. */
export function renderCheckinAsk(step: FollowUpStep, locale: Locale): Message {
  const t = checkinTextsFor(locale);
  return { key: `checkin.ask.${step}`, summary: t[`ask.${step}`], blocks: askBlocks(step, t) };
}

/**
 * The student's replies to one transition, in order. `state` is the state after it. Effects for
 * other people (`signal`) and for storage (`mood.recorded`) produce no student message.
 */
export function renderCheckinEffects(
  effects: readonly CheckinEffect[],
  state: CheckinState,
  locale: Locale,
): Message[] {
  const t = checkinTextsFor(locale);
  return effects.flatMap((effect): Message[] => {
    switch (effect.type) {
      case 'ask':
        return [renderCheckinAsk(effect.step, locale)];
      case 'rejected': {
        const body = t[`rejected.${effect.code}`];
        // Offer the current question's buttons again, so the way forward is one click.
        const blocks = [text(body), ...askBlocks(state.step, t)];
        return [{ key: checkinRejectedKey(effect.code), summary: body, blocks }];
      }
      case 'completed': {
        const body = effect.wantsTalk ? t.thanksTalk : t.thanks;
        return [{ key: 'checkin.thanks', summary: body, blocks: [text(body)] }];
      }
      case 'mood.recorded':
      case 'signal':
        return [];
      default:
        return assertNever(effect);
    }
  });
}

/** The mentor's weekly question per student; `ref` comes back with the click (see `parseMentorTalkAction`). */
export function renderMentorTalkQuestion(
  locale: Locale,
  input: { studentName: string; ref: string },
): Message {
  const t = checkinTextsFor(locale);
  const question = t['mentor.talk.question'](input.studentName);
  const answers = (['yes', 'no', 'moved'] as const).map(
    (answer): Button => ({
      actionId: MENTOR_TALK_ACTIONS.answer,
      label: t[`mentor.button.${answer}`],
      value: mentorTalkValue(answer, input.ref),
      keyword: t[`mentor.keyword.${answer}`],
      ...(answer === 'yes' ? { style: 'primary' as const } : {}),
    }),
  );
  return {
    key: 'checkin.mentor.talk',
    summary: question,
    blocks: [text(t['mentor.talk.heading'], 'heading'), text(question), actions(answers)],
  };
}

/** The mentor's replies to one talk transition; `recorded` is for storage and renders nothing. */
export function renderMentorTalkEffects(
  effects: readonly MentorTalkEffect[],
  locale: Locale,
  ref: string,
): Message[] {
  const t = checkinTextsFor(locale);
  return effects.flatMap((effect): Message[] => {
    switch (effect.type) {
      case 'ask-note': {
        const skip: Button = {
          actionId: MENTOR_TALK_ACTIONS.skipNote,
          label: t['button.skip'],
          value: ref,
          keyword: t['keyword.skip'],
        };
        return [
          {
            key: 'checkin.mentor.note',
            summary: t['mentor.askNote'],
            blocks: [text(t['mentor.askNote']), actions([skip])],
          },
        ];
      }
      case 'thanks':
        return [
          { key: 'checkin.mentor.thanks', summary: t['mentor.thanks'], blocks: [text(t['mentor.thanks'])] },
        ];
      case 'rejected': {
        const body = t[`rejected.${effect.code}`];
        return [{ key: checkinRejectedKey(effect.code), summary: body, blocks: [text(body)] }];
      }
      case 'recorded':
        return [];
      default:
        return assertNever(effect);
    }
  });
}

export {
  type CoordinatorCheckinAlert,
  renderCoordinatorCheckinAlert,
  renderMoodLowAlert,
  renderWantsTalkNote,
} from './alert-messages';

/** One student on a mentor's weekly-talk list; `ref` comes back with the click. */
export type MentorTalkListItem = { name: string; ref: string };

/**
 * The mentor's weekly question about all their students due this week, numbered so a typed
 * `ja 1 3` or `nee Sam` can name them; a button pair (yes/no) per student. One student keeps
 * the single question (with "moved" and the note).
 */
export function renderMentorTalkList(locale: Locale, items: readonly MentorTalkListItem[]): Message[] {
  const [only] = items;
  if (items.length === 1 && only)
    return [renderMentorTalkQuestion(locale, { studentName: only.name, ref: only.ref })];
  const t = checkinTextsFor(locale);
  const s = staffTextsFor(locale);
  const entries: StaffListEntry[] = items.map((item, index) => {
    const n = index + 1;
    const first = item.name.split(/\s+/)[0] ?? item.name;
    return {
      line: `${n}. ${STUDENT_SLOT}`,
      student: item.name,
      buttons: (['yes', 'no'] as const).map(
        (answer): Button => ({
          actionId: MENTOR_TALK_ACTIONS.answer,
          label: s[`talk.button.${answer}`](n, first).slice(0, 60),
          value: mentorTalkValue(answer, item.ref),
          keyword: `${t[`mentor.keyword.${answer}`]} ${n}`,
          ...(answer === 'yes' ? { style: 'primary' as const } : {}),
        }),
      ),
    };
  });
  const question = s['talk.question'](items.length);
  return renderStaffList(
    {
      key: 'checkin.mentor.talk',
      heading: s['talk.heading'],
      summary: question,
      intro: [text(question), text(s['talk.hint'], 'muted')],
      entries,
    },
    locale,
  );
}

export type MentorTalkListReply =
  | { kind: 'recorded'; answer: MentorTalkAnswer; names: readonly string[] }
  | { kind: 'which'; names: readonly string[] }
  | { kind: 'ambiguous-name'; target: string; names: readonly string[] }
  | { kind: 'unknown'; target: string; names: readonly string[] }
  | { kind: 'nothing-open' };

/** The mentor's reply to a typed answer on the weekly-talk list; a question back when it was unclear. */
export function renderMentorTalkListReply(locale: Locale, reply: MentorTalkListReply): Message {
  const s = staffTextsFor(locale);
  const numbered = (names: readonly string[]) =>
    names.map((name, index) => `${index + 1}. ${name}`).join('\n');
  const note = (key: string, body: string): Message => ({
    key,
    summary: body.split('\n')[0] ?? body,
    blocks: [text(body)],
  });
  switch (reply.kind) {
    case 'recorded':
      return note(
        'checkin.mentor.list.recorded',
        s['talk.recorded'](s[`talk.answer.${reply.answer}`], reply.names.join(', ')),
      );
    case 'which':
      return note('checkin.mentor.list.which', s['talk.ambiguous.which'](numbered(reply.names)));
    case 'ambiguous-name':
      return note('checkin.mentor.list.which', s['talk.ambiguous.name'](reply.target, numbered(reply.names)));
    case 'unknown':
      return note('checkin.mentor.list.unknown', s['talk.unknown'](reply.target, numbered(reply.names)));
    case 'nothing-open':
      return note('checkin.mentor.list.closed', s['talk.nothingOpen']);
    default:
      return assertNever(reply);
  }
}
