import { randomUUID } from 'node:crypto';
import type { InboundPayload } from '../../src/app/inbound';
import type { Address, Inbound, InboundResult } from '../../src/app/ports';
import { localDateOf } from '../../src/core/calendar/zoned';
import type { Locale, Message } from '../../src/core/messages/model';
import type { Runtime } from '../../src/main';
import { CONSOLE_TENANT } from './gateway';
import { type ConsoleIntent, parseConsoleLine } from './parse-line';
import {
  type ConsolePerson,
  describePerson,
  findConsolePerson,
  linkConsoleIdentities,
  listConsolePeople,
} from './people';
import { renderConsoleMessage } from './render';
import { drainOutbox, runClockTo } from './run-clock';
import { consoleTexts, formatClock, formatDay, formatTime } from './texts';
import { parseClockInput, saveClock, type VirtualClock } from './virtual-clock';

export type ConsoleSession = {
  /** One typed line: text as the current person, `!` a click, `/…` a console command. */
  handleLine(line: string): Promise<void>;
  /** Prints a message the bot sent (the console gateway's `print`). */
  deliver(address: Address, message: Message): Promise<void>;
  welcome(): void;
  prompt(): string;
  current(): ConsolePerson | null;
  /** True after `/stop`. */
  readonly stopped: boolean;
};

export type ConsoleSessionOptions = {
  runtime: Runtime;
  clock: VirtualClock;
  out: (line: string) => void;
  /** Where the virtual clock is saved after every line; tests leave it out. */
  dataDir?: string;
  /** E-mail of the person to start as; default the first student. */
  startAs?: string;
};

/** A jump the console refuses: a typo like `/verder 100w` would tick for minutes. */
const MAX_ADVANCE_DAYS = 400;
const DAY_MS = 86_400_000;
/** ms each typed act takes: acts of one person never share an instant, as on a real platform. */
const TYPING_MS = 1000;

/**
 * The testable core of the console chat: who you are, the virtual clock, and printing every
 * message the bot sends to anyone. The readline loop around it is `runConsoleChat`.
 */
