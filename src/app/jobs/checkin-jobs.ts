import { createWorkCalendar } from '../../core/calendar/working-days';
import { localDateOf } from '../../core/calendar/zoned';
import { renderCheckinAlertList } from '../../core/checkin/alert-messages';
import { createMentorTalkState } from '../../core/checkin/mentor-talk';
import {
  type MentorTalkListItem,
  renderCheckinPrompt,
  renderCheckinReminder,
  renderMentorTalkList,
} from '../../core/checkin/messages';
import { checkinsBetween, reminderAt } from '../../core/checkin/schedule';
import { evaluateCheckinSignals } from '../../core/checkin/signals';
import { createCheckinState, isCheckinAnswered } from '../../core/checkin/state';
import { checkinHistoryOf } from '../placements/checkin-history';
import { evaluatePlacement } from '../placements/evaluate';
import { type OutgoingMessage, queueMessages } from '../queue-messages';
import type { ConversationWrite } from '../stores/conversation-store';
import { type PlacementBundle, scheduleOf } from '../stores/placement-records';
import { CHECKIN_CONVERSATION, type CheckinConversation } from '../use-cases/checkin';
import {
  MENTOR_TALK_LIST,
  type MentorTalkList,
  mentorTalkKind,
  mentorTalkRef,
} from '../use-cases/mentor-talk';
import { checkinFoldKey } from './escalation-job';
import { checkinMayFallIn, checkinReminderMayFallIn } from './gates';
import {
  flush,
  inWindow,
  type JobContext,
  placementsToSchedule,
  recipientLocale,
  type Window,
} from './job-context';
import { byRecipient, type StaffItem, staffOutgoing } from './staff-messages';

const firstName = (name: string) => name.split(/\s+/)[0] ?? name;

type DueCheckin = { bundle: PlacementBundle; week: string; at: Date };

/** Every check-in of a running placement whose moment falls in the window, computed in memory. */
function dueCheckins(bundles: readonly PlacementBundle[], window: Window): DueCheckin[] {
  const due: DueCheckin[] = [];
  for (const bundle of bundles) {
    const settings = bundle.cohort.settings;
    const calendar = createWorkCalendar({ closedDates: settings.closedDates });
    const upTo = new Date(window.to.getTime() + 1);
    for (const checkin of checkinsBetween(scheduleOf(bundle), settings, calendar, window.from, upTo)) {
      if (!inWindow(checkin.at, window)) continue;
      if (evaluatePlacement(bundle, checkin.at).status !== 'active') continue;
      due.push({ bundle, week: checkin.week, at: checkin.at });
    }
  }
  return due;
}

/**
 * True when the check-in before `week` has just closed as the third unanswered one in a row: the
 * coordinator hears of it in this run, and only in this one (the next run closes a later week).
 */
function closedAsThirdMissed(ctx: JobContext, bundle: PlacementBundle, week: string): boolean {
  const earlier = bundle.checkins.filter((row) => row.week < week);
  const closed = earlier
    .map((row) => row.week)
    .sort()
    .at(-1);
  if (!closed) return false;
  const history = [
    ...checkinHistoryOf(ctx.stores.unseal, earlier, null),
    { week, answered: false, mood: null, wantsTalk: false, mentorTalk: null, open: true },
  ];
  return evaluateCheckinSignals(history).some(
    (signal) => signal.kind === 'checkins-missed-alert' && signal.week === closed,
  );
}

type TalkItem = StaffItem<MentorTalkListItem & { at: Date }>;

/**
 * Each mentor's one weekly-talk question, students in name order, and the list it numbers (the
 * numbers of a typed `ja 1 3` are positions on it).
 */
function mentorQuestions(
  ctx: JobContext,
  talks: readonly TalkItem[],
): { states: ConversationWrite[]; outgoing: OutgoingMessage[] } {
  const states: ConversationWrite[] = [];
  const outgoing: OutgoingMessage[] = [];
  for (const items of byRecipient(talks).values()) {
    const mentor = (items[0] as TalkItem).recipient;
    const sorted = [...items].sort((a, b) => a.detail.name.localeCompare(b.detail.name));
    const at = new Date(Math.max(...sorted.map((item) => item.detail.at.getTime())));
    const list: MentorTalkList = { items: sorted.map((item) => item.detail.ref) };
    states.push({ personId: mentor.id, kind: MENTOR_TALK_LIST, state: list, at });
    const messages = renderMentorTalkList(
      recipientLocale(ctx, mentor),
      sorted.map((item) => item.detail),
    );
    outgoing.push(...staffOutgoing('talk', mentor, sorted, messages));
  }
  return { states, outgoing };
}

type AlertItem = StaffItem<{ name: string; placementId: string }>;

/** Each coordinator's one alert listing everyone with three unanswered check-ins in a row. */
function coordinatorAlerts(ctx: JobContext, alerts: readonly AlertItem[]): OutgoingMessage[] {
  return [...byRecipient(alerts).values()].flatMap((items) => {
    const coordinator = (items[0] as AlertItem).recipient;
    const messages = renderCheckinAlertList(
      recipientLocale(ctx, coordinator),
      items.map((item) => item.detail),
    );
    return staffOutgoing('checkin-alerts', coordinator, items, messages);
  });
}

/**
 * Sends the weekly check-in of every active placement whose check-in moment falls in the
 * window: the student's questions, each mentor's one "did you talk?" listing all their students
 * due, and — now that last week's check-in closed — the coordinator's one alert listing everyone
 * with three unanswered check-ins. Set-based: a fixed number of statements per chunk of
 * placements, never one per placement.
 */
