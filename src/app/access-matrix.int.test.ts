import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, ACTION_SCOPES, type ActionId } from '../core/access/actions';
import { COMMAND_TABLE } from '../core/commands';
import type { CommandName, CommandScope } from '../core/commands/types';
import { rowsOf } from '../infra/db/rows';
import { cohorts, coordinators, people, placements, reports } from '../infra/db/schema';
import { sealedAt } from '../infra/db/sealed';
import type { InboundPayload } from './inbound';
import { type AppHarness, createAppHarness } from './testing/app-harness';
import { createDataWatch, describeChanges, rowChanges, type Snapshot } from './testing/snapshot';

/**
 * The authorization matrix, generated from the command table and the action table: every
 * command and every button is tried as a student, a mentor, a coordinator of cohort A, a
 * coordinator of cohort B, a coordinator of all cohorts — and as the student and mentor who own
 * the data — against data in cohort B. Allowed acts must not be refused; refused acts must
 * change nothing (no row anywhere, no message to anyone else).
 */
const AT = new Date('2027-02-05T15:00:00Z'); // Friday, after the 13:00 check-in
const SEEDED = new Date('2027-01-15T09:00:00Z');
const HEADER =
  'student_email,student_name,mentor_email,mentor_name,start_date,end_date,coordinator_email,coordinator_name,cohort';

const ACTORS = {
  student: 'sa@school.nl',
  mentor: 'ma@zorg.nl',
  'coordinator A': 'ca@school.nl',
  'coordinator B': 'cb@school.nl',
  'all cohorts': 'boss@school.nl',
  'owning student': 'sb@school.nl',
  'owning mentor': 'mb@zorg.nl',
} as const;
type Actor = keyof typeof ACTORS;

/** Who may, by declared scope; `own` is checked separately (nobody else's data changes). */
function allowed(scope: CommandScope, actor: Actor): boolean {
  switch (scope) {
    case 'own':
      return true;
    case 'own-students':
      return actor === 'owning mentor' || actor === 'coordinator B' || actor === 'all cohorts';
    case 'own-cohorts':
      return actor === 'coordinator B' || actor === 'all cohorts';
    case 'all-cohorts':
      return actor === 'all cohorts';
  }
}

const REFUSALS = new Set([
  'command.forbidden',
  'command.not-your-cohort',
  'command.needs-all-cohorts',
  'feedback.forbidden',
  'details.forbidden',
  'nothing.open',
  'substitute.none',
  'import.rejected',
]);

/**
 * One concrete invocation per command, against cohort B. `{student}` is a fresh student of
 * cohort B for every case (so an allowed erase or pause never spoils the next case); `{new}` an
 * address nobody has. The `Record` makes a new command without an entry fail the build.
 */
const COMMAND_CASES: Record<CommandName, (student: string, fresh: string) => InboundPayload> = {
  help: () => command('help'),
  me: () => command('mijn'),
  overview: () => command('overzicht B-2027'),
  add: (_s, fresh) =>
    command(
      `toevoegen student=${fresh} naam=Nieuw mentor=mb@zorg.nl start=2027-02-01 eind=2027-06-30 cohort=B-2027`,
    ),
  import: (_s, fresh) => ({
    type: 'file',
    name: 'p.csv',
    text: 'importeer',
    content: `${HEADER}\n${fresh},Nieuw,mb@zorg.nl,Mira B,2027-02-01,2027-06-30,,,B-2027\n`,
  }),
  pause: (s) => command(`pauzeer ${s} 2027-02-08 2027-02-21 ziek`),
  resume: (s) => command(`hervat ${s} 2027-02-15`),
  excuse: (s) => command(`excuseer ${s} 2027-03-01 ziek`),
  substitute: (s) => command(`vervangend ${s} Schrijf een verslag over de overdracht`),
  'check-off': (s) => command(`afvinken ${s}`),
  remind: (s) => command(`herinner ${s}`),
  channel: () => command('kanaal B-2027'),
  settings: () => command('instellingen B-2027 grace_days=4'),
  export: () => command('export json B-2027'),
  erase: (s) => command(`wis ${s} bevestig`),
  coordinator: (_s, fresh) => command(`coordinator toevoegen ${fresh} B-2027`),
  reset: (s) => command(`reset ${s}`),
};

function command(text: string): InboundPayload {
  return { type: 'command', text };
}

/** Who owns the state an `own` button acts on (the student's check-in, the mentor's question). */
const OWNER_OF: Partial<Record<ActionId, Actor>> = {
  'checkin.mentor.talk': 'owning mentor',
  'checkin.mentor.note-skip': 'owning mentor',
};

type Totals = { tried: number; allowed: number; ownOnly: number; refused: number; changedOnRefusal: number };
const totals: Totals = { tried: 0, allowed: 0, ownOnly: 0, refused: 0, changedOnRefusal: 0 };

