import { type MentorEvaluationItem, renderEvaluationReminderList } from '../../core/notices/evaluation-list';
import { evaluationReminders } from '../../core/reports/evaluation';
import { renderEvaluationReminder } from '../../core/reports/messages';
import { evaluatePlacement } from '../placements/evaluate';
import type { OutgoingMessage } from '../queue-messages';
import { scheduleOf } from '../stores/placement-records';
import {
  flush,
  inWindow,
  type JobContext,
  placementsToSchedule,
  recipientLocale,
  type Window,
} from './job-context';
import { byRecipient, type StaffItem, staffOutgoing } from './staff-messages';

/**
 * A week before the mid-term and final evaluation: a private reminder to the student, and to each
 * mentor one message per run listing all their students with an evaluation coming.
 */
export async function runEvaluationReminders(ctx: JobContext, window: Window): Promise<string> {
  const outgoing: OutgoingMessage[] = [];
  const forMentors: StaffItem<MentorEvaluationItem>[] = [];
  for (const bundle of await placementsToSchedule(ctx, window)) {
    const status = evaluatePlacement(bundle, window.to).status;
    if (status !== 'active' && status !== 'paused') continue;
    const { student, placement } = bundle;
    for (const reminder of evaluationReminders(scheduleOf(bundle), bundle.cohort.settings)) {
      if (!inWindow(reminder.at, window)) continue;
      if (reminder.audience === 'student') {
        outgoing.push({
          key: `${placement.id}:${reminder.key}:${student.id}`,
          to: { kind: 'person', personId: student.id },
          message: renderEvaluationReminder(reminder, recipientLocale(ctx, student), {
            student: student.name,
            placementId: placement.id,
          }),
          subjectId: student.id,
        });
        continue;
      }
      for (const mentor of bundle.mentors) {
        forMentors.push({
          recipient: mentor,
          key: `${placement.id}:${reminder.key}:${mentor.id}`,
          studentId: student.id,
          detail: { reminder, student: student.name, placementId: placement.id },
        });
      }
    }
  }
  for (const items of byRecipient(forMentors).values()) {
    const mentor = (items[0] as StaffItem<unknown>).recipient;
    const messages = renderEvaluationReminderList(
      recipientLocale(ctx, mentor),
      items.map((item) => item.detail),
    );
    outgoing.push(...staffOutgoing('evaluation', mentor, items, messages));
  }
  return `evaluation reminders: ${await flush(ctx, outgoing, window.to)}`;
}
