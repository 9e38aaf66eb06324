import type { Locale, Message } from '../messages/model';
import { appTextsFor } from './texts';

export const FEEDBACK_ACTIONS = {
  /** Mentor opens a submitted report; value = stored report id. */
  open: 'reflection.open',
  /** Mentor submits the feedback form; value = stored report id. */
  submit: 'reflection.feedback',
} as const;

export const FEEDBACK_INPUTS = { text: 'feedback', verdict: 'verdict' } as const;

export type FeedbackVerdict = 'approved' | 'needs-more';

export function parseVerdict(value: string | undefined): FeedbackVerdict | null {
  const v = value?.trim().toLowerCase();
  if (v === 'approved' || v === 'akkoord' || v === 'ok') return 'approved';
  if (v === 'needs-more' || v === 'aanvullen' || v === 'graag aanvullen' || v === 'needs more')
    return 'needs-more';
  return null;
}

/** The private notice to a mentor: no report content, just the way to read it. */
export function renderFeedbackNotice(
  locale: Locale,
  input: { studentName: string; reportName: string; reportId: string },
): Message {
  const t = appTextsFor(locale);
  return {
    key: 'feedback.notice',
    summary: t['feedback.notice.summary'](input.studentName),
    blocks: [
      { type: 'text', text: t['feedback.notice.heading'](input.studentName), style: 'heading' },
      { type: 'text', text: t['feedback.notice.body'](input.studentName, input.reportName) },
      {
        type: 'actions',
        buttons: [
          {
            actionId: FEEDBACK_ACTIONS.open,
            label: t['feedback.button.read'],
            value: input.reportId,
            style: 'primary',
          },
        ],
      },
    ],
  };
}

/** The private view a mentor reads the report in, with the feedback form. */
export function renderReflectionView(
  locale: Locale,
  input: {
    studentName: string;
    reportName: string;
    reportId: string;
    answers: ReadonlyArray<{ label: string; text: string }>;
    /** The verdict already given, if any: the form stays open so the mentor can change it. */
    currentVerdict: FeedbackVerdict | null;
  },
): Message {
  const t = appTextsFor(locale);
  const given = input.currentVerdict;
  return {
    key: 'feedback.view',
    summary: t['feedback.view.heading'](input.studentName, input.reportName),
    blocks: [
      {
        type: 'text',
        text: t['feedback.view.heading'](input.studentName, input.reportName),
        style: 'heading',
      },
      ...input.answers.map((answer) => ({ type: 'quote' as const, label: answer.label, text: answer.text })),
      { type: 'divider' },
      ...(given
        ? [
            {
              type: 'text' as const,
              text: t['feedback.given'](t[`feedback.verdict.${given}`]),
              style: 'muted' as const,
            },
          ]
        : []),
      {
        type: 'choice' as const,
        inputId: FEEDBACK_INPUTS.verdict,
        label: t['feedback.verdict.label'],
        options: [
          { value: 'approved', label: t['feedback.verdict.approved'] },
          { value: 'needs-more', label: t['feedback.verdict.needs-more'] },
        ],
        initial: given ?? 'approved',
      },
      {
        type: 'input' as const,
        inputId: FEEDBACK_INPUTS.text,
        label: t['feedback.input.label'],
        multiline: true,
        optional: true,
      },
    ],
    form: {
      submitActionId: FEEDBACK_ACTIONS.submit,
      submitLabel: given ? t['feedback.change'] : t['feedback.submit'],
      value: input.reportId,
    },
  };
}

/** The student's private copy of the mentor's feedback. */
export function renderFeedbackForStudent(
  locale: Locale,
  input: {
    mentorName: string;
    reportName: string;
    verdict: FeedbackVerdict;
    text: string | null;
    /** The mentor changed an earlier verdict. */
    changed?: boolean;
  },
): Message {
  const t = appTextsFor(locale);
  return {
    key: 'feedback.student',
    summary: t['feedback.student.summary'](input.mentorName),
    blocks: [
      {
        type: 'text',
        text: input.changed
          ? t['feedback.student.changedHeading'](input.mentorName)
          : t['feedback.student.heading'](input.mentorName),
        style: 'heading',
      },
      {
        type: 'text',
        text:
          input.verdict === 'approved'
            ? t['feedback.student.approved'](input.reportName)
            : t['feedback.student.needsMore'](input.reportName),
      },
      ...(input.text
        ? [{ type: 'quote' as const, label: t['feedback.student.label'], text: input.text }]
        : []),
    ],
  };
}
