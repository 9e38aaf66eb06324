import { type Block, type Button, type Locale, type Message, text } from '../messages/model';
import { pick } from '../messages/texts';
import * as starrTexts from '../messages/texts/starr';
import type { LocalDate } from '../shared/dates';
import { assertNever } from '../shared/errors';
import { editButton, goalButton, navButton, startButton } from './buttons';
import type { StarrContext, StarrEffect } from './events';
import { renderRejected } from './render-rejected';
import type { StarrKind, StarrState, StarrStepId } from './state';
import { findStep, stepIdsOf, stepNumberOf } from './steps';

type Texts = typeof starrTexts.nl;

/**
 * What rendering needs beyond the state: the goal buttons, the report's name for headings, and
 * on a revision the mentor's feedback shown above the summary.
 */
export type StarrRenderContext = Pick<StarrContext, 'goals'> & {
  reportName?: string;
  revisionFeedback?: { mentorName: string; text: string | null } | null;
};
type Effect<T extends StarrEffect['type']> = Extract<StarrEffect, { type: T }>;

export const starrCatalog = { nl: starrTexts.nl, en: starrTexts.en };

export const textsFor = (locale: Locale): Texts => pick(starrCatalog, locale);

/**
 * Student-facing messages for the effects of one transition, in order. `state` is the state
 * *after* the transition; `ctx.goals` supplies the goal buttons.
 */
export function renderStarrEffects(
  effects: readonly StarrEffect[],
  state: StarrState,
  locale: Locale,
  ctx: StarrRenderContext,
): Message[] {
  const t = textsFor(locale);
  return effects.map((effect) => renderEffect(effect, state, t, ctx));
}

function renderEffect(effect: StarrEffect, state: StarrState, t: Texts, ctx: StarrRenderContext): Message {
  switch (effect.type) {
    case 'ask':
      return renderAsk(effect, state, t, ctx);
    case 'nudge': {
      const fix = fixButton(state, effect.step, t);
      const body = t[`nudge.${effect.reason}`](fix.keyword ?? '');
      return { key: `starr.nudge.${effect.reason}`, summary: body, blocks: [text(body), actions([fix])] };
    }
    case 'privacy-nudge': {
      const fix = fixButton(state, effect.step, t);
      const body = t.privacyNudge(fix.keyword ?? '');
      return { key: 'starr.nudge.privacy', summary: body, blocks: [text(body), actions([fix])] };
    }
    case 'summary':
      return renderSummary(effect, state, t, ctx);
    case 'which-step': {
      const ids = stepIdsOf(state.kind);
      const body = t.whichStep(ids.length);
      const buttons = ids.map((id, index) => ({
        ...editButton(t, index + 1),
        label: t.whichStepButton(index + 1, t[`label.${id}`]),
      }));
      return { key: 'starr.which-step', summary: body, blocks: [text(body), actions(buttons)] };
    }
    case 'submitted':
      return { key: 'starr.submitted', summary: t.submitted, blocks: [text(t.submitted)] };
    case 'paused':
      return {
        key: 'starr.paused',
        summary: t.paused,
        blocks: [text(t.paused), actions([navButton(t, 'resume', 'primary')])],
      };
    case 'cancelled':
      return {
        key: 'starr.cancelled',
        summary: t.cancelled,
        blocks: [text(t.cancelled), actions([startButton(t, state.reportId)])],
      };
    case 'help': {
      const hint = effect.step === 'summary' ? t.helpSummary : t[`hint.${effect.step}`];
      return {
        key: 'starr.help',
        summary: hint,
        blocks: [
          text(t.helpHeading, 'heading'),
          text(t.helpIntro),
          text(hint),
          text(t.helpKeywords, 'muted'),
        ],
      };
    }
    case 'rejected':
      return renderRejected(effect, state, t, ctx);
    default:
      return assertNever(effect);
  }
}

const actions = (buttons: readonly Button[]): Block => ({ type: 'actions', buttons });

