import type { Command } from '../../core/commands/types';
import type { Locale, Message } from '../../core/messages/model';
import { appTextsFor, renderNote } from '../../core/notices/texts';
import type { Person } from '../../core/shared/person';
import type { PlacementEvaluation } from '../placements/evaluate';
import type { Inbound } from '../ports';
import type { OutgoingMessage } from '../stores/outbox-store';
import type { Stores } from '../stores/stores';
import { currentPlacementOf } from '../use-cases/current-placement';

export type CommandInput = {
  /** The stores of the command's unit of work. */
  stores: Stores;
  actor: Person;
  locale: Locale;
  defaultLocale: Locale;
  defaultTimezone: string;
  now: Date;
  /** Cohorts the actor coordinates; null in the list = all. */
  scopes: (string | null)[];
  inbound: Inbound | null;
  /** The CSV of an `import`, when a file came with the command. */
  file: { name: string; content: string } | null;
};

export type CommandOutput = { replies: Message[]; outgoing: OutgoingMessage[] };

export const answer = (...replies: Message[]): CommandOutput => ({ replies, outgoing: [] });

export const noteReply = (key: string, body: string) => answer(renderNote(key, body));

export function mayCoordinate(input: CommandInput, cohortId: string): boolean {
  return input.scopes.includes(null) || input.scopes.includes(cohortId);
}

/** A student's current placement, checked against the actor's cohorts; or a friendly refusal. */
export async function studentPlacement(
  input: CommandInput,
  email: string,
): Promise<{ ok: true; evaluation: PlacementEvaluation } | { ok: false; output: CommandOutput }> {
  const t = appTextsFor(input.locale);
  const student = await input.stores.people.findByEmail(email);
  if (!student)
    return { ok: false, output: noteReply('command.student-unknown', t['error.studentUnknown'](email)) };
  const evaluation = await currentPlacementOf(input.stores, student.id, input.now);
  if (!evaluation)
    return { ok: false, output: noteReply('command.no-placement', t['error.noPlacement'](student.name)) };
  if (!mayCoordinate(input, evaluation.bundle.cohort.id)) {
    return { ok: false, output: noteReply('command.not-your-cohort', t['error.notYourCohort']) };
  }
  return { ok: true, evaluation };
}

export type CommandHandler<T extends Command['type']> = (
  input: CommandInput,
  command: Extract<Command, { type: T }>,
) => Promise<CommandOutput>;