export async function runCheckins(ctx: JobContext, window: Window): Promise<string> {
  const cohorts = await ctx.stores.cohorts.list();
  if (!cohorts.some((cohort) => checkinMayFallIn(cohort.settings, window))) return 'check-ins: 0 message(s)';
  const due = dueCheckins(await placementsToSchedule(ctx, window), window);
  if (due.length === 0) return 'check-ins: 0 message(s)';
  // The "sent" marks, the conversation states and the messages commit together: a crash in
  // between must not leave a check-in marked sent whose prompt never went out.
  const written = await ctx.stores.transaction(async (tx) => {
    const marked = await tx.checkins.recordSentMany(
      due.map((d) => ({ placementId: d.bundle.placement.id, week: d.week, at: d.at })),
    );
    const fresh = new Set(marked.map((m) => `${m.placementId}@${m.week}`));
    const sending = due.filter((d) => fresh.has(`${d.bundle.placement.id}@${d.week}`));
    if (sending.length === 0) return 0;
    const previous = await tx.conversations.loadMany<CheckinConversation>(
      CHECKIN_CONVERSATION,
      sending.map((d) => d.bundle.student.id),
    );
    const states: ConversationWrite[] = [];
    const outgoing: OutgoingMessage[] = [];
    const talks: TalkItem[] = [];
    const alerts: AlertItem[] = [];
    for (const { bundle, week, at } of sending) {
      const placementId = bundle.placement.id;
      const student = bundle.student;
      const before = previous.get(student.id)?.state;
      const state = createCheckinState(week, before?.placementId === placementId ? before.state : null);
      states.push({ personId: student.id, kind: CHECKIN_CONVERSATION, state: { placementId, state }, at });
      outgoing.push({
        key: `checkin:${placementId}:${week}`,
        to: { kind: 'person', personId: student.id },
        message: renderCheckinPrompt(recipientLocale(ctx, student), { firstName: firstName(student.name) }),
        subjectId: student.id,
      });
      for (const mentor of bundle.mentors) {
        states.push({
          personId: mentor.id,
          kind: mentorTalkKind(placementId),
          state: createMentorTalkState(week),
          at,
        });
        talks.push({
          recipient: mentor,
          key: `talk:${placementId}:${week}:${mentor.id}`,
          studentId: student.id,
          detail: { name: student.name, ref: mentorTalkRef(placementId, week), at },
        });
      }
      if (!closedAsThirdMissed(ctx, bundle, week)) continue;
      for (const coordinator of bundle.coordinators) {
        alerts.push({
          recipient: coordinator,
          key: `${placementId}:checkins-missed-alert:${week}:${coordinator.id}`,
          studentId: student.id,
          detail: { name: student.name, placementId },
        });
      }
    }
    const questions = mentorQuestions(ctx, talks);
    states.push(...questions.states);
    outgoing.push(...questions.outgoing, ...coordinatorAlerts(ctx, alerts));
    await tx.conversations.saveMany(states);
    return queueMessages(tx.outbox, outgoing, window.to);
  });
  if (written > 0) ctx.dispatchSoon();
  return `check-ins: ${written} message(s)`;
}

/** One reminder the next working day at 10:00 for a check-in still unanswered (batched reads). */
export async function runCheckinReminders(ctx: JobContext, window: Window): Promise<string> {
  const cohorts = await ctx.stores.cohorts.list();
  if (!cohorts.some((cohort) => checkinReminderMayFallIn(cohort.settings, window))) {
    return 'check-in reminders: 0';
  }
  const candidates: Array<{ bundle: PlacementBundle; week: string }> = [];
  for (const bundle of await placementsToSchedule(ctx, window)) {
    const settings = bundle.cohort.settings;
    const calendar = createWorkCalendar({ closedDates: settings.closedDates });
    const latest = [...bundle.checkins].sort((a, b) => (a.week < b.week ? 1 : -1))[0];
    if (!latest || latest.answeredAt) continue;
    const at = reminderAt(localDateOf(latest.sentAt, settings.timezone), settings, calendar);
    if (!inWindow(at, window)) continue;
    // No reminder once the placement has ended or is paused.
    if (evaluatePlacement(bundle, at).status !== 'active') continue;
    candidates.push({ bundle, week: latest.week });
  }
  if (candidates.length === 0) return 'check-in reminders: 0';
  // Already told this morning, inside the student's one message of the day (escalation job).
  const foldKeys = candidates.map((c) => checkinFoldKey(c.bundle.placement.id, c.week));
  const folded = await ctx.stores.outbox.queuedKeys(foldKeys);
  const conversations = await ctx.stores.conversations.loadMany<CheckinConversation>(
    CHECKIN_CONVERSATION,
    candidates.map((c) => c.bundle.student.id),
  );
  const outgoing: OutgoingMessage[] = [];
  for (const { bundle, week } of candidates) {
    if (folded.has(checkinFoldKey(bundle.placement.id, week))) continue;
    const conversation = conversations.get(bundle.student.id);
    if (
      !conversation ||
      conversation.state.state.week !== week ||
      isCheckinAnswered(conversation.state.state)
    )
      continue;
    outgoing.push({
      key: `checkin-reminder:${bundle.placement.id}:${week}`,
      to: { kind: 'person', personId: bundle.student.id },
      message: renderCheckinReminder(recipientLocale(ctx, bundle.student)),
      subjectId: bundle.student.id,
    });
  }
  return `check-in reminders: ${await flush(ctx, outgoing, window.to)}`;
}