let h: AppHarness;
let watch: ReturnType<typeof createDataWatch>;
let bIds: string[] = [];
let placementB = '';
let reportB = '';
let week = '';
let studentCounter = 0;
const students: string[] = [];

/** Messages in the outbox per recipient (`null`: no person, e.g. a channel). */
async function outboxByRecipient(): Promise<Map<string | null, number>> {
  const rows = rowsOf<{ person: string | null; n: number }>(
    await h.database.db.execute(
      sql`select recipient->>'personId' as person, count(*)::int as n from outbox group by 1`,
    ),
  );
  return new Map(rows.map((row) => [row.person, row.n]));
}

/** Messages to anyone but `actorId`: a recipient without a person (a channel) is someone else too. */
function toOthers(outbox: Map<string | null, number>, actorId: string): number {
  let n = 0;
  for (const [person, count] of outbox) if (person !== actorId) n += count;
  return n;
}

/**
 * The data and the outbox as the last case left them. Nothing runs between cases (the harness
 * only acts when told), so they are also what the next case starts from: a change made in
 * between would be blamed on the next case, never missed.
 */
let seen: { data: Snapshot; outbox: Map<string | null, number> };

async function look(): Promise<typeof seen> {
  return { data: await watch.state(), outbox: await outboxByRecipient() };
}

/**
 * One case, with the data compared before and after. The comparison is a digest computed in the
 * database (see `createDataWatch`): rows are read only when something did change, and then every
 * changed row is named.
 */
async function run(actor: Actor, payload: InboundPayload) {
  const email = ACTORS[actor];
  const actorId = await h.personId(email).catch(() => '');
  const before = seen;
  const result = await h.act(email, payload, AT);
  const keys = [...result.replies, ...(result.view ? [result.view] : [])].map((m) => m.key);
  // Conversation replies go through the outbox to the actor; their keys count as the outcome too.
  const answered = h.sent.splice(0).map((d) => d.message.key);
  seen = await look();
  const changes = rowChanges(before.data, seen.data);
  // The changed rows that mention cohort B (its placements, its people).
  const changesB = changes.filter((change) => bIds.some((id) => change.row.includes(id)));
  return {
    keys: [...keys, ...answered],
    changed: changes.length,
    changes: describeChanges(changes),
    changedB: changesB.length,
    changesB: describeChanges(changesB),
    messagedOthers: toOthers(seen.outbox, actorId) - toOthers(before.outbox, actorId),
  };
}

function check(scope: CommandScope, actor: Actor, outcome: Awaited<ReturnType<typeof run>>, owner?: Actor) {
  totals.tried++;
  if (scope === 'own') {
    // Own data only: whatever the answer, cohort B's data stays as it was unless it is theirs.
    if (actor !== (owner ?? 'owning student')) {
      expect(outcome.changedB, `${actor} changed cohort B data:\n${outcome.changesB}`).toBe(0);
      if (outcome.keys.some((k) => REFUSALS.has(k))) totals.refused++;
      else totals.ownOnly++;
    } else totals.allowed++;
    return;
  }
  const refused = outcome.keys.some((k) => REFUSALS.has(k));
  if (allowed(scope, actor)) {
    totals.allowed++;
    expect(refused, `${actor} was refused: ${outcome.keys.join(',')}`).toBe(false);
  } else {
    totals.refused++;
    if (outcome.changed > 0 || outcome.messagedOthers > 0) totals.changedOnRefusal++;
    expect(refused, `${actor} was not refused: ${outcome.keys.join(',')}`).toBe(true);
    expect(outcome.changed, `${actor}: rows changed on refusal:\n${outcome.changes}`).toBe(0);
    expect(outcome.messagedOthers, `${actor}: messages to others on refusal`).toBe(0);
  }
}

