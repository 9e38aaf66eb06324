import { type Block, type Message, text } from '../messages/model';
import type { nl } from '../messages/texts/starr';
import { assertNever } from '../shared/errors';
import { navButton, startButton } from './buttons';
import type { StarrContext, StarrEffect } from './events';
import type { StarrState } from './state';
import { findStep, stepIdsOf } from './steps';

type Texts = typeof nl;

/** Message keys are `starr.rejected.<code in kebab case>`, e.g. `starr.rejected.empty-answer`. */
export function rejectedKey(code: string): string {
  return `starr.rejected.${code
    .replace(/^STARR\./, '')
    .toLowerCase()
    .replace(/_/g, '-')}`;
}

/** A friendly explanation of a refused event, with a way forward where one exists. */
export function renderRejected(
  effect: Extract<StarrEffect, { type: 'rejected' }>,
  state: StarrState,
  t: Texts,
  ctx: Pick<StarrContext, 'goals'>,
): Message {
  const [body, extra] = explain(effect, state, t, ctx);
  return { key: rejectedKey(effect.code), summary: body, blocks: [text(body), ...extra] };
}

function explain(
  effect: Extract<StarrEffect, { type: 'rejected' }>,
  state: StarrState,
  t: Texts,
  ctx: Pick<StarrContext, 'goals'>,
): [string, Block[]] {
  switch (effect.code) {
    case 'STARR.EMPTY_ANSWER':
    case 'STARR.ALREADY_SUBMITTED':
    case 'STARR.NOT_A_GOAL_STEP':
    case 'STARR.NOT_AT_SUMMARY':
    case 'STARR.AT_SUMMARY':
    case 'STARR.AT_FIRST_STEP':
      return [t[`rejected.${effect.code}`], []];
    case 'STARR.INCOMPLETE': {
      const steps = String(effect.params?.steps ?? '').split(',');
      const labels = steps
        .map((id) => findStep(state.kind, id)?.id)
        .filter((id) => id !== undefined)
        .map((id) => t[`label.${id}`]);
      return [t['rejected.STARR.INCOMPLETE'](labels.join(', ')), []];
    }
    case 'STARR.NOT_ACTIVE':
      return effect.params?.status === 'cancelled' || state.status === 'cancelled'
        ? [
            t['rejected.STARR.NOT_ACTIVE.cancelled'],
            [{ type: 'actions', buttons: [startButton(t, state.reportId)] }],
          ]
        : [
            t['rejected.STARR.NOT_ACTIVE.paused'],
            [{ type: 'actions', buttons: [navButton(t, 'resume', 'primary')] }],
          ];
    case 'STARR.NO_SUCH_STEP':
      return [t['rejected.STARR.NO_SUCH_STEP'](stepIdsOf(state.kind).length), []];
    case 'STARR.TOO_EARLY':
      return [t['rejected.STARR.TOO_EARLY'](t.dueDate(String(effect.params?.from ?? ''))), []];
    case 'STARR.NO_SUCH_GOAL':
      return [t['rejected.STARR.NO_SUCH_GOAL'](ctx.goals.length), []];
    default:
      return assertNever(effect.code);
  }
}
