import { eq } from 'drizzle-orm';
import { createWorkCalendar } from '../../core/calendar/working-days';
import { localDateOf } from '../../core/calendar/zoned';
import { renderCoordinatorCheckinAlert } from '../../core/checkin/alert-messages';
import { createMentorTalkState } from '../../core/checkin/mentor-talk';
import {
  renderCheckinPrompt,
  renderCheckinReminder,
  renderMentorTalkQuestion,
} from '../../core/checkin/messages';
import { checkinsBetween, reminderAt } from '../../core/checkin/schedule';
import { evaluateCheckinSignals } from '../../core/checkin/signals';
import { createCheckinState, isCheckinAnswered } from '../../core/checkin/state';
import { checkinHistory, recordCheckinSent } from '../../infra/db/repositories/checkins';
import { scheduleOf } from '../../infra/db/repositories/placements';
import { checkins, outbox } from '../../infra/db/schema';
import { loadConversation, saveConversation } from '../conversations/store';
import { CHECKIN_CONVERSATION, type CheckinConversation } from '../flows/checkin-flow';
import { mentorTalkKind, mentorTalkRef } from '../flows/mentor-talk-flow';
import { evaluatePlacement } from '../placements/evaluate';
import { type Outgoing, writeOutgoing } from '../send';
import { checkinFoldKey } from './escalation-job';
import {
  flush,
  inWindow,
  type JobContext,
  placementsToSchedule,
  recipientLocale,
  type Window,
} from './job-context';

const firstName = (name: string) => name.split(/\s+/)[0] ?? name;

/**
 * Sends the weekly check-in of every active placement whose check-in moment falls in the
 * window: the student's questions, each mentor's "did you talk?", and — now that last week's
 * check-in closed — the coordinator alert after three unanswered ones.
 */
export async function runCheckins(ctx: JobContext, window: Window): Promise<string> {
  let sent = 0;
  for (const bundle of await placementsToSchedule(ctx, window)) {
    const settings = bundle.cohort.settings;
    const calendar = createWorkCalendar({ closedDates: settings.closedDates });
    const due = checkinsBetween(
      scheduleOf(bundle),
      settings,
      calendar,
      window.from,
      new Date(window.to.getTime() + 1),
    );
    for (const checkin of due.filter((c) => inWindow(c.at, window))) {
      if (evaluatePlacement(bundle, checkin.at).status !== 'active') continue;
      const placementId = bundle.placement.id;
      const outgoing: Outgoing[] = [];
      // The "sent" mark, the new conversation state and the messages commit together: a crash
      // in between must not leave a check-in marked sent whose prompt never went out.
      const written = await ctx.db.transaction(async (tx) => {
        if (!(await recordCheckinSent(tx, placementId, checkin.week, checkin.at))) return 0; // already sent
        const student = bundle.student;
        const previous = await loadConversation<CheckinConversation>(
          tx,
          ctx.cipher,
          student.id,
          CHECKIN_CONVERSATION,
        );
        const state = createCheckinState(
          checkin.week,
          previous?.state.placementId === placementId ? previous.state.state : null,
        );
        await saveConversation(
          tx,
          ctx.cipher,
          student.id,
          CHECKIN_CONVERSATION,
          { placementId, state },
          checkin.at,
        );
        outgoing.push({
          key: `checkin:${placementId}:${checkin.week}`,
          to: { personId: student.id },
          message: renderCheckinPrompt(recipientLocale(ctx, student), { firstName: firstName(student.name) }),
          subjectId: student.id,
        });
        for (const mentor of bundle.mentors) {
          await saveConversation(
            tx,
            ctx.cipher,
            mentor.id,
            mentorTalkKind(placementId),
            createMentorTalkState(checkin.week),
            checkin.at,
          );
          outgoing.push({
            key: `talk:${placementId}:${checkin.week}:${mentor.id}`,
            to: { personId: mentor.id },
            message: renderMentorTalkQuestion(recipientLocale(ctx, mentor), {
              studentName: student.name,
              ref: mentorTalkRef(placementId, checkin.week),
            }),
            subjectId: student.id,
          });
        }
        const rows = await tx.select().from(checkins).where(eq(checkins.placementId, placementId));
        const alerts = evaluateCheckinSignals(checkinHistory(ctx.cipher, rows, checkin.week)).filter(
          (signal) => signal.kind === 'checkins-missed-alert',
        );
        for (const signal of alerts) {
          for (const coordinator of bundle.coordinators) {
            outgoing.push({
              key: `${placementId}:${signal.key}:${coordinator.id}`,
              to: { personId: coordinator.id },
              message: renderCoordinatorCheckinAlert(recipientLocale(ctx, coordinator), {
                kind: 'checkins-missed-alert',
                studentName: student.name,
                count: 3,
              }),
              subjectId: student.id,
            });
          }
        }
        return writeOutgoing(tx, ctx.cipher, outgoing, checkin.at);
      });
      if (written > 0) ctx.kick();
      sent += written;
    }
  }
  return `check-ins: ${sent} message(s)`;
}

/** One reminder the next working day at 10:00 for a check-in still unanswered. */
export async function runCheckinReminders(ctx: JobContext, window: Window): Promise<string> {
  const outgoing: Outgoing[] = [];
  for (const bundle of await placementsToSchedule(ctx, window)) {
    const settings = bundle.cohort.settings;
    const calendar = createWorkCalendar({ closedDates: settings.closedDates });
    const latest = [...bundle.checkins].sort((a, b) => (a.week < b.week ? 1 : -1))[0];
    if (!latest || latest.answeredAt) continue;
    const at = reminderAt(localDateOf(latest.sentAt, settings.timezone), settings, calendar);
    if (!inWindow(at, window)) continue;
    // No reminder once the placement has ended or is paused.
    if (evaluatePlacement(bundle, at).status !== 'active') continue;
    // Already told this morning, inside the student's one message of the day (escalation job).
    const [folded] = await ctx.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(eq(outbox.idempotencyKey, checkinFoldKey(bundle.placement.id, latest.week)));
    if (folded) continue;
    const conversation = await loadConversation<CheckinConversation>(
      ctx.db,
      ctx.cipher,
      bundle.student.id,
      CHECKIN_CONVERSATION,
    );
    if (
      !conversation ||
      conversation.state.state.week !== latest.week ||
      isCheckinAnswered(conversation.state.state)
    ) {
      continue;
    }
    outgoing.push({
      key: `checkin-reminder:${bundle.placement.id}:${latest.week}`,
      to: { personId: bundle.student.id },
      message: renderCheckinReminder(recipientLocale(ctx, bundle.student)),
      subjectId: bundle.student.id,
    });
  }
  return `check-in reminders: ${await flush(ctx, outgoing, window.to)}`;
}
