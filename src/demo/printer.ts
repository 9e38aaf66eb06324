import { describePerson } from '../../adapters/console/people';
import { formatDay, formatTime } from '../../adapters/console/texts';
import type { Clock } from '../app/ports';
import { localDateOf } from '../core/calendar/zoned';
import type { Message } from '../core/messages/model';

export type DemoPerson = { email: string; name: string; roles: Array<'student' | 'mentor' | 'coordinator'> };

/** Characters per message line: the demo shows a semester, so each message gets one line. */
const MAX_LINE = 150;

const ROUTINE_KEYS = new Set([
  'checkin.prompt',
  'checkin.thanks',
  'checkin.mentor.talk',
  'checkin.mentor.note',
  'checkin.mentor.thanks',
]);

/**
 * The weekly check-in conversation: shown in full at first, then counted, as it repeats every
 * week. Alerts (low mood, wants to talk, unanswered) always show.
 */
export const isRoutineKey = (key: string): boolean => ROUTINE_KEYS.has(key) || key.startsWith('checkin.ask.');

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_LINE ? `${flat.slice(0, MAX_LINE - 1)}…` : flat;
}

export type DemoPrinter = {
  delivered(email: string, message: Message): void;
  /** `routine`: an answer in the weekly check-in conversation. */
  typed(person: DemoPerson, text: string, routine?: boolean): void;
  clicked(person: DemoPerson, label: string, routine?: boolean): void;
  privately(person: DemoPerson, message: Message): void;
  highlight(text: string): void;
  /** Says how many routine lines were left out since the last call. */
  flushRoutine(): void;
};

/**
 * Compact output: a header per day something happens, then one line per message received
 * (`→ Sam de Vries (student): …`, the message's own short text) or act. After `fullUntil` the
 * weekly check-in conversations are counted instead of printed, so the story stays readable.
 */
export function createDemoPrinter(options: {
  out: (line: string) => void;
  clock: Clock;
  timezone: string;
  people: readonly DemoPerson[];
  fullUntil: Date;
}): DemoPrinter {
  const { out, clock, timezone } = options;
  let lastDay: string | null = null;
  let hidden = 0;
  const line = (text: string) => {
    const day = localDateOf(clock.now(), timezone);
    if (day !== lastDay) {
      lastDay = day;
      out('');
      out(`── ${formatDay(clock.now(), timezone, 'en')} ──`);
    }
    out(`  ${formatTime(clock.now(), timezone)} ${text}`);
  };
  const quiet = (routine: boolean) => {
    if (!routine || clock.now() <= options.fullUntil) return false;
    hidden += 1;
    return true;
  };
  const who = (email: string) => {
    const person = options.people.find((p) => p.email === email);
    return person ? describePerson(person, 'en') : email;
  };
  return {
    delivered(email, message) {
      if (!quiet(isRoutineKey(message.key))) line(`→ ${who(email)}: ${oneLine(message.summary)}`);
    },
    typed(person, text, routine = false) {
      if (!quiet(routine)) line(`  ${person.name} types: ${oneLine(text)}`);
    },
    clicked(person, label, routine = false) {
      if (!quiet(routine)) line(`  ${person.name} clicks [${label}]`);
    },
    privately: (person, message) => line(`→ ${person.name} (private view): ${oneLine(message.summary)}`),
    highlight: (text) => line(`★ ${text}`),
    flushRoutine() {
      if (hidden === 0) return;
      line(`… weekly check-ins and talks answered (${hidden} messages and answers not shown)`);
      hidden = 0;
    },
  };
}
