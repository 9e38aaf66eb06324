import { localDateOf } from '../../core/calendar/zoned';
import type { LadderReport } from '../../core/escalation/types';
import { isTyped } from '../../core/messages/keywords';
import type { Locale, Message } from '../../core/messages/model';
import { renderFeedbackNotice } from '../../core/notices/feedback';
import { appTextsFor, renderNote } from '../../core/notices/texts';
import { renderReportName } from '../../core/reports/format';
import { handInOpens, periodStart } from '../../core/reports/hand-in';
import { localeOf } from '../../core/shared/person';
import { startButton } from '../../core/starr/buttons';
import type { StarrEvent } from '../../core/starr/events';
import { renderStarrEffects, textsFor as starrTextsFor } from '../../core/starr/messages';
import { parseStarrAction, parseStarrText } from '../../core/starr/parse';
import {
  createRevisionState,
  createStarrState,
  parseStarrState,
  type StarrKind,
  type StarrState,
} from '../../core/starr/state';
import { transition } from '../../core/starr/transition';
import { coreReportId, type PlacementEvaluation, storedReportId } from '../placements/evaluate';
import type { OutgoingMessage } from '../stores/outbox-store';
import { currentPlacementOf } from './current-placement';
import { emptyOutput, say, type UseCaseInput, type UseCaseOutput } from './use-case';

export const STARR_CONVERSATION = 'starr';

/** The draft, with the placement it belongs to (state.reportId is the placement's report id). */
type StarrConversation = { placementId: string; state: StarrState };

/** Outside a draft, both the in-draft start words and "verslag"/"report" open a report. */
export const isStartWord = (text: string): boolean => isTyped('start', text) || isTyped('report', text);

export async function hasOpenDraft(input: Pick<UseCaseInput, 'stores' | 'person'>): Promise<Date | null> {
  const record = await input.stores.conversations.load<StarrConversation>(
    input.person.id,
    STARR_CONVERSATION,
  );
  return record && (record.state.state.status === 'in-progress' || record.state.state.status === 'paused')
    ? record.updatedAt
    : null;
}

/**
 * A report the student can write now. `handIn`: it can also be handed in today — owed, handed
 * back by the mentor ("graag aanvullen"), or its period has mostly passed. Otherwise its period
 * has only begun: a button (the invitation's) may start it early, but it cannot be handed in yet.
 */
type OpenReport = Pick<LadderReport, 'id' | 'kind' | 'dueDate'> & { revision: boolean; handIn: boolean };

/** Every report open for writing, oldest first. */
function openReports(evaluation: PlacementEvaluation, at: Date): OpenReport[] {
  const { timezone, handInFromDay } = evaluation.bundle.cohort.settings;
  const today = localDateOf(at, timezone);
  const toRevise = new Set(
    evaluation.bundle.reports
      .filter((row) => row.feedbackVerdict === 'needs-more' && row.contentEnc)
      .map((row) => coreReportId(row)),
  );
  return evaluation.ladder.reports
    .filter(
      (r) =>
        toRevise.has(r.id) || r.status === 'missed' || (r.status === 'pending' && periodStart(r) <= today),
    )
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      dueDate: r.dueDate,
      revision: toRevise.has(r.id),
      handIn: r.status !== 'pending' || handInOpens(r, handInFromDay, timezone).date <= today,
    }));
}

/** Nudges fade once the student's last three reports needed none. */
async function fadeNudges(input: UseCaseInput, placementId: string): Promise<boolean> {
  const recent = await input.stores.reports.recentNudges(placementId, 3);
  return recent.length === 3 && recent.every((needed) => needed === false);
}

/**
 * The STARR conversation: start, every answer and button, submit. State is saved after every
 * step (encrypted), so a student can stop and resume days later and a restart loses nothing.
 */
