import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { localDateOf } from '../../core/calendar/zoned';
import type { LadderReport } from '../../core/escalation/types';
import { renderFeedbackNotice } from '../../core/notices/feedback';
import { appTextsFor, renderNote } from '../../core/notices/texts';
import { renderReportName } from '../../core/reports/format';
import { addLocalDays } from '../../core/shared/dates';
import type { StarrEvent } from '../../core/starr/events';
import { renderStarrEffects } from '../../core/starr/messages';
import { parseStarrAction, parseStarrText } from '../../core/starr/parse';
import { createStarrState, parseStarrState, type StarrKind, type StarrState } from '../../core/starr/state';
import { transition } from '../../core/starr/transition';
import { addGoal, readGoals } from '../../infra/db/repositories/goals';
import { loadPlacementBundles } from '../../infra/db/repositories/placements';
import { reports } from '../../infra/db/schema';
import { sealedAt } from '../../infra/db/sealed';
import { deleteConversation, loadConversation, saveConversation } from '../conversations/store';
import { type PlacementEvaluation, storedReportId } from '../placements/evaluate';
import { localeOf, type Outgoing } from '../send';
import { currentPlacementOf } from './current-placement';
import { emptyOutput, type FlowInput, type FlowOutput, say } from './flow';

export const STARR_CONVERSATION = 'starr';

/** The draft, with the placement it belongs to (state.reportId is the placement's report id). */
type StarrConversation = { placementId: string; state: StarrState };

const START_WORDS = new Set(['start', 'reflectie', 'begin', 'verslag', 'report']);

export function isStartWord(text: string): boolean {
  return START_WORDS.has(text.trim().toLowerCase());
}

export async function hasOpenDraft(input: Pick<FlowInput, 'tx' | 'cipher' | 'person'>): Promise<Date | null> {
  const record = await loadConversation<StarrConversation>(
    input.tx,
    input.cipher,
    input.person.id,
    STARR_CONVERSATION,
  );
  return record && (record.state.state.status === 'in-progress' || record.state.state.status === 'paused')
    ? record.updatedAt
    : null;
}

/** The next report can be written from about a month ahead: it looks back on the month before. */
const WRITE_AHEAD_DAYS = 35;

/** Which report to write when a student says "start": the button's, else the oldest owed, else the next due. */
function pickReport(
  evaluation: PlacementEvaluation,
  requested: string | undefined,
  at: Date,
): LadderReport | null {
  const open = evaluation.ladder.reports.filter((r) => r.status === 'pending' || r.status === 'missed');
  if (requested) return open.find((r) => r.id === requested) ?? null;
  const missed = open.find((r) => r.status === 'missed');
  if (missed) return missed;
  const today = localDateOf(at, evaluation.bundle.cohort.settings.timezone);
  const limit = addLocalDays(today, WRITE_AHEAD_DAYS);
  return open.find((r) => r.status === 'pending' && r.dueDate <= limit) ?? null;
}

/** Nudges fade once the student's last three reports needed none. */
async function fadeNudges(input: FlowInput, placementId: string): Promise<boolean> {
  const recent = await input.tx
    .select({ neededNudges: reports.neededNudges })
    .from(reports)
    .where(and(eq(reports.placementId, placementId), isNotNull(reports.submittedAt)))
    .orderBy(desc(reports.submittedAt))
    .limit(3);
  return recent.length === 3 && recent.every((r) => r.neededNudges === false);
}

/**
 * The STARR conversation: start, every answer and button, submit. State is saved after every
 * step (encrypted), so a student can stop and resume days later and a restart loses nothing.
 */
export async function continueStarr(
  input: FlowInput,
  act: { text: string } | { actionId: string; value?: string },
): Promise<FlowOutput | null> {
  const { tx, cipher, person } = input;
  const record = await loadConversation<StarrConversation>(tx, cipher, person.id, STARR_CONVERSATION);
  const draft = record && parseStarrState(record.state.state).ok ? record.state : null;
  const active =
    draft && (draft.state.status === 'in-progress' || draft.state.status === 'paused') ? draft : null;

  let event: StarrEvent | null;
  if ('text' in act) {
    if (!active) return isStartWord(act.text) ? startReport(input, undefined) : null;
    event = parseStarrText(act.text, active.state);
  } else {
    event = parseStarrAction(act.actionId, act.value);
    if (!event) return null;
    // A start button for another report than the open draft starts that report.
    const otherReport =
      act.value && active && active.state.reportId !== storedReportId(active.placementId, act.value);
    if (event.type === 'start' && (!active || otherReport)) return startReport(input, act.value);
    if (!active) return say(renderNote('starr.none', appTextsFor(input.locale)['start.noReport']));
  }
  // `start` on an open draft is the machine's business: a paused draft resumes, an open one re-asks.
  return step(input, active, event);
}