beforeAll(async () => {
  h = await createAppHarness({ start: SEEDED });
  await h.seed(
    `${HEADER}
sa@school.nl,Sam A,ma@zorg.nl,Mira A,2027-02-01,2027-06-30,ca@school.nl,Cor A,A-2027
sb@school.nl,Sam B,mb@zorg.nl,Mira B,2027-02-01,2027-06-30,cb@school.nl,Cor B,B-2027
`,
    SEEDED,
  );
  await h.database.db
    .insert(people)
    .values({ id: 'boss', email: 'boss@school.nl', name: 'Boss', createdAt: SEEDED });
  await h.database.db.insert(coordinators).values({ personId: 'boss', cohortId: null });
  // The Friday check-in: the students get their questions, the mentors their talk question.
  await h.tick(new Date('2027-02-05T12:00:00Z'));
  await h.tick(new Date('2027-02-05T14:00:00Z'));
  h.sent.splice(0);

  const COMMAND_STUDENTS = COMMAND_TABLE.length * Object.keys(ACTORS).length;
  const rows = Array.from({ length: COMMAND_STUDENTS }, (_, i) => {
    const email = `sb${i}@school.nl`;
    students.push(email);
    return `${email},Student B${i},mb@zorg.nl,Mira B,2027-02-01,2027-06-30,,,B-2027`;
  });
  await h.seed(`${HEADER}\n${rows.join('\n')}\n`, SEEDED);

  const [b] = await h.database.db.select().from(cohorts).where(eq(cohorts.name, 'B-2027'));
  const sb = await h.personId('sb@school.nl');
  const [placement] = await h.database.db.select().from(placements).where(eq(placements.studentId, sb));
  placementB = placement?.id ?? '';
  reportB = `${placementB}:monthly:2027-03-01`;
  await h.database.db.insert(reports).values({
    id: reportB,
    placementId: placementB,
    kind: 'monthly',
    dueDate: '2027-03-01',
    submittedAt: new Date('2027-02-04T10:00:00Z'),
    contentEnc: h.cipher.encryptJson(
      { situation: 'Een situatie op de afdeling.' },
      sealedAt.reportContent(reportB),
    ),
  });
  week = '2027-W05';
  const bPlacements = await h.database.db
    .select({ id: placements.id })
    .from(placements)
    .where(eq(placements.cohortId, b?.id ?? ''));
  const bPeople = await Promise.all(
    ['sb@school.nl', 'mb@zorg.nl', 'cb@school.nl', ...students].map((e) => h.personId(e)),
  );
  bIds = [b?.id ?? '', ...bPlacements.map((p) => p.id), ...bPeople];
  watch = createDataWatch(h.database.db);
  seen = await look();
}, 120_000);

afterAll(async () => {
  console.log(
    `authorization matrix: ${totals.tried} cases tried, ${totals.allowed} allowed, ${totals.ownOnly} acted on their own data only, ${totals.refused} refused, changed on refusal: ${totals.changedOnRefusal}`,
  );
  await h.close();
});

describe('every command, as every kind of person, against cohort B', () => {
  it.each(COMMAND_TABLE.map((spec) => [spec.name, spec.scope] as const))(
    '%s (scope %s)',
    async (name, scope) => {
      for (const actor of Object.keys(ACTORS) as Actor[]) {
        const student = students[studentCounter] ?? '';
        const fresh = `new${studentCounter}@school.nl`;
        studentCounter++;
        const outcome = await run(actor, COMMAND_CASES[name](student, fresh));
        check(scope, actor, outcome, name === 'me' || name === 'help' ? ('none' as Actor) : undefined);
      }
    },
    120_000,
  );
});

/** The value each button carries when it is about cohort B's data. */
function actionValue(id: ActionId): string | undefined {
  switch (id) {
    case 'reflection.open':
    case 'reflection.feedback':
      return reportB;
    case 'digest.details':
    case 'mentor.student-history':
      return placementB;
    case 'checkin.mentor.talk':
      return `yes|${placementB}@${week}`;
    case 'checkin.mentor.note-skip':
      return `${placementB}@${week}`;
    case 'checkin.mood':
      return '4';
    case 'checkin.talk':
      return 'no';
    case 'checkin.skip':
      return 'learned';
    case 'substitute.open':
    case 'substitute.submit':
      return `${placementB}:substitute:monthly:2027-03-01`;
    default:
      return undefined;
  }
}

describe('every button, as every kind of person, against cohort B', () => {
  it.each(ACTION_IDS.map((id) => [id, ACTION_SCOPES[id]] as const))(
    '%s (scope %s)',
    async (id, scope) => {
      const value = actionValue(id);
      for (const actor of Object.keys(ACTORS) as Actor[]) {
        const payload: InboundPayload = {
          type: 'action',
          actionId: id,
          ...(value !== undefined ? { value } : {}),
          ...(id === 'reflection.feedback' ? { formValues: { verdict: 'approved', feedback: 'Goed' } } : {}),
        };
        check(scope, actor, await run(actor, payload), OWNER_OF[id]);
      }
    },
    120_000,
  );
});

describe('the tables themselves', () => {
  it('declare a scope for every command and every button', () => {
    for (const spec of COMMAND_TABLE)
      expect(['own', 'own-students', 'own-cohorts', 'all-cohorts']).toContain(spec.scope);
    for (const id of ACTION_IDS) expect(ACTION_SCOPES[id]).toBeDefined();
  });

  it('keep creating cohorts and coordinators to the all-cohorts scope', () => {
    expect(COMMAND_TABLE.find((spec) => spec.name === 'coordinator')?.scope).toBe('all-cohorts');
  });
});
