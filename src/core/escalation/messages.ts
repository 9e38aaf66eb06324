import { type Block, type Locale, type Message, text } from '../messages/model';
import { pick } from '../messages/texts';
import * as escalationTexts from '../messages/texts/escalation';
import { formatDeadline, formatLocalDate, renderReportName } from '../reports/format';
import { renderReportReminder, renderStartButton } from '../reports/messages';
import { assertNever, StagecoachError } from '../shared/errors';
import type { LadderStep } from './policy';
import type {
  Audience,
  GraceExpiredAction,
  LadderAction,
  MissDetectedAction,
  OwedReminderAction,
  PlacementInsufficientAction,
  SubstituteOverdueAction,
} from './types';

type Texts = typeof escalationTexts.nl;

/** Names and texts the messages may show; never report content. */
export type LadderNames = {
  student: string;
  /** The substitute assignment's text set by the coordinator (or the cohort default), if any. */
  substituteText?: string | null;
};

type Render<A> = (action: A, audience: Audience, locale: Locale, names: LadderNames) => Message;

/** "stap 2: vervangende opdracht" — the label a coordinator reads for a ladder step. */
export function renderStepLabel(rule: LadderStep, t: Texts): string {
  if (rule.lastChance)
    return rule.substitute === 'immediately' ? t['step.lastChance'] : t['step.lastChanceOnly'];
  return t[`step.${rule.substitute}`];
}

/** One message per audience for a timeline action. Throws when the action is not meant for that audience. */
export function renderLadderAction(
  action: LadderAction,
  audience: Audience,
  locale: Locale,
  names: LadderNames,
): Message {
  if (!action.audience.includes(audience)) {
    throw new StagecoachError(
      'ESCALATION.WRONG_AUDIENCE',
      `${action.type} is not addressed to the ${audience}`,
    );
  }
  switch (action.type) {
    case 'report.reminder-before':
    case 'report.due-today':
      return renderReportReminder(action, locale);
    case 'miss.detected':
      return renderMissDetected(action, audience, locale, names);
    case 'grace.expired':
      return renderGraceExpired(action, audience, locale, names);
    case 'owed.reminder':
      return renderOwedReminder(action, audience, locale, names);
    case 'substitute.overdue':
      return renderSubstituteOverdue(action, audience, locale, names);
    case 'placement.insufficient':
      return renderInsufficient(action, audience, locale, names);
    default:
      return assertNever(action);
  }
}

const substituteQuote = (names: LadderNames, label: string): Block[] =>
  names.substituteText ? [{ type: 'quote', label, text: names.substituteText }] : [];

const renderMissDetected: Render<MissDetectedAction> = (action, audience, locale, names) => {
  const t = pick(escalationTexts, locale);
  const report = renderReportName(action.report, locale);
  const deadline = formatDeadline(action.report.dueDate, locale);
  const graceEnd = formatDeadline(action.graceEndDate, locale);
  const ordinal = t.ordinal(action.missNumber);
  const substituteDue = action.substituteDueDate ? formatLocalDate(action.substituteDueDate, locale) : null;
  const key = `escalation.miss-detected.${audience}`;

  if (audience === 'student') {
    const blocks: Block[] = [
      text(t[action.handedIn ? 'miss.student.heading.late' : 'miss.student.heading.open'](report), 'heading'),
      text(action.handedIn ? t['miss.student.late'](deadline) : t['miss.student.open'](deadline, graceEnd)),
      text(t['miss.student.count'](ordinal)),
    ];
    if (!action.handedIn && action.rule.substitute === 'after-grace')
      blocks.push(text(t['miss.student.afterGrace']));
    if (substituteDue) {
      blocks.push(
        text(t['miss.student.substitute'](substituteDue)),
        ...substituteQuote(names, t['field.substitute']),
      );
    }
    if (action.lastChance) blocks.push(text(t['miss.student.lastChance'](action.missesLeft)));
    blocks.push(text(t['miss.student.help'], 'muted'));
    if (!action.handedIn)
      blocks.push({ type: 'actions', buttons: [renderStartButton(action.report, locale)] });
    return { key, summary: t['miss.student.summary'](report, ordinal), blocks };
  }

  const line = t.withStudent(
    names.student,
    t.stepLine(ordinal, action.step, renderStepLabel(action.rule, t)),
  );
  const substitute = substituteDue
    ? t.substituteDue(substituteDue)
    : action.rule.substitute === 'after-grace' && !action.handedIn
      ? t.substituteAfterGrace
      : t.noSubstitute;
  const fields: Block = {
    type: 'fields',
    fields: [
      { label: t['field.report'], value: report },
      { label: t['field.deadline'], value: deadline },
      { label: t['field.handedIn'], value: action.handedIn ? t.handedInLate : t.notHandedIn },
      ...(action.handedIn ? [] : [{ label: t['field.graceEnd'], value: graceEnd }]),
      { label: t['field.substitute'], value: substitute },
    ],
  };
  const blocks: Block[] = [text(line, 'heading')];
  if (audience === 'mentor') {
    blocks.push(text(t['miss.mentor.body'](names.student, report, deadline)));
    if (action.lastChance) blocks.push(text(t['miss.mentor.lastChance'](names.student, action.missesLeft)));
    blocks.push(fields, text(t['miss.mentor.informed'], 'muted'));
  } else {
    blocks.push(fields);
  }
  return { key, summary: line, blocks };
};

