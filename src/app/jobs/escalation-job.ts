import { createWorkCalendar } from '../../core/calendar/working-days';
import { localDateOf } from '../../core/calendar/zoned';
import { renderCheckinReminder } from '../../core/checkin/messages';
import { reminderAt } from '../../core/checkin/schedule';
import { isCheckinAnswered } from '../../core/checkin/state';
import { dueActions } from '../../core/escalation/engine';
import { renderLadderAction } from '../../core/escalation/messages';
import { substituteKeyOf } from '../../core/escalation/miss-plan';
import { renderStaffSummary, type StaffLadderItem } from '../../core/escalation/staff-summary';
import type { Audience, LadderAction } from '../../core/escalation/types';
import type { Message } from '../../core/messages/model';
import { bundleForStudent } from '../../core/notices/bundle';
import { withHandInButton } from '../../core/notices/substitute';
import { appTextsFor } from '../../core/notices/texts';
import { placementStatusAt } from '../../core/reports/evaluation';
import type { Person } from '../../core/shared/person';
import { evaluatePlacement, storedSubstituteKey } from '../placements/evaluate';
import { type OutgoingMessage, queueMessages } from '../queue-messages';
import type { PlacementBundle } from '../stores/placement-records';
import { CHECKIN_CONVERSATION, type CheckinConversation } from '../use-cases/checkin';
import { type JobContext, placementsToSchedule, recipientLocale, type Window } from './job-context';
import { byRecipient, type StaffItem, staffOutgoing } from './staff-messages';

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
/** Order of importance within a bundle: the news first, the routine reminders after. */
const IMPORTANCE: Record<LadderAction['type'], number> = {
  'placement.insufficient': 0,
  'miss.detected': 1,
  'grace.expired': 2,
  'owed.reminder': 3,
  'report.due-today': 4,
  'report.reminder-before': 5,
  'substitute.overdue': 6,
};

type StudentPart = { order: number; key: string; message: Message };

type StudentMoment = { bundle: PlacementBundle; at: Date; parts: StudentPart[] };

/**
 * The deadline sweep and the whole escalation ladder: report reminders, misses, grace,
 * substitutes, owed reminders, overdue alerts and the insufficient verdict — every action of
 * the timeline whose instant falls in the window, to each of its audiences, once (by key).
 * A student gets one message per moment: what falls on the same instant is bundled, with the
 * check-in reminder of that day folded in (see `checkinFoldKey`). A mentor or coordinator gets
 * one message per run listing every student (see `renderStaffSummary`). Set-based: the ladder is
 * evaluated in memory and written with a fixed number of statements per chunk, in one transaction.
 */
export async function runEscalation(ctx: JobContext, window: Window): Promise<string> {
  let actions = 0;
  const given: Array<{ key: string; placementId: string; text: string | null }> = [];
  const insufficient = new Map<number, string[]>();
  const moments: StudentMoment[] = [];
  const staff: StaffItem<StaffLadderItem>[] = [];
  for (const bundle of await placementsToSchedule(ctx, window)) {
    const evaluation = evaluatePlacement(bundle, window.to);
    const placementId = bundle.placement.id;
    const substituteText = bundle.placement.substituteText ?? bundle.cohort.settings.substituteText ?? null;
    const forStudent = new Map<number, StudentPart[]>();
    for (const action of dueActions(evaluation.ladder, window.from, window.to)) {
      actions++;
      const substituteKey = substituteGiven(action);
      if (substituteKey) {
        given.push({
          key: storedSubstituteKey(placementId, substituteKey),
          placementId,
          text: substituteText,
        });
      }
      if (action.type === 'placement.insufficient') {
        const ids = insufficient.get(action.at.getTime()) ?? [];
        ids.push(placementId);
        insufficient.set(action.at.getTime(), ids);
      }
      // After the placement has ended the student hears nothing more from the ladder (the closing
      // message says what is still open); coordinators and mentors still do.
      const running = ['active', 'paused'].includes(
        placementStatusAt(bundle.placement.status, evaluation.schedule, evaluation.ladder, action.at),
      );
      for (const audience of action.audience.filter((a) => running || a !== 'student')) {
        for (const person of recipientsOf(bundle, audience)) {
          const key = `${placementId}:${action.key}:${audience}:${person.id}`;
          if (audience !== 'student') {
            staff.push({
              recipient: person,
              key,
              studentId: bundle.student.id,
              detail: { action, audience, student: bundle.student.name, placementId, substituteText },
            });
            continue;
          }
          const locale = recipientLocale(ctx, person);
          const rendered = renderLadderAction(action, audience, locale, {
            student: bundle.student.name,
            substituteText: substituteText ?? appTextsFor(locale)['substitute.default'],
          });
          // The student can hand the substitute in right from the message that gives it.
          const message = substituteKey
            ? withHandInButton(rendered, storedSubstituteKey(placementId, substituteKey), locale)
            : rendered;
          const parts = forStudent.get(action.at.getTime()) ?? [];
          parts.push({ order: IMPORTANCE[action.type], key, message });
          forStudent.set(action.at.getTime(), parts);
        }
      }
    }
    for (const [instant, parts] of forStudent) moments.push({ bundle, at: new Date(instant), parts });
  }
  const outgoing = await studentMessages(ctx, moments);
  for (const items of byRecipient(staff).values()) {
    const person = (items[0] as StaffItem<unknown>).recipient;
    const messages = renderStaffSummary(
      recipientLocale(ctx, person),
      items.map((item) => item.detail),
    );
    outgoing.push(...staffOutgoing('escalation', person, items, messages));
  }
  // The substitutes given, the verdicts and the messages that tell of them commit together.
  const written = await ctx.stores.transaction(async (tx) => {
    if (given.length > 0) await tx.substitutes.give(given);
    for (const [instant, ids] of insufficient) await tx.placements.markInsufficient(ids, new Date(instant));
    return queueMessages(tx.outbox, outgoing, window.to);
  });
  if (written > 0) ctx.dispatchSoon();
  return `escalation: ${actions} action(s), ${written} message(s)`;
}

