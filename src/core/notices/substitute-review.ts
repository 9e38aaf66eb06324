import type { Block, Locale, Message } from '../messages/model';
import { SUBSTITUTE_ACTIONS } from './substitute';
import { appTextsFor } from './texts';

export const SUBSTITUTE_REVIEW_ACTIONS = {
  /** Mentor or coordinator reads a substitute assignment; value = stored substitute key. */
  read: 'substitute.read',
  /** Coordinator submits the assessment form; value = stored substitute key. */
  assess: 'substitute.assess',
} as const;

export const SUBSTITUTE_REVIEW_INPUTS = { verdict: 'assessment', note: 'note' } as const;

export type SubstituteAssessment = 'accepted' | 'returned';

export function parseAssessment(value: string | undefined): SubstituteAssessment | null {
  const v = value?.trim().toLowerCase();
  if (v === 'accepted' || v === 'akkoord' || v === 'goed' || v === 'done' || v === 'afgerond')
    return 'accepted';
  if (v === 'returned' || v === 'terug' || v === 'terugsturen' || v === 'send back') return 'returned';
  return null;
}

/** "Lezen" on the notice that a student handed in a substitute assignment. */
export function withReadButton(message: Message, key: string, locale: Locale): Message {
  const t = appTextsFor(locale);
  return {
    ...message,
    blocks: [
      ...message.blocks,
      {
        type: 'actions',
        buttons: [{ actionId: SUBSTITUTE_REVIEW_ACTIONS.read, label: t['substitute.read'], value: key }],
      },
    ],
  };
}

/**
 * The private view of one substitute assignment: the assignment, the handed-in work, and for a
 * coordinator the form to accept it or send it back.
 */
export function renderSubstituteView(
  locale: Locale,
  input: {
    key: string;
    studentName: string;
    assignment: string;
    dueDate: string;
    handedInAt: string | null;
    work: string | null;
    review: SubstituteAssessment | null;
    mayAssess: boolean;
  },
): Message {
  const t = appTextsFor(locale);
  const blocks: Block[] = [
    { type: 'text', text: t['substitute.view.heading'](input.studentName), style: 'heading' },
    { type: 'quote', label: t['substitute.form.assignment'], text: input.assignment },
    { type: 'text', text: t['substitute.form.due'](input.dueDate), style: 'muted' },
    input.work
      ? { type: 'quote', label: t['substitute.view.work'](input.handedInAt ?? ''), text: input.work }
      : { type: 'text', text: t['substitute.view.noWork'], style: 'muted' },
  ];
  if (input.review)
    blocks.push({ type: 'text', text: t[`substitute.review.${input.review}`], style: 'muted' });
  if (!input.mayAssess || !input.work) {
    return { key: 'substitute.view', summary: t['substitute.view.heading'](input.studentName), blocks };
  }
  blocks.push(
    { type: 'divider' },
    {
      type: 'choice',
      inputId: SUBSTITUTE_REVIEW_INPUTS.verdict,
      label: t['substitute.assess.label'],
      options: [
        { value: 'accepted', label: t['substitute.assess.accepted'] },
        { value: 'returned', label: t['substitute.assess.returned'] },
      ],
      initial: 'accepted',
    },
    {
      type: 'input',
      inputId: SUBSTITUTE_REVIEW_INPUTS.note,
      label: t['substitute.assess.note'],
      multiline: true,
      optional: true,
    },
  );
  return {
    key: 'substitute.view',
    summary: t['substitute.view.heading'](input.studentName),
    blocks,
    form: {
      submitActionId: SUBSTITUTE_REVIEW_ACTIONS.assess,
      submitLabel: t['substitute.assess.submit'],
      value: input.key,
    },
  };
}

/** What the student hears: accepted, or sent back with the note and a way to hand it in again. */
export function renderAssessmentForStudent(
  locale: Locale,
  input: { key: string; assessment: SubstituteAssessment; note: string | null },
): Message {
  const t = appTextsFor(locale);
  const body =
    input.assessment === 'accepted' ? t['substitute.student.accepted'] : t['substitute.student.returned'];
  const blocks: Block[] = [{ type: 'text', text: body }];
  if (input.note) blocks.push({ type: 'quote', label: t['substitute.student.note'], text: input.note });
  if (input.assessment === 'returned') {
    blocks.push({
      type: 'actions',
      buttons: [
        {
          actionId: SUBSTITUTE_ACTIONS.open,
          label: t['substitute.button'],
          value: input.key,
          style: 'primary',
        },
      ],
    });
  }
  return { key: `substitute.${input.assessment}`, summary: body, blocks };
}