async function startReport(input: FlowInput, requested: string | undefined): Promise<FlowOutput> {
  const t = appTextsFor(input.locale);
  const evaluation = await currentPlacementOf(input.tx, input.person.id, input.now);
  const report = evaluation ? pickReport(evaluation, requested, input.now) : null;
  if (!evaluation || !report) return say(renderNote('starr.none', t['start.noReport']));
  const placementId = evaluation.bundle.placement.id;
  const state = createStarrState(
    storedReportId(placementId, report.id),
    report.kind as StarrKind,
    input.actedAt,
  );
  return step(input, { placementId, state }, { type: 'start' });
}

async function step(input: FlowInput, draft: StarrConversation, event: StarrEvent): Promise<FlowOutput> {
  const { tx, cipher, person } = input;
  const ctx = {
    goals: await readGoals(tx, cipher, draft.placementId),
    fadeQualityNudges: await fadeNudges(input, draft.placementId),
  };
  const [next, effects] = transition(draft.state, event, input.actedAt, ctx);

  const output = emptyOutput();
  output.conversation.push(...renderStarrEffects(effects, next, input.locale, ctx));
  if (next.status === 'in-progress' || next.status === 'paused') {
    await saveConversation(tx, cipher, person.id, STARR_CONVERSATION, { ...draft, state: next }, input.now);
  } else {
    await deleteConversation(tx, person.id, STARR_CONVERSATION);
  }
  for (const effect of effects) {
    if (effect.type !== 'submitted') continue;
    output.outgoing.push(
      ...(await saveSubmission(
        input,
        draft.placementId,
        next,
        effect.answers,
        effect.neededNudges,
        ctx.goals,
      )),
    );
  }
  return output;
}

/**
 * Stores the report (encrypted) with the platform's time of the submit act, adds a newly named
 * learning goal, and tells the mentors privately — without any of the content.
 */
async function saveSubmission(
  input: FlowInput,
  placementId: string,
  state: StarrState,
  answers: Record<string, string>,
  neededNudges: boolean,
  knownGoals: readonly string[],
): Promise<Outgoing[]> {
  const { tx, cipher } = input;
  const [kind, dueDate] = state.reportId.slice(placementId.length + 1).split(':') as [StarrKind, string];
  const contentEnc = cipher.encryptJson(answers, sealedAt.reportContent(state.reportId));
  const [existing] = await tx.select().from(reports).where(eq(reports.id, state.reportId));
  if (existing?.submittedAt) {
    // A revision after "needs more": new content, the original hand-in time still counts.
    await tx
      .update(reports)
      .set({ contentEnc, feedbackEnc: null, feedbackVerdict: null, feedbackAt: null, feedbackBy: null })
      .where(eq(reports.id, state.reportId));
  } else {
    await tx
      .insert(reports)
      .values({
        id: state.reportId,
        placementId,
        kind,
        dueDate,
        submittedAt: input.actedAt,
        contentEnc,
        neededNudges,
      })
      .onConflictDoUpdate({
        target: reports.id,
        set: { submittedAt: input.actedAt, contentEnc, neededNudges },
      });
  }
  const goal = answers.goal?.trim();
  if (goal && !knownGoals.includes(goal)) {
    await addGoal(tx, cipher, placementId, knownGoals.length, goal);
  }

  const [bundle] = await loadPlacementBundles(tx, { placementIds: [placementId] });
  if (!bundle) return [];
  const revision = existing?.submittedAt ? `rev:${input.inbound.dedupeKey}` : 'first';
  return bundle.mentors.map((mentor) => {
    const locale = localeOf(mentor, input.defaultLocale);
    return {
      key: `${state.reportId}:notice:${mentor.id}:${revision}`,
      to: { personId: mentor.id },
      message: renderFeedbackNotice(locale, {
        studentName: bundle.student.name,
        reportName: renderReportName({ kind, dueDate }, locale),
        reportId: state.reportId,
      }),
      subjectId: bundle.student.id,
    };
  });
}
