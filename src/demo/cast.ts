import { randomUUID } from 'node:crypto';
import { CONSOLE_TENANT } from '../../adapters/console/gateway';
import { drainOutbox } from '../../adapters/console/run-clock';
import type { VirtualClock } from '../../adapters/console/virtual-clock';
import type { InboundPayload } from '../app/inbound';
import type { InboundResult } from '../app/ports';
import { SAMPLE_PEOPLE } from '../app/sample/sample-cohort';
import type { Button, Message } from '../core/messages/model';
import type { Runtime } from '../main';
import {
  CHECKIN_ANSWERS,
  FEEDBACK_TEXT,
  NEEDS_MORE_TEXT,
  REPORT_ANSWERS,
  REVISED_ACTION,
  SUBSTITUTE_NOTE,
  SUBSTITUTE_WORK,
} from './answers';
import type { DemoPerson, DemoPrinter } from './printer';

/** ms; a scripted person takes a moment before answering, so acts never share an instant. */
const THINKING_MS = 60_000;
/** ms; Noor notices the missed deadline and hands the report in the next day, within grace. */
const NOOR_DELAY_MS = 24 * 60 * 60_000;
/** Safety stop for one round of reactions (every act may cause more messages). */
const MAX_REACTIONS = 400;

type Delivery = { email: string; message: Message };
type Script = (message: Message) => Promise<void>;

/** The demo's side stories, for the summary: did they happen as scripted? */
export type CastStory = { revisionApproved: boolean; substituteAssessed: boolean };

export type Cast = {
  receive(email: string, message: Message): void;
  story(): CastStory;
  /** Everyone reacts to what they received (and to what that caused) until all is quiet. */
  react(): Promise<void>;
};

export type CastOptions = {
  runtime: Runtime;
  clock: VirtualClock;
  printer: DemoPrinter;
  people: readonly DemoPerson[];
  /** Noor lets the report due on this date slip past its deadline (and hands it in in grace). */
  noorSkipsDueDate: string;
};

const buttonsOf = (message: Message): Button[] =>
  message.blocks.flatMap((block) => (block.type === 'actions' ? [...block.buttons] : []));

/**
 * The scripted semester: Sam answers everything and writes every report on time; Noor lets one
 * deadline pass and hands that report in within the grace period; Daan answers check-ins but
 * never writes a report. Mentors confirm their weekly talks and give feedback on reports.
 */
