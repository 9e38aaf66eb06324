import { evaluationReminders } from '../../core/reports/evaluation';
import { renderEvaluationReminder } from '../../core/reports/messages';
import { scheduleOf } from '../../infra/db/repositories/placements';
import { evaluatePlacement } from '../placements/evaluate';
import type { Outgoing } from '../send';
import {
  flush,
  inWindow,
  type JobContext,
  placementsToSchedule,
  recipientLocale,
  type Window,
} from './job-context';

/** A week before the mid-term and final evaluation: a private reminder to student and mentors. */
export async function runEvaluationReminders(ctx: JobContext, window: Window): Promise<string> {
  const outgoing: Outgoing[] = [];
  for (const bundle of await placementsToSchedule(ctx, window)) {
    const status = evaluatePlacement(bundle, window.to).status;
    if (status !== 'active' && status !== 'paused') continue;
    for (const reminder of evaluationReminders(scheduleOf(bundle), bundle.cohort.settings)) {
      if (!inWindow(reminder.at, window)) continue;
      const people = reminder.audience === 'student' ? [bundle.student] : bundle.mentors;
      for (const person of people) {
        outgoing.push({
          key: `${bundle.placement.id}:${reminder.key}:${person.id}`,
          to: { personId: person.id },
          message: renderEvaluationReminder(reminder, recipientLocale(ctx, person), {
            student: bundle.student.name,
            placementId: bundle.placement.id,
          }),
          subjectId: bundle.student.id,
        });
      }
    }
  }
  return `evaluation reminders: ${await flush(ctx, outgoing, window.to)}`;
}
