import { MENTOR_TALK_ACTIONS } from '../checkin/mentor-talk';
import { CHECKIN_ACTIONS } from '../checkin/parse';
import type { CommandScope } from '../commands/types';
import { DIGEST_DETAILS_ACTION } from '../digest/render';
import { FEEDBACK_ACTIONS } from '../notices/feedback';
import { SUBSTITUTE_ACTIONS } from '../notices/substitute';
import { STUDENT_HISTORY_ACTION } from '../reports/messages';
import { STARR_ACTIONS } from '../starr/parse';

type Values<T> = T[keyof T];

/** Every button/form id the app hands out; it comes back in `Inbound.payload.actionId`. */
export type ActionId =
  | Values<typeof STARR_ACTIONS>
  | Values<typeof CHECKIN_ACTIONS>
  | Values<typeof MENTOR_TALK_ACTIONS>
  | Values<typeof FEEDBACK_ACTIONS>
  | Values<typeof SUBSTITUTE_ACTIONS>
  | typeof DIGEST_DETAILS_ACTION
  | typeof STUDENT_HISTORY_ACTION;

/**
 * Authorization of buttons as data, the counterpart of the command table's `scope`. The
 * `Record` makes the compiler reject a new action id without a declared scope. `own-students`
 * means: the placement's mentors, and coordinators of its cohort.
 */
export const ACTION_SCOPES: Readonly<Record<ActionId, CommandScope>> = {
  [STARR_ACTIONS.start]: 'own',
  [STARR_ACTIONS.back]: 'own',
  [STARR_ACTIONS.skip]: 'own',
  [STARR_ACTIONS.stop]: 'own',
  [STARR_ACTIONS.resume]: 'own',
  [STARR_ACTIONS.cancel]: 'own',
  [STARR_ACTIONS.submit]: 'own',
  [STARR_ACTIONS.edit]: 'own',
  [STARR_ACTIONS.goal]: 'own',
  [STARR_ACTIONS.help]: 'own',
  [CHECKIN_ACTIONS.mood]: 'own',
  [CHECKIN_ACTIONS.skip]: 'own',
  [CHECKIN_ACTIONS.talk]: 'own',
  // The mentor's own open question about their student: keyed by the mentor, so `own`.
  [MENTOR_TALK_ACTIONS.answer]: 'own',
  [MENTOR_TALK_ACTIONS.skipNote]: 'own',
  [FEEDBACK_ACTIONS.open]: 'own-students',
  [FEEDBACK_ACTIONS.submit]: 'own-students',
  [SUBSTITUTE_ACTIONS.open]: 'own',
  [SUBSTITUTE_ACTIONS.submit]: 'own',
  [DIGEST_DETAILS_ACTION]: 'own-students',
  [STUDENT_HISTORY_ACTION]: 'own-students',
};

export const ACTION_IDS = Object.keys(ACTION_SCOPES) as ActionId[];

export function isKnownAction(actionId: string): actionId is ActionId {
  return Object.hasOwn(ACTION_SCOPES, actionId);
}
