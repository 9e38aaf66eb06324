import type { Locale, Message } from '../messages/model';
import { appTextsFor } from './texts';

export const SUBSTITUTE_ACTIONS = {
  /** Student opens the hand-in form; value = stored substitute key. */
  open: 'substitute.open',
  /** Student submits the form; value = stored substitute key. */
  submit: 'substitute.submit',
} as const;

export const SUBSTITUTE_INPUT = 'substitute';

/** Adds the "hand it in" button to the student's message that gives a substitute assignment. */
export function withHandInButton(message: Message, key: string, locale: Locale): Message {
  const t = appTextsFor(locale);
  return {
    ...message,
    blocks: [
      ...message.blocks,
      {
        type: 'actions',
        buttons: [
          { actionId: SUBSTITUTE_ACTIONS.open, label: t['substitute.button'], value: key, style: 'primary' },
        ],
      },
    ],
  };
}

/** The private form to write the substitute assignment in. */
export function renderSubstituteForm(
  locale: Locale,
  input: { key: string; assignment: string; dueDate: string },
): Message {
  const t = appTextsFor(locale);
  return {
    key: 'substitute.form',
    summary: t['substitute.form.heading'],
    blocks: [
      { type: 'text', text: t['substitute.form.heading'], style: 'heading' },
      { type: 'quote', label: t['substitute.form.assignment'], text: input.assignment },
      { type: 'text', text: t['substitute.form.due'](input.dueDate), style: 'muted' },
      { type: 'input', inputId: SUBSTITUTE_INPUT, label: t['substitute.form.label'], multiline: true },
    ],
    form: {
      submitActionId: SUBSTITUTE_ACTIONS.submit,
      submitLabel: t['substitute.form.submit'],
      value: input.key,
    },
  };
}
