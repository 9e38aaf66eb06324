import type { Button } from '../messages/model';
import type { nl } from '../messages/texts/starr';
import { STARR_ACTIONS } from './parse';

type Texts = typeof nl;

type SimpleButton = 'back' | 'skip' | 'stop' | 'resume' | 'cancel' | 'submit';

/** A navigation button with its typed equivalent, so text-only clients can show "(typ terug)". */
export function navButton(t: Texts, kind: SimpleButton, style?: Button['style']): Button {
  return {
    actionId: STARR_ACTIONS[kind],
    label: t[`button.${kind}`],
    keyword: t[`keyword.${kind}`],
    ...(style ? { style } : {}),
  };
}

export function startButton(t: Texts, reportId: string): Button {
  return {
    actionId: STARR_ACTIONS.start,
    label: t['button.start'],
    value: reportId,
    keyword: t['keyword.start'],
    style: 'primary',
  };
}

export function editButton(t: Texts, stepNumber: number): Button {
  return {
    actionId: STARR_ACTIONS.edit,
    label: t.editButton(stepNumber),
    value: String(stepNumber),
    keyword: t.editKeyword(stepNumber),
  };
}

/** Button labels stay short on every platform (Slack cuts at 75 characters). */
const MAX_GOAL_LABEL = 60; // characters

export function goalButton(goal: string, index: number): Button {
  const label = goal.length > MAX_GOAL_LABEL ? `${goal.slice(0, MAX_GOAL_LABEL - 1).trimEnd()}…` : goal;
  return { actionId: STARR_ACTIONS.goal, label, value: String(index), keyword: String(index + 1) };
}
