import { eq } from 'drizzle-orm';
import { dueActions } from '../../core/escalation/engine';
import { renderLadderAction } from '../../core/escalation/messages';
import { substituteKeyOf } from '../../core/escalation/miss-plan';
import type { Audience, LadderAction } from '../../core/escalation/types';
import { withHandInButton } from '../../core/notices/substitute';
import { appTextsFor } from '../../core/notices/texts';
import { placementStatusAt } from '../../core/reports/evaluation';
import type { Person } from '../../infra/db/repositories/people';
import type { PlacementBundle } from '../../infra/db/repositories/placements';
import { placements, substitutes } from '../../infra/db/schema';
import { evaluatePlacement, storedSubstituteKey } from '../placements/evaluate';
import type { Outgoing } from '../send';
import { flush, type JobContext, placementsToSchedule, recipientLocale, type Window } from './job-context';

function recipientsOf(bundle: PlacementBundle, audience: Audience): Person[] {
  switch (audience) {
    case 'student':
      return [bundle.student];
    case 'mentor':
      return bundle.mentors;
    case 'coordinator':
      return bundle.coordinators;
  }
}

/** The substitute assignment a ladder action gives, if any: the key the engine derived. */
function substituteGiven(action: LadderAction): string | null {
  if (action.type === 'grace.expired') return action.substituteKey;
  if (action.type === 'miss.detected' && action.substituteNow) return substituteKeyOf(action.report.id);
  return null;
}

/**
 * The deadline sweep and the whole escalation ladder: report reminders, misses, grace,
 * substitutes, owed reminders, overdue alerts and the insufficient verdict — every action of
 * the timeline whose instant falls in the window, to each of its audiences, once (by key).
 */
export async function runEscalation(ctx: JobContext, window: Window): Promise<string> {
  let actions = 0;
  const outgoing: Outgoing[] = [];
  for (const bundle of await placementsToSchedule(ctx, window)) {
    const evaluation = evaluatePlacement(bundle, window.to);
    const placementId = bundle.placement.id;
    const substituteText = bundle.placement.substituteText ?? bundle.cohort.settings.substituteText ?? null;
    for (const action of dueActions(evaluation.ladder, window.from, window.to)) {
      actions++;
      const given = substituteGiven(action);
      if (given) {
        await ctx.db
          .insert(substitutes)
          .values({ key: storedSubstituteKey(placementId, given), placementId, text: substituteText })
          .onConflictDoNothing();
      }
      if (action.type === 'placement.insufficient') {
        await ctx.db
          .update(placements)
          .set({ status: 'insufficient', updatedAt: action.at })
          .where(eq(placements.id, placementId));
      }
      // After the placement has ended the student hears nothing more from the ladder (the closing
      // message says what is still open); coordinators and mentors still do.
      const running = ['active', 'paused'].includes(
        placementStatusAt(bundle.placement.status, evaluation.schedule, evaluation.ladder, action.at),
      );
      for (const audience of action.audience.filter((a) => running || a !== 'student')) {
        for (const person of recipientsOf(bundle, audience)) {
          const locale = recipientLocale(ctx, person);
          const message = renderLadderAction(action, audience, locale, {
            student: bundle.student.name,
            substituteText: substituteText ?? appTextsFor(locale)['substitute.default'],
          });
          outgoing.push({
            key: `${placementId}:${action.key}:${audience}:${person.id}`,
            to: { personId: person.id },
            // The student can hand the substitute in right from the message that gives it.
            message:
              given && audience === 'student'
                ? withHandInButton(message, storedSubstituteKey(placementId, given), locale)
                : message,
            subjectId: bundle.student.id,
          });
        }
      }
    }
  }
  return `escalation: ${actions} action(s), ${await flush(ctx, outgoing, window.to)} message(s)`;
}
