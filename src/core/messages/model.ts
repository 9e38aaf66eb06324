/**
 * The platform-neutral rich message model. The core composes these; each adapter renders them
 * (Slack Block Kit, Teams Adaptive Cards, console text). All strings are plain text: renderers
 * escape them for their platform, so user-typed text can never inject markup or mentions.
 */

export type Locale = 'nl' | 'en';

export type ButtonStyle = 'primary' | 'danger' | 'default';

export type Button = {
  /** Stable id that comes back in `Inbound.payload.actionId` when clicked. */
  actionId: string;
  label: string;
  /** Opaque value echoed back with the click (e.g. a report id). */
  value?: string;
  /** The word a user can type instead of clicking (shown in text-only renderers). */
  keyword?: string;
  style?: ButtonStyle;
};

export type Block =
  /** Bot-authored prose. `heading` renders bold/large; `muted` renders small/grey. */
  | { type: 'text'; text: string; style?: 'plain' | 'heading' | 'muted' }
  /** User-authored content shown back to an authorised reader (never in a channel). */
  | { type: 'quote'; label?: string; text: string }
  | { type: 'fields'; fields: ReadonlyArray<{ label: string; value: string }> }
  | { type: 'actions'; buttons: readonly Button[] }
  /** A 1–5 (or other) choice scale, e.g. mood. Each value is sent back as `actionId` + value. */
  | {
      type: 'scale';
      actionId: string;
      min: number;
      max: number;
      /** Labels for the lowest and highest value, e.g. "slecht" / "top". */
      lowLabel?: string;
      highLabel?: string;
    }
  /** A free-text input on forms (mentor feedback). Comes back in `Inbound.payload.formValues[inputId]`. */
  | {
      type: 'input';
      inputId: string;
      label: string;
      multiline?: boolean;
      placeholder?: string;
      optional?: boolean;
    }
  /** A single choice on forms (e.g. the mentor's verdict). Comes back in `formValues[inputId]` as the option value. */
  | {
      type: 'choice';
      inputId: string;
      label: string;
      options: ReadonlyArray<{ value: string; label: string }>;
      initial?: string;
    }
  | { type: 'divider' };

export type Message = {
  /** Stable semantic id (`checkin.prompt`, `starr.ask.situation`, …) for tests, logs and renderers. */
  key: string;
  /** Short plain-text version for notifications and text-only clients. */
  summary: string;
  blocks: readonly Block[];
  /** Set on forms: the action a submit button sends, with all inputs in `formValues`. */
  form?: { submitActionId: string; submitLabel: string; value?: string };
};

/** Where a message is meant to go, in domain terms. The app resolves this to a platform address. */
export type Recipient =
  | { kind: 'person'; personId: string }
  /** A cohort's mentor channel (the digest). */
  | { kind: 'cohort-channel'; cohortId: string };

/**
 * The one shape of a message going out: a use case or job queues it (`queueMessages`), the outbox
 * stores it with its delivery bookkeeping, the dispatcher resolves `to` to a platform `Address`.
 */
export type OutgoingMessage = {
  /** Unique per message; the same key enqueued twice sends once. */
  key: string;
  /** A person, or a cohort's mentor channel (the digest); resolved to a platform address at send time. */
  to: Recipient;
  message: Message;
  /** Person the message is about (erase removes it). */
  subjectId?: string | null;
  /** Everyone else the message names (a digest's students): erase finds it by these ids. */
  mentions?: readonly string[];
  /** Parts of a split message already delivered (a reply shown right away, or a retry resuming). */
  partsSent?: number;
};

export const text = (value: string, style?: 'plain' | 'heading' | 'muted'): Block =>
  style ? { type: 'text', text: value, style } : { type: 'text', text: value };
