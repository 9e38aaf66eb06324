import {
  type ClosingFacts,
  type EndedStatus,
  renderClosingForStudent,
  renderClosingListForCoordinator,
} from '../../core/notices/closing';
import { renderReportName } from '../../core/reports/format';
import { evaluatePlacement, type PlacementEvaluation } from '../placements/evaluate';
import { type OutgoingMessage, queueMessages } from '../queue-messages';
import { beforeMorning } from './gates';
import { type JobContext, placementsToSchedule, recipientLocale, type Window } from './job-context';
import { byRecipient, type StaffItem, staffOutgoing } from './staff-messages';

const isEnded = (status: string): status is EndedStatus =>
  status === 'completed' || status === 'ended' || status === 'insufficient';

function factsOf(evaluation: PlacementEvaluation, status: EndedStatus, locale: 'nl' | 'en'): ClosingFacts {
  const { ladder, bundle } = evaluation;
  return {
    studentName: bundle.student.name,
    status,
    handedIn: ladder.reports
      .filter((r) => r.status === 'submitted' || r.status === 'late')
      .map((r) => renderReportName(r, locale)),
    stillOwed: ladder.reports.filter((r) => r.status === 'missed').map((r) => renderReportName(r, locale)),
    openSubstitutes: ladder.substitutes.filter((s) => s.status !== 'done').length,
    coordinatorNames: bundle.coordinators.map((c) => c.name),
  };
}

/**
 * Once a placement has ended (completed, stopped, insufficient) the student gets one closing
 * message and nothing more; what is still owed becomes the coordinator's to chase, in one note
 * per run listing every such student. Keyed per placement, so it goes out once whatever the
 * status later becomes.
 */
export async function runClosings(ctx: JobContext, window: Window): Promise<string> {
  const outgoing: OutgoingMessage[] = [];
  const closed: string[] = [];
  const forCoordinators: StaffItem<{ facts: ClosingFacts; placementId: string }>[] = [];
  const cohorts = await ctx.stores.cohorts.list();
  if (cohorts.every((cohort) => beforeMorning(cohort.settings, window.to))) return 'closings: 0';
  for (const bundle of await placementsToSchedule(ctx, window, { includeEnded: true })) {
    if (bundle.placement.closingSentAt) continue;
    // Not in the night after the end date: the closing goes out from the morning reminder time.
    if (beforeMorning(bundle.cohort.settings, window.to)) continue;
    const evaluation = evaluatePlacement(bundle, window.to);
    const { status } = evaluation;
    if (!isEnded(status)) continue;
    closed.push(bundle.placement.id);
    const student = bundle.student;
    const studentLocale = recipientLocale(ctx, student);
    outgoing.push({
      key: `closing:${bundle.placement.id}:student`,
      to: { kind: 'person', personId: student.id },
      message: renderClosingForStudent(studentLocale, factsOf(evaluation, status, studentLocale)),
      subjectId: student.id,
    });
    const facts = factsOf(evaluation, status, 'nl');
    const owesSomething = facts.stillOwed.length > 0 || facts.openSubstitutes > 0;
    for (const coordinator of owesSomething ? bundle.coordinators : []) {
      const locale = recipientLocale(ctx, coordinator);
      forCoordinators.push({
        recipient: coordinator,
        key: `closing:${bundle.placement.id}:coordinator:${coordinator.id}`,
        studentId: student.id,
        detail: { facts: factsOf(evaluation, status, locale), placementId: bundle.placement.id },
      });
    }
  }
  if (closed.length === 0) return 'closings: 0';
  for (const items of byRecipient(forCoordinators).values()) {
    const coordinator = (items[0] as StaffItem<unknown>).recipient;
    const messages = renderClosingListForCoordinator(
      recipientLocale(ctx, coordinator),
      items.map((item) => item.detail),
    );
    outgoing.push(...staffOutgoing('closing', coordinator, items, messages));
  }
  // The marks and the messages commit together: "once" survives the outbox being pruned.
  const written = await ctx.stores.transaction(async (tx) => {
    await tx.placements.markClosingSent(closed, window.to);
    return queueMessages(tx.outbox, outgoing, window.to);
  });
  if (written > 0) ctx.dispatchSoon();
  return `closings: ${written}`;
}