export async function createConsoleSession(options: ConsoleSessionOptions): Promise<ConsoleSession> {
  const { runtime, clock, out } = options;
  const defaultLocale: Locale = runtime.config.defaultLocale;
  const timezone = runtime.config.timezone;
  // The dispatcher's background loop would send (and print) after the prompt is shown; the
  // session drains the outbox itself after every line, so `dispatchSoon` must not start a drain.
  await runtime.dispatcher.stop();

  let people = await refreshPeople();
  let current: ConsolePerson | null =
    (options.startAs ? people.find((p) => p.email === options.startAs) : undefined) ??
    people.find((p) => p.roles.includes('student')) ??
    people[0] ??
    null;
  let stopped = false;
  // The console speaks the language of the person you are acting as (`taal en` changes it).
  const lang = (): Locale => current?.locale ?? defaultLocale;
  const tx = () => consoleTexts(lang());
  let lastDay: string | null = null;
  /** Per e-mail: the last value seen for each button action, and the last form. */
  const seenButtons = new Map<string, Map<string, string>>();
  const lastForm = new Map<string, NonNullable<Message['form']>>();

  async function refreshPeople(): Promise<ConsolePerson[]> {
    const list = await listConsolePeople(runtime.database.db);
    await linkConsoleIdentities(runtime.database.db, list, clock.now());
    return list;
  }

  function remember(email: string, message: Message): void {
    const buttons = seenButtons.get(email) ?? new Map<string, string>();
    for (const block of message.blocks) {
      if (block.type !== 'actions') continue;
      for (const button of block.buttons) if (button.value) buttons.set(button.actionId, button.value);
    }
    seenButtons.set(email, buttons);
    if (message.form) lastForm.set(email, message.form);
  }

  function dayHeader(): void {
    const day = localDateOf(clock.now(), timezone);
    if (day === lastDay) return;
    lastDay = day;
    out('');
    out(`──── ${formatDay(clock.now(), timezone, lang())} ────`);
  }

  function printMessage(heading: string, message: Message): void {
    out('');
    out(heading);
    for (const line of renderConsoleMessage(message, lang()).split('\n')) out(`  ${line}`);
  }

  async function deliver(address: Address, message: Message): Promise<void> {
    dayHeader();
    const time = formatTime(clock.now(), timezone);
    if (address.kind === 'channel') {
      printMessage(`→ #${address.channelId} · ${time}`, message);
      return;
    }
    const email = address.platformUserId;
    let person = people.find((p) => p.email === email);
    if (!person) {
      people = await refreshPeople(); // someone added since (e.g. `/stage toevoegen`)
      person = people.find((p) => p.email === email);
    }
    remember(email, message);
    const you = current?.email === email ? ' ★' : '';
    printMessage(`→ ${person ? describePerson(person, lang()) : email}${you} · ${time}`, message);
  }

  function printResult(result: InboundResult): void {
    if (!current) return;
    for (const message of [...result.replies, ...(result.view ? [result.view] : [])]) {
      remember(current.email, message);
      printMessage(`← ${current.name} (${tx().privateReply})`, message);
    }
  }

  function persistClock(): void {
    if (options.dataDir) saveClock(options.dataDir, clock.now());
  }

  async function act(payload: InboundPayload): Promise<void> {
    if (!current) {
      out(tx().noPerson);
      return;
    }
    clock.advance(TYPING_MS);
    const inbound: Inbound = {
      platform: 'console',
      tenant: CONSOLE_TENANT,
      user: { platformUserId: current.email, email: current.email, displayName: current.name },
      conversation: { id: current.email, kind: 'direct' },
      sentAt: clock.now(),
      dedupeKey: randomUUID(),
      payload,
    };
    printResult(await runtime.app.handler.handle(inbound));
    await drainOutbox(runtime, clock);
    // The act may have changed the person's language (`taal en`): the labels follow at once.
    const email = current.email;
    people = await refreshPeople();
    current = people.find((p) => p.email === email) ?? current;
  }

  /** A click without a value takes the value of that button as last shown to this person. */
  function completeAction(intent: Extract<ConsoleIntent, { type: 'action' }>): InboundPayload {
    const email = current?.email ?? '';
    const form = lastForm.get(email);
    const value =
      intent.value ??
      (form?.submitActionId === intent.actionId ? form.value : undefined) ??
      seenButtons.get(email)?.get(intent.actionId);
    return {
      type: 'action',
      actionId: intent.actionId,
      ...(value !== undefined ? { value } : {}),
      ...(intent.formValues ? { formValues: intent.formValues } : {}),
    };
  }

  async function moveClockTo(to: Date): Promise<void> {
    if (to <= clock.now()) {
      out(tx().backwards);
      return;
    }
    if (to.getTime() - clock.now().getTime() > MAX_ADVANCE_DAYS * DAY_MS) {
      out(tx().tooFar(MAX_ADVANCE_DAYS));
      return;
    }
    const run = await runClockTo(runtime, clock, to);
    for (const failure of run.jobFailures) out(tx().jobFailed(failure));
    out('');
    out(tx().advanced(formatClock(clock.now(), timezone, lang()), run.sent, run.steps));
  }

  function switchTo(query: string): void {
    const found = findConsolePerson(people, query);
    if (found.ok) {
      current = found.person;
      out(tx().nowActingAs(describePerson(found.person, lang())));
    } else if (found.matches.length === 0) out(tx().noMatch(query));
    else out(tx().ambiguous(query, found.matches.map((p) => p.name).join(', ')));
  }

  async function run(intent: ConsoleIntent): Promise<void> {
    switch (intent.type) {
      case 'empty':
        return;
      case 'text':
        return act({ type: 'text', text: intent.text });
      case 'command':
        return act({ type: 'command', text: intent.text });
      case 'action':
        return act(completeAction(intent));
      case 'switch':
        people = await refreshPeople();
        return switchTo(intent.who);
      case 'who':
        people = await refreshPeople();
        out(tx().people);
        for (const person of people) {
          const marker = person.email === current?.email ? '→' : ' ';
          out(` ${marker} ${describePerson(person, lang()).padEnd(42)} ${person.email}`);
        }
        return;
      case 'clock':
        out(tx().clock(formatClock(clock.now(), timezone, lang())));
        return;
      case 'advance':
        return moveClockTo(new Date(clock.now().getTime() + intent.ms));
      case 'set-time': {
        const at = parseClockInput(intent.at, timezone);
        if (!at) {
          out(tx().badTime(intent.at));
          return;
        }
        return moveClockTo(at);
      }
      case 'help':
        for (const line of tx().help) out(line);
        return;
      case 'stop':
        stopped = true;
        out(tx().bye);
        return;
      case 'invalid':
        out(tx().invalid[intent.reason](intent.input));
        return;
    }
  }

  const session: ConsoleSession = {
    async handleLine(line) {
      try {
        await run(parseConsoleLine(line));
      } catch (error) {
        // A fault in one line must not end the session; the log has the stack.
        runtime.logger.error({ err: error }, 'console: handling a line failed');
        out(tx().failed(error instanceof Error ? error.message : String(error)));
      }
      persistClock();
    },
    deliver,
    welcome() {
      for (const line of tx().welcome) out(line);
      if (current) out(tx().nowActingAs(describePerson(current, lang())));
      out(tx().clock(formatClock(clock.now(), timezone, lang())));
    },
    prompt() {
      const time = formatClock(clock.now(), timezone, lang());
      return `[${time}] ${current?.name ?? '?'} > `;
    },
    current: () => current,
    get stopped() {
      return stopped;
    },
  };
  return session;
}