/** Marks that the check-in reminder of `week` went out inside a bundle, so it is not sent again. */
export const checkinFoldKey = (placementId: string, week: string) => `${placementId}:checkin-folded:${week}`;

/**
 * One message for the student at each instant. A single part keeps its own key (so a later run
 * recognises it); several parts, or a check-in reminder due later that same day, go out as one.
 */
async function studentMessages(
  ctx: JobContext,
  moments: readonly StudentMoment[],
): Promise<OutgoingMessage[]> {
  const folding = moments.map((moment) => ({
    moment,
    week: checkinReminderDueSameDay(moment.bundle, moment.at),
  }));
  const open = await ctx.stores.conversations.loadMany<CheckinConversation>(
    CHECKIN_CONVERSATION,
    folding.filter((f) => f.week !== null).map((f) => f.moment.bundle.student.id),
  );
  return folding.map(({ moment, week }) => {
    const { bundle, at, parts } = moment;
    const student = bundle.student;
    const conversation = open.get(student.id);
    const checkinWeek =
      week !== null && conversation?.state.state.week === week && !isCheckinAnswered(conversation.state.state)
        ? week
        : null;
    const locale = recipientLocale(ctx, student);
    const sorted = [...parts].sort((a, b) => a.order - b.order);
    const messages = sorted.map((part) => part.message);
    if (checkinWeek) messages.push(renderCheckinReminder(locale));
    if (messages.length === 1 && sorted[0]) {
      return {
        key: sorted[0].key,
        to: { kind: 'person', personId: student.id },
        message: sorted[0].message,
        subjectId: student.id,
      };
    }
    const key = checkinWeek
      ? checkinFoldKey(bundle.placement.id, checkinWeek)
      : `${bundle.placement.id}:bundle:${at.toISOString()}:${student.id}`;
    return {
      key,
      to: { kind: 'person', personId: student.id },
      message: bundleForStudent(locale, messages),
      subjectId: student.id,
    };
  });
}

/**
 * The week of a check-in whose one reminder is due later on the local day of `at` and is still
 * unanswered (the caller checks the conversation): it rides along with this morning's message
 * instead of coming an hour later.
 */
function checkinReminderDueSameDay(bundle: PlacementBundle, at: Date): string | null {
  const settings = bundle.cohort.settings;
  const latest = [...bundle.checkins].sort((a, b) => (a.week < b.week ? 1 : -1))[0];
  if (!latest || latest.answeredAt) return null;
  const calendar = createWorkCalendar({ closedDates: settings.closedDates });
  const due = reminderAt(localDateOf(latest.sentAt, settings.timezone), settings, calendar);
  const sameDay = localDateOf(due, settings.timezone) === localDateOf(at, settings.timezone);
  if (!sameDay || due.getTime() < at.getTime()) return null;
  return latest.week;
}
