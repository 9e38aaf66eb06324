import type { Locale } from '../../core/messages/model';
import { appTextsFor, renderNote } from '../../core/notices/texts';
import { localeOf } from '../../core/shared/person';
import type { OutgoingMessage } from '../stores/outbox-store';
import type { PlacementBundle } from '../stores/placement-records';
import type { CommandInput, CommandOutput } from './command-context';

type Texts = ReturnType<typeof appTextsFor>;

/** What a decision says to each: the student in the second person, a mentor about the student. */
export type DecisionTexts = {
  student: (t: Texts, locale: Locale) => string;
  mentor: (t: Texts, locale: Locale) => string;
};

/**
 * A coordinator's decision (pause, excuse, tick-off, reset) told to the people it concerns: one
 * message to the student and one to each mentor, in their own language. Never the reason (it
 * may be medical): only what changes for them.
 */
export function tellConcerned(
  input: CommandInput,
  bundle: PlacementBundle,
  decision: string,
  texts: DecisionTexts,
): OutgoingMessage[] {
  const key = `decision:${decision}:${bundle.placement.id}:${input.inbound?.dedupeKey ?? input.now.toISOString()}`;
  const studentLocale = localeOf(bundle.student, input.defaultLocale);
  const heading = (locale: Locale) => appTextsFor(locale)['decision.heading'];
  return [
    {
      key: `${key}:student`,
      to: { kind: 'person' as const, personId: bundle.student.id },
      message: renderNote(
        `decision.${decision}`,
        texts.student(appTextsFor(studentLocale), studentLocale),
        heading(studentLocale),
      ),
      subjectId: bundle.student.id,
    },
    ...bundle.mentors.map((mentor) => {
      const locale = localeOf(mentor, input.defaultLocale);
      return {
        key: `${key}:${mentor.id}`,
        to: { kind: 'person' as const, personId: mentor.id },
        message: renderNote(
          `decision.${decision}`,
          texts.mentor(appTextsFor(locale), locale),
          heading(locale),
        ),
        subjectId: bundle.student.id,
      };
    }),
  ];
}

/** The coordinator's confirmation plus the messages to student and mentors. */
export function decided(reply: CommandOutput, outgoing: OutgoingMessage[]): CommandOutput {
  return { replies: reply.replies, outgoing: [...reply.outgoing, ...outgoing] };
}