export async function continueStarr(
  input: UseCaseInput,
  act: { text: string } | { actionId: string; value?: string },
): Promise<UseCaseOutput | null> {
  const record = await input.stores.conversations.load<StarrConversation>(
    input.person.id,
    STARR_CONVERSATION,
  );
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

async function startReport(input: UseCaseInput, requested: string | undefined): Promise<UseCaseOutput> {
  const t = appTextsFor(input.locale);
  const evaluation = await currentPlacementOf(input.stores, input.person.id, input.now);
  const writable = evaluation && isRunning(evaluation) ? openReports(evaluation, input.now) : [];
  // Typed "start" offers what can be handed in (with several, the student chooses); when nothing
  // can be handed in yet, the report whose period has begun can already be written.
  const handInNow = writable.filter((r) => r.handIn);
  const open = requested ? writable : handInNow.length > 0 ? handInNow : writable.slice(0, 1);
  const report = requested ? open.find((r) => r.id === requested) : open.length === 1 ? open[0] : undefined;
  if (!evaluation || open.length === 0 || (requested && !report)) {
    return say(renderNote('starr.none', t['start.noReport']));
  }
  if (!report) return say(renderReportChoice(input.locale, open));
  const placementId = evaluation.bundle.placement.id;
  const reportId = storedReportId(placementId, report.id);
  const row = evaluation.bundle.reports.find((r) => r.id === reportId);
  const state =
    report.revision && row?.contentEnc
      ? createRevisionState(
          reportId,
          report.kind as StarrKind,
          input.stores.unseal.reportContent(row) ?? {},
          input.actedAt,
        )
      : createStarrState(reportId, report.kind as StarrKind, input.actedAt);
  return step(input, { placementId, state }, { type: 'start' });
}

/** After the placement has ended nobody is asked to write: what is still owed is the coordinator's. */
function isRunning(evaluation: PlacementEvaluation): boolean {
  return evaluation.status === 'active' || evaluation.status === 'paused';
}

/** "Which report?": one start button per open report, each named. */
function renderReportChoice(locale: Locale, open: readonly OpenReport[]): Message {
  const t = starrTextsFor(locale);
  const buttons = open.slice(0, 5).map((report, index) => {
    const name = renderReportName(report, locale);
    const label = report.revision ? t.chooseRevision(name) : t.chooseReport(name);
    // Only the oldest is the suggested one; the others are equal choices.
    const { style, ...button } = startButton(t, report.id);
    return { ...button, ...(index === 0 ? { style } : {}), label: label.slice(0, 60) };
  });
  return {
    key: 'starr.choose',
    summary: t.chooseHeading,
    blocks: [
      { type: 'text', text: t.chooseHeading, style: 'heading' },
      { type: 'text', text: t.chooseIntro },
      { type: 'actions', buttons },
    ],
  };
}

/** The report's kind and due date from the stored id (`<placement>:<kind>:<dueDate>`). */
function reportOf(draft: StarrConversation): { kind: StarrKind; dueDate: string } {
  const [kind, dueDate] = draft.state.reportId.slice(draft.placementId.length + 1).split(':') as [
    StarrKind,
    string,
  ];
  return { kind, dueDate };
}

/** The mentor's feedback shown above a revision's summary; null when none was written. */
function revisionFeedbackOf(input: UseCaseInput, reportId: string) {
  return input.stores.reports.feedbackOf(reportId);
}

async function step(
  input: UseCaseInput,
  draft: StarrConversation,
  event: StarrEvent,
): Promise<UseCaseOutput> {
  const { stores, person } = input;
  // Only the cohort's settings are needed here (every step passes by: keep it to two reads).
  const cohortId = await stores.placements.cohortIdOf(draft.placementId);
  const settings = cohortId ? (await stores.cohorts.findById(cohortId))?.settings : undefined;
  const report = reportOf(draft);
  const ctx = {
    goals: await stores.goals.read(draft.placementId),
    fadeQualityNudges: await fadeNudges(input, draft.placementId),
    // A revision was handed in before: the opening date no longer applies.
    submitFrom:
      settings && !draft.state.revision
        ? handInOpens(report, settings.handInFromDay, settings.timezone)
        : null,
  };
  const [next, effects] = transition(draft.state, event, input.actedAt, ctx);

  const output = emptyOutput();
  const renderCtx = {
    goals: ctx.goals,
    reportName: renderReportName(report, input.locale),
    revisionFeedback: next.revision ? await revisionFeedbackOf(input, next.reportId) : null,
  };
  output.conversation.push(...renderStarrEffects(effects, next, input.locale, renderCtx));
  if (next.status === 'in-progress' || next.status === 'paused') {
    await stores.conversations.save(person.id, STARR_CONVERSATION, { ...draft, state: next }, input.now);
  } else {
    await stores.conversations.delete(person.id, STARR_CONVERSATION);
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
  input: UseCaseInput,
  placementId: string,
  state: StarrState,
  answers: Record<string, string>,
  neededNudges: boolean,
  knownGoals: readonly string[],
): Promise<OutgoingMessage[]> {
  const { stores } = input;
  const [kind, dueDate] = state.reportId.slice(placementId.length + 1).split(':') as [StarrKind, string];
  const existing = await stores.reports.find(state.reportId);
  if (existing?.submittedAt) {
    // A revision after "needs more": new content, the original hand-in time still counts.
    await stores.reports.revise(state.reportId, answers);
  } else {
    await stores.reports.submit({
      id: state.reportId,
      placementId,
      kind,
      dueDate,
      submittedAt: input.actedAt,
      answers,
      neededNudges,
    });
  }
  const goal = answers.goal?.trim();
  if (goal && !knownGoals.includes(goal)) {
    await stores.goals.add(placementId, knownGoals.length, goal);
  }

  const [bundle] = await stores.placements.loadBundles({ placementIds: [placementId] });
  if (!bundle) return [];
  const revision = existing?.submittedAt ? `rev:${input.inbound.dedupeKey}` : 'first';
  return bundle.mentors.map((mentor) => {
    const locale = localeOf(mentor, input.defaultLocale);
    return {
      key: `${state.reportId}:notice:${mentor.id}:${revision}`,
      to: { kind: 'person', personId: mentor.id },
      message: renderFeedbackNotice(locale, {
        studentName: bundle.student.name,
        reportName: renderReportName({ kind, dueDate }, locale),
        reportId: state.reportId,
      }),
      subjectId: bundle.student.id,
    };
  });
}
