import { isoWeekOf, weeklyOccurrences } from '../../core/calendar/weekly';
import { endOfLocalDay, localDateOf } from '../../core/calendar/zoned';
import { currentCheckinFlags } from '../../core/checkin/signals';
import { buildDigest, renderDigest, renderDigestForMentor } from '../../core/digest';
import type { DigestPlacementInput } from '../../core/digest/types';
import { assertNever } from '../../core/shared/errors';
import { checkinHistoryOf } from '../placements/checkin-history';
import { evaluatePlacement, type PlacementEvaluation } from '../placements/evaluate';
import { feedbackLoopOf } from '../placements/feedback-loop';
import type { OutgoingMessage } from '../queue-messages';
import type { PlacementBundle } from '../stores/placement-records';
import { flush, type JobContext, recipientLocale, type Window } from './job-context';

/** Copies only counts, dates and codes: the digest input never sees content (see core/digest). */
function digestRow(ctx: JobContext, bundle: PlacementBundle, at: Date): DigestPlacementInput {
  const evaluation = evaluatePlacement(bundle, at);
  const { ladder } = evaluation;
  const newest = [...bundle.checkins].sort((a, b) => (a.week < b.week ? -1 : 1)).at(-1);
  const history = checkinHistoryOf(ctx.stores.unseal, bundle.checkins, newest?.week ?? null);
  const loop = feedbackLoopOf(bundle.reports);
  const lastMiss = ladder.timeline.filter((a) => a.type === 'miss.detected' && a.at <= at).pop();
  const evaluations = [
    ...(bundle.placement.introDate ? [{ kind: 'intro' as const, date: bundle.placement.introDate }] : []),
    ...(bundle.placement.midEvaluationDate
      ? [{ kind: 'midterm' as const, date: bundle.placement.midEvaluationDate }]
      : []),
    ...(bundle.placement.finalEvaluationDate
      ? [{ kind: 'final' as const, date: bundle.placement.finalEvaluationDate }]
      : []),
  ];
  return {
    placementId: bundle.placement.id,
    studentName: bundle.student.name,
    mentors: bundle.mentors.map((m) => ({
      mentorId: m.id,
      mentorName: m.name,
      reflectionsAwaitingFeedback: loop.awaitingFeedback,
    })),
    reflectionsAwaitingRevision: loop.awaitingRevision,
    status: evaluation.status,
    // The newest check-in is last week's (it stays open until the next is sent): answered or not.
    lastCheckinAnswered: newest ? newest.answeredAt !== null : null,
    signals: currentCheckinFlags(history),
    nextReportDue: ladder.reports.find((r) => r.status === 'pending')?.dueDate ?? null,
    owedReports: ladder.reports.filter((r) => r.status === 'missed').length,
    openSubstitutes: ladder.substitutes.filter((s) => s.status === 'open').length,
    overdueSubstitutes: ladder.substitutes.filter((s) => s.status === 'overdue').length,
    ladderStep: ladder.step,
    lastChance: lastMiss?.type === 'miss.detected' ? lastMiss.lastChance : false,
    insufficient: evaluation.status === 'insufficient',
    evaluations,
  };
}

/** A digest week: a placement that ended within it gets its one final mention. */
const FINAL_MENTION_DAYS = 7;

/**
 * Running and paused placements are in every digest; a placement that ended (completed, stopped,
 * insufficient) is mentioned once more — in the first digest after it ended — and then left out.
 */
function belongsInDigest(evaluation: PlacementEvaluation, at: Date): boolean {
  const { status, bundle, ladder } = evaluation;
  const since = at.getTime() - FINAL_MENTION_DAYS * 86_400_000;
  switch (status) {
    case 'active':
    case 'paused':
      return true;
    case 'completed':
      return endOfLocalDay(bundle.placement.endDate, bundle.cohort.settings.timezone).getTime() > since;
    case 'insufficient':
      // A stored verdict without the ladder's (a coordinator's decision) dates from the last update.
      return (ladder.insufficientSince ?? bundle.placement.updatedAt).getTime() > since;
    case 'ended':
      return bundle.placement.updatedAt.getTime() > since;
    default:
      return assertNever(status);
  }
}

/**
 * The weekly mentor digest per cohort: in the cohort's mentor channel when one is set, else
 * each mentor gets their own part privately. Names, dates, counts and flags only.
 */
export async function runDigests(ctx: JobContext, window: Window): Promise<string> {
  let posted = 0;
  for (const cohort of await ctx.stores.cohorts.list()) {
    const s = cohort.settings;
    // weeklyOccurrences is [from, to); the scheduler's window is (from, to].
    const shift = (date: Date) => new Date(date.getTime() + 1);
    const at = weeklyOccurrences(
      s.digestWeekday,
      s.digestTime,
      s.timezone,
      shift(window.from),
      shift(window.to),
    ).pop();
    if (!at) continue;
    const week = isoWeekOf(localDateOf(at, s.timezone));
    const bundles = (await ctx.stores.placements.loadBundles({ cohortId: cohort.id })).filter((b) =>
      belongsInDigest(evaluatePlacement(b, at), at),
    );
    const view = buildDigest(
      {
        cohortId: cohort.id,
        cohortName: cohort.name,
        timezone: s.timezone,
        placements: bundles.map((b) => digestRow(ctx, b, at)),
      },
      at,
    );
    const outgoing: OutgoingMessage[] = [];
    const mentions = bundles.map((b) => b.student.id);
    if (cohort.digestChannel) {
      renderDigest(view, ctx.defaultLocale).forEach((message, i) => {
        outgoing.push({
          key: `digest:${cohort.id}:${week}:${i}`,
          to: { kind: 'cohort-channel', cohortId: cohort.id },
          message,
          mentions,
        });
      });
    } else {
      const mentors = new Map(bundles.flatMap((b) => b.mentors).map((m) => [m.id, m]));
      for (const mentor of mentors.values()) {
        renderDigestForMentor(view, mentor.id, recipientLocale(ctx, mentor)).forEach((message, i) => {
          outgoing.push({
            key: `digest:${cohort.id}:${week}:${mentor.id}:${i}`,
            to: { kind: 'person', personId: mentor.id },
            message,
            mentions: bundles
              .filter((b) => b.mentors.some((m) => m.id === mentor.id))
              .map((b) => b.student.id),
          });
        });
      }
    }
    posted += await flush(ctx, outgoing, at);
  }
  return `digests: ${posted} message(s)`;
}
