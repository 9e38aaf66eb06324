import { and, eq, gt, inArray, max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../core/messages/model';
import { STAFF_MESSAGE_LIMITS } from '../core/notices/staff-list';
import { checkins, outbox, placements } from '../infra/db/schema';
import { sealedAt } from '../infra/db/sealed';
import { silentLogger } from '../infra/logging';
import { recipientKey } from '../infra/outbox/keys';
import { runDueJobsAt } from '../infra/scheduler';
import { type AppHarness, createAppHarness, textOf } from './testing/app-harness';
import { COORDINATOR, HEADER, MENTOR, SEEDED_AT, STUDENT } from './testing/fixtures';

/**
 * A coordinator with 400 students and mentors with 30 each: one message per staff member per job
 * run (split only by platform limits), every student named, typed answers on the mentor's list.
 *
 * What it costs is the ~2,500 messages the runs queue (400 students' own each time) and the jobs
 * loading 400 placements. So: Friday 1 is a whole tick, every job and the outbox delivered through
 * the dispatcher (delivery at this scale stays proven, and the typed answers work on what the
 * mentor got). Fridays 2 and 3 exist only so that three check-ins go unanswered: for them only the
 * real check-in job runs (nothing else had anything due then). Friday 4 is a whole run of every
 * job; the deadline sweep is the escalation job's run and the evaluation reminders the evaluation
 * job's (the property is one message per staff member per job run; the other jobs, each loading all
 * 400 placements, had nothing due at those instants). From Friday 2 on, what a run sent each person
 * is read from the outbox rows it queued (the console gateway delivers a queued message as is), and
 * those rows are then marked sent without going through the dispatcher, so nothing is delivered
 * twice later and the idempotency keys stay in place for the re-run check at the end.
 */
const STUDENTS = 400;
const PER_MENTOR = 30;
const FRIDAYS = ['2027-02-05', '2027-02-12', '2027-02-19', '2027-02-26'].map(
  (day) => new Date(`${day}T12:00:00Z`), // 13:00 in Amsterdam: the check-in moment
);
/** The first monthly report was due Monday 1 March: the misses are swept the next morning. */
const DEADLINE_SWEEP = new Date('2027-03-02T12:00:00Z');
/** A week before the mid-term evaluation of 17 March. */
const EVALUATION_REMINDERS = new Date('2027-03-10T12:00:00Z');

const nameOf = (i: number) =>
  i === 0 ? 'Sam de Vries' : i === 1 ? 'Lisa Bakker' : i === 2 ? 'Lisa Smit' : `Kim${i} Jansen`;
const emailOf = (i: number) => (i === 0 ? STUDENT : `student${i}@school.nl`);
const mentorOf = (i: number) =>
  Math.floor(i / PER_MENTOR) === 0 ? MENTOR : `mentor${Math.floor(i / PER_MENTOR)}@zorg.nl`;

function cohortCsv(): string {
  const rows = [`${HEADER},mid_evaluation_date`];
  for (let i = 0; i < STUDENTS; i++) {
    rows.push(
      `${emailOf(i)},${nameOf(i)},${mentorOf(i)},Mentor ${Math.floor(i / PER_MENTOR)},2027-02-01,2027-06-30,${COORDINATOR},Cor Coördinator,Zorg 2027,2027-03-17`,
    );
  }
  return rows.join('\n');
}

const MENTORS = [...new Set(Array.from({ length: STUDENTS }, (_, i) => mentorOf(i)))];
const sizeOf = (message: Message) => new TextEncoder().encode(JSON.stringify(message.blocks)).length;

/** Messages each person got from one tick, by key prefix. */
type TickLog = Map<string, Message[]>;

describe('staff get one message per job run, at school scale', () => {
  let h: AppHarness;
  const fridays: TickLog[] = [];
  let sweep: TickLog;
  let evaluations: TickLog;
  let talkList: Message;
  let placementOf: Map<string, string>;

  /** The staff and Sam by outbox conversation: the only rows read back (see `runAndRead`). */
  let emailOfConversation: Map<string, string>;

  /**
   * Runs jobs due at `at` (all, or the named ones) as `tick` does, without draining: returns what
   * they queued for the staff and Sam, by recipient, and marks everything they queued sent, as the
   * dispatcher would after delivering it (the other students' rows are queued, never read).
   */
  async function runAndRead(at: Date, only?: readonly string[]): Promise<TickLog> {
    h.clock.set(at);
    const [last] = await h.database.db.select({ id: max(outbox.id) }).from(outbox);
    const jobs = h.app.jobs.filter((job) => !only || only.includes(job.name));
    const reports = await runDueJobsAt(h.database.db, jobs, at, {
      logger: silentLogger,
      instanceId: 'harness-tick',
      clock: h.clock,
    });
    expect(reports.filter((report) => report.failed)).toEqual([]);
    const queued = gt(outbox.id, last?.id ?? 0);
    // All of it is due now: a drain at `at` would have delivered every row queued.
    const later = await h.database.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(queued, gt(outbox.nextAttemptAt, at)));
    expect(later).toEqual([]);
    const rows = await h.database.db
      .select({
        key: outbox.idempotencyKey,
        conversation: outbox.conversationKey,
        payload: outbox.payloadEnc,
      })
      .from(outbox)
      .where(and(queued, inArray(outbox.conversationKey, [...emailOfConversation.keys()])))
      .orderBy(outbox.id);
    const log: TickLog = new Map();
    for (const row of rows) {
      const to = emailOfConversation.get(row.conversation as string) as string;
      const message = h.cipher.decryptJson<Message>(row.payload, sealedAt.outboxPayload(row.key));
      log.set(to, [...(log.get(to) ?? []), message]);
    }
    await h.database.db
      .update(outbox)
      .set({ status: 'sent', sentAt: at })
      .where(and(queued, eq(outbox.status, 'pending')));
    return log;
  }

  async function tickAndLog(at: Date): Promise<TickLog> {
    const before = h.sent.length;
    await h.tick(at);
    const log: TickLog = new Map();
    for (const delivery of h.sent.slice(before)) {
      log.set(delivery.to, [...(log.get(delivery.to) ?? []), delivery.message]);
    }
    return log;
  }
  const keyed = (log: TickLog, email: string, prefix: string) =>
    (log.get(email) ?? []).filter((message) => message.key.startsWith(prefix));

  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(cohortCsv(), SEEDED_AT);
    const rows = await h.database.db
      .select({ id: placements.id, studentId: placements.studentId })
      .from(placements);
    const byStudent = new Map(rows.map((row) => [row.studentId, row.id]));
    placementOf = new Map();
    for (let i = 0; i < PER_MENTOR; i++) {
      placementOf.set(nameOf(i), byStudent.get(await h.personId(emailOf(i))) as string);
    }
    emailOfConversation = new Map();
    for (const email of [...MENTORS, COORDINATOR, STUDENT]) {
      emailOfConversation.set(recipientKey({ kind: 'person', personId: await h.personId(email) }), email);
    }
    fridays.push(await tickAndLog(FRIDAYS[0] as Date));
    talkList = keyed(fridays[0] as TickLog, MENTOR, 'checkin.mentor.talk')[0] as Message;
  }, 600_000);
  afterAll(() => h.close());

  /** "3. Sam de Vries" lines of the mentor's list, as name → number. */
  const numbers = () => {
    const listed = talkList.blocks.map((block) => (block.type === 'text' ? block.text : '')).join('\n');
    return new Map([...listed.matchAll(/^(\d+)\. (.+)$/gm)].map((m) => [m[2] as string, Number(m[1])]));
  };

  async function talkOf(names: readonly string[]) {
    const ids = names.map((name) => placementOf.get(name) as string);
    const rows = await h.database.db
      .select({ placementId: checkins.placementId, talk: checkins.mentorTalk })
      .from(checkins)
      .where(inArray(checkins.placementId, ids));
    return new Map(
      names.map((name) => [name, rows.find((r) => r.placementId === placementOf.get(name))?.talk ?? null]),
    );
  }

  it('asks each mentor once on Friday, numbering all 30 students with a yes/no pair each', () => {
    const friday = fridays[0] as TickLog;
    for (const mentor of MENTORS) expect(keyed(friday, mentor, 'checkin.mentor.talk')).toHaveLength(1);
    expect(numbers().size).toBe(PER_MENTOR);
    const listed = textOf(talkList);
    for (let i = 0; i < PER_MENTOR; i++) expect(listed).toContain(nameOf(i));
    const buttons = talkList.blocks.flatMap((block) => (block.type === 'actions' ? block.buttons : []));
    expect(buttons).toHaveLength(2 * PER_MENTOR);
    expect(keyed(friday, COORDINATOR, 'checkin.coordinator')).toHaveLength(0);
  });

  it('asks back, changing nothing, on a plain "ja", a shared first name or an unknown number', async () => {
    const mentorAt = (minute: number) => new Date(FRIDAYS[0]!.getTime() + minute * 60_000);
    await h.say(MENTOR, 'ja', mentorAt(5));
    await h.say(MENTOR, 'nee Lisa', mentorAt(6));
    await h.say(MENTOR, 'ja 31', mentorAt(7));
    const replies = h.sentTo(MENTOR, 'checkin.mentor.list').slice(-3);
    expect(replies.map((reply) => reply.key)).toEqual([
      'checkin.mentor.list.which',
      'checkin.mentor.list.which',
      'checkin.mentor.list.unknown',
    ]);
    expect(textOf(replies[1] as Message)).toContain('Lisa Bakker');
    const talks = await talkOf([...placementOf.keys()]);
    expect([...talks.values()].every((talk) => talk === null)).toBe(true);
  });

  it('applies "ja 1 3" to students 1 and 3 and "nee Sam" to Sam only', async () => {
    const list = numbers();
    const at = (list: Map<string, number>, n: number) => [...list].find(([, k]) => k === n)?.[0] as string;
    await h.say(MENTOR, 'ja 1 3', new Date(FRIDAYS[0]!.getTime() + 10 * 60_000));
    await h.say(MENTOR, 'nee Sam', new Date(FRIDAYS[0]!.getTime() + 11 * 60_000));
    const talks = await talkOf([...placementOf.keys()]);
    const first = at(list, 1);
    const third = at(list, 3);
    expect(talks.get(first)).toBe('yes');
    expect(talks.get(third)).toBe('yes');
    expect(talks.get('Sam de Vries')).toBe(
      first === 'Sam de Vries' || third === 'Sam de Vries' ? 'yes' : 'no',
    );
    const others = [...talks].filter(([name]) => ![first, third, 'Sam de Vries'].includes(name));
    expect(others.every(([, talk]) => talk === null)).toBe(true);
    expect(textOf(h.sentTo(MENTOR, 'checkin.mentor.list.recorded').at(-1) as Message)).toContain(first);
  });

  it('sends the coordinator one alert naming all 400 students once the third check-in is missed', async () => {
    // Fridays 2 and 3: the check-in job alone (see the top); Friday 4: every job.
    for (const friday of FRIDAYS.slice(1, 3)) fridays.push(await runAndRead(friday, ['checkins']));
    fridays.push(await runAndRead(FRIDAYS[3] as Date));
    for (const [index, friday] of fridays.entries()) {
      for (const mentor of MENTORS) expect(keyed(friday, mentor, 'checkin.mentor.talk')).toHaveLength(1);
      // Three unanswered check-ins in a row are known when the fourth is sent.
      expect(keyed(friday, COORDINATOR, 'checkin.coordinator.missed')).toHaveLength(index === 3 ? 1 : 0);
    }
    const [alert] = keyed(fridays[3] as TickLog, COORDINATOR, 'checkin.coordinator.missed');
    const alerted = textOf(alert as Message);
    for (let i = 0; i < STUDENTS; i++) expect(alerted).toContain(nameOf(i));
  }, 600_000);

  it('sends the coordinator one miss summary on the deadline sweep, naming every student', async () => {
    sweep = await runAndRead(DEADLINE_SWEEP, ['escalation']);
    const summaries = keyed(sweep, COORDINATOR, 'escalation.');
    expect(summaries).toHaveLength(1);
    const text = textOf(summaries[0] as Message);
    for (let i = 0; i < STUDENTS; i++) expect(text).toContain(nameOf(i));
    expect(text).toContain('1e gemiste verslag');
    expect(text).toContain('mijn');
    // Students keep their own message each.
    expect(keyed(sweep, STUDENT, 'escalation.miss-detected.student')).toHaveLength(1);
    for (const mentor of MENTORS) expect((sweep.get(mentor) ?? []).length).toBeLessThanOrEqual(1);
  }, 600_000);

  it('sends each mentor one evaluation reminder naming all their students', async () => {
    evaluations = await runAndRead(EVALUATION_REMINDERS, ['evaluation-reminders']);
    for (const mentor of MENTORS) expect(keyed(evaluations, mentor, 'reports.evaluation')).toHaveLength(1);
    const [reminder] = keyed(evaluations, MENTOR, 'reports.evaluation');
    const reminded = textOf(reminder as Message);
    for (let i = 0; i < PER_MENTOR; i++) expect(reminded).toContain(nameOf(i));
    expect(keyed(evaluations, STUDENT, 'reports.evaluation')).toHaveLength(1);
  }, 600_000);

  it('keeps every staff message within the shared platform limits', () => {
    const staff = [MENTOR, COORDINATOR];
    const all = [...fridays, sweep, evaluations].flatMap((log) =>
      staff.flatMap((email) => log.get(email) ?? []),
    );
    for (const message of all) {
      expect(message.blocks.length).toBeLessThanOrEqual(STAFF_MESSAGE_LIMITS.blocks);
      expect(sizeOf(message)).toBeLessThanOrEqual(STAFF_MESSAGE_LIMITS.bytes);
    }
  });

  it('sends nothing twice when a job runs the same window again (another instance, a restart)', async () => {
    const before = h.sent.length;
    const job = (name: string) => h.app.jobs.find((j) => j.name === name);
    const day = 86_400_000;
    const again = async (name: string, to: Date) =>
      job(name)?.run({ from: new Date(to.getTime() - day), to });
    expect(await again('checkins', FRIDAYS[3] as Date)).toBe('check-ins: 0 message(s)');
    expect(await again('escalation', DEADLINE_SWEEP)).toMatch(/, 0 message\(s\)$/);
    expect(await again('evaluation-reminders', EVALUATION_REMINDERS)).toBe('evaluation reminders: 0');
    await h.dispatcher.drain();
    expect(h.sent).toHaveLength(before);
  }, 600_000);
});