function renderAsk(effect: Effect<'ask'>, state: StarrState, t: Texts, ctx: StarrRenderContext) {
  const label = t[`label.${effect.step}`];
  // The header names the report: a student who is behind writes several, one after another.
  const heading = ctx.reportName
    ? t.reportStepHeading(ctx.reportName, effect.stepNumber, effect.totalSteps, label)
    : t.stepHeading(effect.stepNumber, effect.totalSteps, label);
  const question = t[`ask.${effect.step}`];
  const blocks: Block[] = [text(heading, 'heading'), text(question)];
  const goalChoice = findStep(state.kind, effect.step)?.goalChoice === true;
  if (goalChoice && ctx.goals.length > 0) {
    const list = ctx.goals.map((goal, index) => `${index + 1}. ${goal}`).join('\n');
    blocks.push(text(`${t.goalListIntro}\n${list}`), actions(ctx.goals.map(goalButton)));
  }
  if (effect.previousAnswer) {
    blocks.push(
      { type: 'quote', label: t.previousAnswerLabel, text: effect.previousAnswer },
      text(t.previousAnswerHint, 'muted'),
    );
  }
  const navigation = [navButton(t, 'skip'), navButton(t, 'stop')];
  blocks.push(actions(effect.stepNumber > 1 ? [navButton(t, 'back'), ...navigation] : navigation));
  blocks.push(text(goalChoice ? (ctx.goals.length > 0 ? t.goalTypeHint : t.goalNone) : t.typeHint, 'muted'));
  return { key: `starr.ask.${effect.step}`, summary: `${heading}: ${question}`, blocks } satisfies Message;
}

/**
 * How the student gets back to the step a nudge is about: right after answering it, "terug"
 * lands there; from the summary (last step, or an edit) "wijzig N" does.
 */
function fixButton(state: StarrState, step: StarrStepId, t: Texts): Button {
  return state.step === 'summary' ? editButton(t, stepNumberOf(state.kind, step)) : navButton(t, 'back');
}

function renderSummary(effect: Effect<'summary'>, state: StarrState, t: Texts, ctx: StarrRenderContext) {
  const ids = stepIdsOf(state.kind);
  const heading = ctx.reportName ? t.reportSummaryHeading(ctx.reportName) : t.summaryHeading;
  const blocks: Block[] = [text(heading, 'heading')];
  // A revision opens with what the mentor asked for, above the student's own answers.
  if (state.revision && ctx.revisionFeedback) {
    const { mentorName, text: feedback } = ctx.revisionFeedback;
    if (feedback) blocks.push({ type: 'quote', label: t.revisionFeedbackLabel(mentorName), text: feedback });
    blocks.push(text(t.revisionIntro));
  }
  blocks.push(text(t.summaryIntro, 'muted'));
  ids.forEach((id, index) => {
    const label = `${index + 1}. ${t[`label.${id}`]}`;
    const answer = effect.answers[id]?.trim();
    blocks.push(
      answer ? { type: 'quote', label, text: answer } : text(`${label}: ${t.summaryEmpty}`, 'muted'),
    );
  });
  blocks.push(
    text(t.summaryOutro, 'muted'),
    actions([navButton(t, 'submit', 'primary'), navButton(t, 'cancel', 'danger')]),
    actions(ids.map((_, index) => editButton(t, index + 1))),
  );
  const answered = ids.filter((id) => effect.answers[id]?.trim()).length;
  const summary =
    state.revision && ctx.revisionFeedback
      ? t.revisionSummary(ctx.revisionFeedback.mentorName)
      : t.summaryText(answered, ids.length);
  return { key: 'starr.summary', summary, blocks } satisfies Message;
}

export type StarrInvitation = {
  reportId: string;
  kind: StarrKind;
  dueDate: LocalDate;
  studentName: string;
};

/** The "time for your reflection" prompt the scheduler sends when a report becomes due. */
export function renderStarrInvitation(locale: Locale, invitation: StarrInvitation): Message {
  const t = textsFor(locale);
  const due = t.dueDate(invitation.dueDate);
  const body = t[`invitation.body.${invitation.kind}`](invitation.studentName, due);
  return {
    key: `starr.invitation.${invitation.kind}`,
    summary: t.invitationSummary(invitation.studentName, due),
    blocks: [
      text(t[`invitation.heading.${invitation.kind}`], 'heading'),
      text(body),
      text(t.invitationHint, 'muted'),
      actions([startButton(t, invitation.reportId)]),
    ],
  };
}
