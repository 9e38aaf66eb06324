import { localDateOf } from '../../core/calendar/zoned';
import { renderCheckinReminder } from '../../core/checkin/messages';
import { isCheckinAnswered } from '../../core/checkin/state';
import { appTextsFor, renderNote } from '../../core/notices/texts';
import { formatDeadline, formatLocalDate, renderReportName } from '../../core/reports/format';
import { addLocalDays } from '../../core/shared/dates';
import { assertNever } from '../../core/shared/errors';
import { localeOf } from '../../core/shared/person';
import { checkPlacementRowIn } from '../access/reach';
import { storedReportId, storedSubstituteKey } from '../placements/evaluate';
import { placementDatesProblem } from '../placements/placement-input';
import { savePlacement } from '../placements/save-placement';
import { CHECKIN_CONVERSATION, type CheckinConversation } from '../use-cases/checkin';
import { answer, type CommandHandler, noteReply, studentPlacement } from './command-context';
import { decided, tellConcerned } from './tell-concerned';

export const addPlacement: CommandHandler<'add'> = async (input, { placement: p }) => {
  const t = appTextsFor(input.locale);
  const row = {
    studentEmail: p.studentEmail,
    cohort: p.cohort,
    coordinator: p.coordinatorEmail ? { email: p.coordinatorEmail, name: null } : null,
  };
  const dates = placementDatesProblem(p.startDate, p.endDate);
  if (dates === 'CSV.TOO_LONG_PLACEMENT') return noteReply('command.bad-dates', t['csv.TOO_LONG_PLACEMENT']);
  if (dates === 'CSV.DATE_OUT_OF_RANGE') {
    return noteReply('command.bad-dates', t['csv.DATE_OUT_OF_RANGE'](`${p.startDate} – ${p.endDate}`));
  }
  const refusal = await checkPlacementRowIn(input.stores, input.scopes, row);
  switch (refusal) {
    case null:
      break;
    case 'ACCESS.NEEDS_ALL_COHORTS':
      return noteReply('command.needs-all-cohorts', t['error.needsAllCohorts']);
    case 'ACCESS.COHORT_NOT_YOURS':
      return noteReply('command.not-your-cohort', t['error.notYourCohort']);
    case 'ACCESS.STUDENT_NOT_YOURS':
      return noteReply('command.not-your-cohort', t['error.personNotYours']);
    default:
      return assertNever(refusal);
  }
  const { outcome } = await savePlacement(
    input.stores,
    {
      studentEmail: p.studentEmail,
      studentName: p.studentName,
      mentors: p.mentorEmails.map((email, i) => ({ email, name: p.mentorNames[i] ?? null })),
      coordinator: p.coordinatorEmail ? { email: p.coordinatorEmail, name: null } : null,
      cohort: p.cohort,
      organisation: p.organisation,
      startDate: p.startDate,
      endDate: p.endDate,
      introDate: p.introDate,
      midEvaluationDate: p.midEvaluationDate,
      finalEvaluationDate: p.finalEvaluationDate,
      workingDays: p.workingDays,
      locale: p.locale,
    },
    input.now,
    { timezone: input.defaultTimezone },
  );
  return noteReply('command.added', t['cmd.added'](p.studentName, t[`cmd.outcome.${outcome}`]));
};

export const pausePlacement: CommandHandler<'pause'> = async (input, command) => {
  const found = await studentPlacement(input, command.studentEmail);
  if (!found.ok) return found.output;
  const { bundle } = found.evaluation;
  // A reason may be medical ("ziek"): the store seals it, like other personal content.
  await input.stores.placements.addPause(
    bundle.placement.id,
    { from: command.from, until: command.until, reason: command.reason ?? null },
    input.now,
  );
  const t = appTextsFor(input.locale);
  const until = command.until;
  return decided(
    noteReply('command.paused', t['cmd.paused'](bundle.student.name, command.from, command.until)),
    tellConcerned(input, bundle, 'paused', {
      student: (st, locale) =>
        st['decision.paused.student'](
          formatLocalDate(command.from, locale),
          until && formatLocalDate(until, locale),
        ),
      mentor: (mt, locale) =>
        mt['decision.paused.mentor'](
          bundle.student.name,
          formatLocalDate(command.from, locale),
          until && formatLocalDate(until, locale),
        ),
    }),
  );
};

/** Ends the open pause the day before `on` (today by default). */
export const resumePlacement: CommandHandler<'resume'> = async (input, command) => {
  const found = await studentPlacement(input, command.studentEmail);
  if (!found.ok) return found.output;
  const { bundle } = found.evaluation;
  const on = command.on ?? localDateOf(input.now, bundle.cohort.settings.timezone);
  const lastPausedDay = addLocalDays(on, -1);
  await input.stores.placements.endPauses(bundle.placement.id, on, lastPausedDay);
  const t = appTextsFor(input.locale);
  return decided(
    noteReply('command.resumed', t['cmd.resumed'](bundle.student.name, on)),
    tellConcerned(input, bundle, 'resumed', {
      student: (st, locale) => st['decision.resumed.student'](formatLocalDate(on, locale)),
      mentor: (mt, locale) => mt['decision.resumed.mentor'](bundle.student.name, formatLocalDate(on, locale)),
    }),
  );
};