const renderGraceExpired: Render<GraceExpiredAction> = (action, audience, locale, names) => {
  const t = pick(escalationTexts, locale);
  const report = renderReportName(action.report, locale);
  const due = formatLocalDate(action.substituteDueDate, locale);
  const key = `escalation.grace-expired.${audience}`;
  if (audience === 'student') {
    return {
      key,
      summary: t['grace.student.summary'](due),
      blocks: [
        text(t['grace.student.heading'](report), 'heading'),
        text(t['grace.student.body'](formatDeadline(action.graceEndDate, locale), due)),
        ...substituteQuote(names, t['field.substitute']),
        text(t['grace.student.stillOwed'](report)),
        { type: 'actions', buttons: [renderStartButton(action.report, locale)] },
      ],
    };
  }
  const heading = t['grace.staff.heading'](names.student, report);
  return {
    key,
    summary: heading,
    blocks: [text(heading, 'heading'), text(t['grace.staff.body'](action.step, due))],
  };
};

const renderOwedReminder: Render<OwedReminderAction> = (action, audience, locale) => {
  const t = pick(escalationTexts, locale);
  const report = renderReportName(action.report, locale);
  return {
    key: `escalation.owed-reminder.${audience}`,
    summary: t['owed.summary'](report),
    blocks: [
      text(t['owed.heading'](report), 'heading'),
      text(t['owed.body'](formatDeadline(action.report.dueDate, locale), action.everyDays)),
      { type: 'actions', buttons: [renderStartButton(action.report, locale)] },
    ],
  };
};

const renderSubstituteOverdue: Render<SubstituteOverdueAction> = (action, audience, locale, names) => {
  const t = pick(escalationTexts, locale);
  const heading = t['overdue.heading'](names.student);
  const body = t['overdue.body'](
    renderReportName(action.report, locale),
    t.ordinal(action.missNumber),
    formatLocalDate(action.substituteDueDate, locale),
  );
  return {
    key: `escalation.substitute-overdue.${audience}`,
    summary: heading,
    blocks: [text(heading, 'heading'), text(body)],
  };
};

const renderInsufficient: Render<PlacementInsufficientAction> = (action, audience, locale, names) => {
  const t = pick(escalationTexts, locale);
  const report = renderReportName(action.report, locale);
  const ordinal = t.ordinal(action.missNumber);
  const key = `escalation.insufficient.${audience}`;
  switch (audience) {
    case 'student': {
      const heading = t['insufficient.student.heading'];
      return {
        key,
        summary: heading,
        blocks: [text(heading, 'heading'), text(t['insufficient.student.body'](report, ordinal))],
      };
    }
    case 'mentor': {
      const heading = t['insufficient.mentor.heading'](names.student);
      const body = t['insufficient.mentor.body'](names.student, ordinal, report);
      return { key, summary: heading, blocks: [text(heading, 'heading'), text(body)] };
    }
    case 'coordinator': {
      const line = t.withStudent(names.student, t.stepLine(ordinal, action.step, t['step.insufficient']));
      const deadline = formatDeadline(action.report.dueDate, locale);
      return {
        key,
        summary: line,
        blocks: [
          text(line, 'heading'),
          {
            type: 'fields',
            fields: [
              { label: t['field.report'], value: report },
              { label: t['field.deadline'], value: deadline },
            ],
          },
          text(t['insufficient.coordinator.body']),
        ],
      };
    }
    default:
      return assertNever(audience);
  }
};

/**
 * One line about one ladder action for a staff member's summary of the run: who (`names.student`,
 * usually `STUDENT_SLOT` so students in the same situation share the line), which report, which
 * ladder step and what happens next. Never report content.
 */
export function renderStaffLine(
  action: LadderAction,
  audience: Exclude<Audience, 'student'>,
  locale: Locale,
  names: LadderNames,
): string {
  const t = pick(escalationTexts, locale);
  const message = renderLadderAction(action, audience, locale, names);
  switch (action.type) {
    case 'miss.detected': {
      const report = renderReportName(action.report, locale);
      const next = action.substituteDueDate
        ? t.substituteDue(formatLocalDate(action.substituteDueDate, locale))
        : action.rule.substitute === 'after-grace' && !action.handedIn
          ? t.substituteAfterGrace
          : t.noSubstitute;
      const handedIn = action.handedIn ? t.handedInLate : t.notHandedIn;
      return `${message.summary} · ${report} (${t['field.handedIn'].toLowerCase()}: ${handedIn}) · ${t['field.substitute'].toLowerCase()}: ${next}`;
    }
    case 'grace.expired':
      return `${message.summary} · ${t['grace.staff.body'](action.step, formatLocalDate(action.substituteDueDate, locale))}`;
    case 'substitute.overdue':
    case 'placement.insufficient': {
      const body = message.blocks.find((block, index) => index > 0 && block.type === 'text');
      const report = renderReportName(action.report, locale);
      return body?.type === 'text' ? `${message.summary} · ${body.text}` : `${message.summary} · ${report}`;
    }
    default:
      return message.summary;
  }
}