export function createCast(options: CastOptions): Cast {
  const { runtime, clock, printer } = options;
  const inbox: Delivery[] = [];
  const later: Array<{ at: number; run: () => Promise<void> }> = [];
  const weekOf = new Map<string, number>();
  // Sam's first report goes round the revision loop once: requested → editing → resubmitted.
  let revision: 'none' | 'requested' | 'editing' | 'resubmitted' | 'approved' = 'none';
  let substitute: 'none' | 'handed-in' | 'assessed' = 'none';

  const person = (email: string): DemoPerson => {
    const found = options.people.find((p) => p.email === email);
    if (!found) throw new Error(`demo: unknown person ${email}`);
    return found;
  };

  /** `routine`: an answer in the weekly check-in (the printer shows those only at first). */
  async function act(email: string, payload: InboundPayload, routine = false): Promise<InboundResult> {
    const actor = person(email);
    clock.advance(THINKING_MS);
    if (payload.type === 'text') printer.typed(actor, payload.text, routine);
    if (payload.type === 'command') printer.typed(actor, `stage ${payload.text}`);
    const result = await runtime.app.handler.handle({
      platform: 'console',
      tenant: CONSOLE_TENANT,
      user: { platformUserId: email, email, displayName: actor.name },
      conversation: { id: email, kind: 'direct' },
      sentAt: clock.now(),
      dedupeKey: randomUUID(),
      payload,
    });
    for (const message of result.replies) printer.privately(actor, message);
    if (result.view) printer.privately(actor, result.view);
    await drainOutbox(runtime, clock);
    return result;
  }
  const say = (email: string, text: string, routine = false) => act(email, { type: 'text', text }, routine);
  const click = (email: string, button: Button, routine = false) => {
    printer.clicked(person(email), button.label, routine);
    const value = button.value !== undefined ? { value: button.value } : {};
    return act(email, { type: 'action', actionId: button.actionId, ...value }, routine);
  };

  function student(who: 'sam' | 'noor' | 'daan', email: string, writesReports: boolean): Script {
    const checkin = CHECKIN_ANSWERS[who] ?? { moods: ['3'], learned: 'overslaan' };
    const report = REPORT_ANSWERS[who] ?? {};
    let missedOne = false;
    return async (message) => {
      const { key } = message;
      if (key === 'checkin.prompt') {
        const week = weekOf.get(email) ?? 0;
        weekOf.set(email, week + 1);
        await say(email, checkin.moods[week % checkin.moods.length] as string, true);
      } else if (key === 'feedback.student' && who === 'sam' && revision === 'requested') {
        await say(email, 'start');
      } else if (key === 'starr.summary' && who === 'sam' && revision === 'requested') {
        // The mentor asked for more on the action: edit step 4, then hand it in again.
        revision = 'editing';
        await say(email, 'wijzig 4');
      } else if (key === 'starr.ask.action' && who === 'sam' && revision === 'editing') {
        revision = 'resubmitted';
        await say(email, REVISED_ACTION);
      } else if (who === 'daan' && substitute === 'none' && handInButton(message)) {
        // Daan hands in his first substitute assignment (his reports stay missing).
        substitute = 'handed-in';
        const { view } = await click(email, handInButton(message) as Button);
        if (!view?.form) return;
        printer.typed(person(email), SUBSTITUTE_WORK);
        await act(email, {
          type: 'action',
          actionId: view.form.submitActionId,
          ...(view.form.value !== undefined ? { value: view.form.value } : {}),
          formValues: { substitute: SUBSTITUTE_WORK },
        });
      } else if (key === 'checkin.ask.learned') await say(email, checkin.learned, true);
      else if (key === 'checkin.ask.talk' || key === 'checkin.ask.topic') await say(email, 'nee', true);
      else if (key.startsWith('starr.ask.')) {
        const step = key.slice('starr.ask.'.length);
        await say(
          email,
          report[step] ?? 'Ik heb deze stap met mijn begeleider besproken en ik ga zo verder.',
        );
      } else if (key === 'starr.summary') await say(email, 'verstuur');
      else if (key === 'reports.reminder-before' || key === 'reports.due-today') {
        if (!writesReports) return;
        if (who === 'noor' && !missedOne && skipsThisOne()) return;
        await say(email, 'start');
      } else if (key === 'escalation.miss-detected.student' && who === 'noor') {
        missedOne = true;
        const at = clock.now().getTime() + NOOR_DELAY_MS;
        later.push({ at, run: async () => void (await say(email, 'start')) });
      }
    };
  }

  /** Noor ignores the reminders in the days before the deadline she is going to miss. */
  function skipsThisOne(): boolean {
    const today = clock.now().toISOString().slice(0, 10);
    const daysBefore = (Date.parse(options.noorSkipsDueDate) - Date.parse(today)) / 86_400_000;
    return daysBefore >= 0 && daysBefore <= 4;
  }

  function mentor(email: string): Script {
    return async (message) => {
      const buttons = buttonsOf(message);
      if (message.key === 'checkin.mentor.talk') {
        const yes = buttons.find((b) => b.style === 'primary') ?? buttons[0];
        if (yes) await click(email, yes, true);
      } else if (message.key === 'checkin.mentor.note') {
        const skip = buttons[0];
        if (skip) await click(email, skip, true);
      } else if (message.key === 'feedback.notice') {
        const read = buttons[0];
        if (!read) return;
        const { view } = await click(email, read);
        if (!view?.form) return;
        const about = view.summary.includes('Noor') ? 'noor' : 'sam';
        // Sam's first report: "graag aanvullen"; after the revision, and every other time, "akkoord".
        const needsMore = about === 'sam' && revision === 'none';
        if (needsMore) revision = 'requested';
        else if (about === 'sam' && revision === 'resubmitted') revision = 'approved';
        const feedback = needsMore ? NEEDS_MORE_TEXT : (FEEDBACK_TEXT[about] ?? 'Dank je wel.');
        printer.typed(person(email), `${needsMore ? 'graag aanvullen' : 'akkoord'} — ${feedback}`);
        await act(email, {
          type: 'action',
          actionId: view.form.submitActionId,
          ...(view.form.value !== undefined ? { value: view.form.value } : {}),
          formValues: { verdict: needsMore ? 'needs-more' : 'approved', feedback },
        });
      }
    };
  }

  function coordinator(email: string): Script {
    return async (message) => {
      if (message.key === 'escalation.insufficient.coordinator')
        await act(email, { type: 'command', text: 'overzicht' });
      if (message.key === 'substitute.handed-in' && substitute === 'handed-in') {
        // Read the work privately and assess it: done, with a note for the student.
        const read = buttonsOf(message).find((b) => b.actionId === 'substitute.read');
        if (!read) return;
        const { view } = await click(email, read);
        if (!view?.form) return;
        printer.typed(person(email), `afgerond — ${SUBSTITUTE_NOTE}`);
        await act(email, {
          type: 'action',
          actionId: view.form.submitActionId,
          ...(view.form.value !== undefined ? { value: view.form.value } : {}),
          formValues: { assessment: 'accepted', note: SUBSTITUTE_NOTE },
        });
        substitute = 'assessed';
      }
    };
  }

  const handInButton = (message: Message): Button | undefined =>
    buttonsOf(message).find((b) => b.actionId === 'substitute.open');

  const scripts = new Map<string, Script>([
    [SAMPLE_PEOPLE.sam.email, student('sam', SAMPLE_PEOPLE.sam.email, true)],
    [SAMPLE_PEOPLE.noor.email, student('noor', SAMPLE_PEOPLE.noor.email, true)],
    [SAMPLE_PEOPLE.daan.email, student('daan', SAMPLE_PEOPLE.daan.email, false)],
    [SAMPLE_PEOPLE.mentorCare.email, mentor(SAMPLE_PEOPLE.mentorCare.email)],
    [SAMPLE_PEOPLE.mentorChildcare.email, mentor(SAMPLE_PEOPLE.mentorChildcare.email)],
    [SAMPLE_PEOPLE.coordinator.email, coordinator(SAMPLE_PEOPLE.coordinator.email)],
  ]);

  return {
    receive(email, message) {
      inbox.push({ email, message });
    },
    story: () => ({
      revisionApproved: revision === 'approved',
      substituteAssessed: substitute === 'assessed',
    }),
    async react() {
      const now = clock.now().getTime();
      for (const task of later.filter((t) => t.at <= now)) {
        later.splice(later.indexOf(task), 1);
        await task.run();
      }
      // Depth first: what an act caused is answered before older messages, so each
      // conversation reads in one piece.
      const queue = inbox.splice(0);
      for (let round = 0; round < MAX_REACTIONS && queue.length > 0; round += 1) {
        const next = queue.shift() as Delivery;
        await scripts.get(next.email)?.(next.message);
        queue.unshift(...inbox.splice(0));
      }
      printer.flushRoutine();
    },
  };
}