/** Excusing a report (before or after its deadline) takes its miss back; the ladder recomputes. */
export const excuseReport: CommandHandler<'excuse'> = async (input, command) => {
  const t = appTextsFor(input.locale);
  const found = await studentPlacement(input, command.studentEmail);
  if (!found.ok) return found.output;
  const { bundle, ladder } = found.evaluation;
  const target = command.report;
  const report = ladder.reports.find((r) =>
    target.kind === 'due-date' ? r.dueDate === target.dueDate : r.kind === target.kind,
  );
  if (!report) {
    const what = target.kind === 'due-date' ? target.dueDate : target.kind;
    return noteReply('command.report-unknown', t['error.reportUnknown'](what));
  }
  const id = storedReportId(bundle.placement.id, report.id);
  // The reason may be medical: the store seals it.
  await input.stores.reports.excuse(
    { id, placementId: bundle.placement.id, kind: report.kind, dueDate: report.dueDate },
    command.reason ?? null,
  );
  return decided(
    noteReply(
      'command.excused',
      t['cmd.excused'](bundle.student.name, renderReportName(report, input.locale)),
    ),
    tellConcerned(input, bundle, 'excused', {
      student: (st, locale) => st['decision.excused.student'](renderReportName(report, locale)),
      mentor: (mt, locale) =>
        mt['decision.excused.mentor'](bundle.student.name, renderReportName(report, locale)),
    }),
  );
};

export const setSubstituteText: CommandHandler<'substitute'> = async (input, command) => {
  const found = await studentPlacement(input, command.studentEmail);
  if (!found.ok) return found.output;
  const { bundle } = found.evaluation;
  await input.stores.placements.setSubstituteText(bundle.placement.id, command.text, input.now);
  return noteReply(
    'command.substitute-set',
    appTextsFor(input.locale)['cmd.substituteSet'](bundle.student.name),
  );
};

export const checkOffSubstitute: CommandHandler<'check-off'> = async (input, command) => {
  const t = appTextsFor(input.locale);
  const found = await studentPlacement(input, command.studentEmail);
  if (!found.ok) return found.output;
  const { bundle, ladder } = found.evaluation;
  const open = ladder.substitutes.filter(
    (s) =>
      s.status !== 'done' && (!command.reportDueDate || s.reportId.endsWith(`:${command.reportDueDate}`)),
  );
  const target = open[0];
  if (!target) return noteReply('command.no-substitute', t['error.noOpenSubstitute'](bundle.student.name));
  const key = storedSubstituteKey(bundle.placement.id, target.key);
  await input.stores.substitutes.tickOff({
    key,
    placementId: bundle.placement.id,
    by: input.actor.id,
    at: input.now,
  });
  return decided(
    noteReply('command.ticked', t['cmd.ticked'](bundle.student.name)),
    tellConcerned(input, bundle, 'ticked', {
      student: (st, locale) => st['decision.ticked.student'](formatLocalDate(target.dueDate, locale)),
      mentor: (mt, locale) =>
        mt['decision.ticked.mentor'](bundle.student.name, formatLocalDate(target.dueDate, locale)),
    }),
  );
};

/** A reminder now: the oldest owed (or the next) report, else the open check-in. */
export const remindStudent: CommandHandler<'remind'> = async (input, command) => {
  const t = appTextsFor(input.locale);
  const found = await studentPlacement(input, command.studentEmail);
  if (!found.ok) return found.output;
  const { bundle, ladder } = found.evaluation;
  const student = bundle.student;
  const studentLocale = localeOf(student, input.defaultLocale);
  const st = appTextsFor(studentLocale);
  const report =
    ladder.reports.find((r) => r.status === 'missed') ?? ladder.reports.find((r) => r.status === 'pending');
  const key = `manual-reminder:${bundle.placement.id}:${input.now.toISOString()}`;
  if (report) {
    const body = st['reminder.manual.report'](
      renderReportName(report, studentLocale),
      formatDeadline(report.dueDate, studentLocale),
    );
    return {
      replies: [renderNote('command.reminded', t['cmd.reminded'](student.name))],
      outgoing: [
        {
          key,
          to: { kind: 'person', personId: student.id },
          message: renderNote('reminder.manual', body, st['reminder.manual.heading']),
          subjectId: student.id,
        },
      ],
    };
  }
  const checkin = await input.stores.conversations.load<CheckinConversation>(
    student.id,
    CHECKIN_CONVERSATION,
  );
  if (checkin && !isCheckinAnswered(checkin.state.state)) {
    return {
      replies: [renderNote('command.reminded', t['cmd.reminded'](student.name))],
      outgoing: [
        {
          key,
          to: { kind: 'person', personId: student.id },
          message: renderCheckinReminder(studentLocale),
          subjectId: student.id,
        },
      ],
    };
  }
  return answer(renderNote('command.remind-nothing', t['cmd.remindNothing'](student.name)));
};

/** After reviewing an insufficient placement: misses up to now no longer count. */
export const resetLadder: CommandHandler<'reset'> = async (input, command) => {
  const found = await studentPlacement(input, command.studentEmail);
  if (!found.ok) return found.output;
  const { bundle } = found.evaluation;
  // Running again: when it ends later, it gets its closing message then.
  await input.stores.placements.resetLadder(bundle.placement.id, input.now);
  return decided(
    noteReply('command.reset', appTextsFor(input.locale)['cmd.reset'](bundle.student.name)),
    tellConcerned(input, bundle, 'reset', {
      student: (st) => st['decision.reset.student'],
      mentor: (mt) => mt['decision.reset.mentor'](bundle.student.name),
    }),
  );
};
