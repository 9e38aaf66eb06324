import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { checkinTextsFor as checkinTexts } from '../../src/core/checkin/messages';
import { textsFor as starrTexts } from '../../src/core/starr/messages';
import { checkins, conversationRefs, reports } from '../../src/infra/db/schema';
import { openCell } from '../../src/infra/db/sealed';
import { addGoal, placementIdOf, placementsCsv, reportsOf, type SeedPlacement } from '../testing/seed';
import {
  type CardPost,
  findSubmit,
  postsTo,
  postText,
  type SubmitData,
  type TeamsPerson,
  teamsActivity,
} from '../testing/teams-acts';
import { startTestRuntime, type TestRuntime } from '../testing/test-runtime';
import type { TeamsAct } from './fixtures';
import { FIXTURE_TENANT } from './fixtures';
import { PERSONAL_CHAT, STUDENT_AAD } from './test-harness';

/**
 * End to end through the real runtime (`createRuntime`) on Teams in development mode (no app
 * id, so no Bot Framework auth): activities on the real `/api/messages` endpoint, the real app
 * and database, and proactive sends through stored conversation references to a fake Bot
 * Connector (`serviceUrl`) that records every call.
 */
const STUDENT: TeamsPerson = {
  aadObjectId: STUDENT_AAD,
  userId: '29:1AbCdEfStudentTeamsUserId',
  userName: 'Sanne de Vries',
  conversationId: PERSONAL_CHAT,
  email: 'sanne@school.example',
};
const MENTOR: TeamsPerson = {
  aadObjectId: '9a8b7c6d-0000-4000-8000-00000000a001',
  userId: '29:1MentorMarkTeamsUserId',
  userName: 'Mark Jansen',
  conversationId: 'a:1MentorMarkPersonalChat',
  email: 'mark@zorggroep.example',
};
const PLACEMENT: SeedPlacement = {
  studentEmail: STUDENT.email,
  studentName: 'Sanne de Vries',
  mentorEmail: MENTOR.email,
  mentorName: 'Mark Jansen',
  startDate: '2025-02-24',
  endDate: '2025-06-27',
  coordinatorEmail: 'petra@roc.example',
  coordinatorName: 'Petra Bakker',
  cohort: 'zorg-2025',
};

let rt: TestRuntime | undefined;
afterEach(async () => {
  await rt?.close();
  rt = undefined;
});

async function start(): Promise<TestRuntime> {
  rt = await startTestRuntime({ now: '2025-03-07T09:00:00Z' });
  expect(await rt.seed(placementsCsv([PLACEMENT]))).toMatchObject({ applied: true, created: 1 });
  return rt;
}

/** Acts of people in Teams; each waits for the app and delivers what it wrote. */
function actor(runtime: TestRuntime) {
  let acts = 0;
  let ids = 0;
  async function post(person: TeamsPerson, act: TeamsAct, at?: Date): Promise<Date> {
    runtime.clock.advance(30_000);
    const actedAt = at ?? runtime.clock.now();
    ids += 1;
    // The fake connector's member lookup answers with this person's e-mail (cached after).
    runtime.connector.member.email = person.email;
    runtime.connector.member.userPrincipalName = person.email;
    const response = await runtime.postTeams(
      teamsActivity(runtime.connector, person, act, {
        id: `1741000000${String(ids).padStart(3, '0')}`,
        at: actedAt,
      }),
    );
    expect(response.status).toBe(200);
    if (act.kind !== 'installation') {
      acts += 1;
      await runtime.waitForActs(acts);
    }
    await runtime.deliver();
    return actedAt;
  }
  return {
    install: (person: TeamsPerson) => post(person, { kind: 'installation', action: 'add' }),
    say: (person: TeamsPerson, text: string) => post(person, { kind: 'text', text }),
    press: (person: TeamsPerson, data: SubmitData, formValues: Record<string, string> = {}, at?: Date) =>
      post(person, { kind: 'submit', ...data, formValues }, at),
  };
}

const lastPostTo = (runtime: TestRuntime, person: TeamsPerson): CardPost | undefined =>
  postsTo(runtime.connector, person.conversationId).at(-1);

describe('a proactive check-in on Teams', () => {
  it('stores a reference on install, sends the Friday check-in card through it and records the answers', async () => {
    const runtime = await start();
    const act = actor(runtime);

    await act.install(STUDENT);
    await act.install(MENTOR);
    const [ref] = await runtime.db
      .select()
      .from(conversationRefs)
      .where(eq(conversationRefs.key, STUDENT.aadObjectId));
    expect(ref).toMatchObject({ platform: 'teams', tenant: FIXTURE_TENANT, email: STUDENT.email });
    expect(ref?.ref).toMatchObject({
      serviceUrl: runtime.connector.url,
      conversation: { id: PERSONAL_CHAT },
    });
    const beforeTick = runtime.connector.posted().length;

    await runtime.tick('2025-03-07T12:00:00Z'); // Friday 13:00 in Amsterdam

    const sent = runtime.connector.posted().slice(beforeTick);
    const prompt = sent.find((post) => post.conversationId === PERSONAL_CHAT);
    expect(prompt?.replyToId).toBeUndefined(); // a new post, not a reply to some earlier activity
    expect(postText(prompt as CardPost)).toContain('Sanne');
    expect(sent.filter((post) => post.conversationId === MENTOR.conversationId)).toHaveLength(1);

    const moodAt = await act.press(STUDENT, findSubmit(prompt, 'checkin.mood', '4'));
    expect(postText(lastPostTo(runtime, STUDENT) as CardPost)).toContain(checkinTexts('nl')['ask.learned']);
    await act.say(STUDENT, 'Ik heb geleerd hoe ik een tillift veilig gebruik');
    await act.say(STUDENT, 'nee');

    const [row] = await runtime.db
      .select()
      .from(checkins)
      .where(eq(checkins.placementId, await placementIdOf(runtime.db, STUDENT.email)));
    const { cipher } = runtime.runtime;
    expect(row?.moodEnc).toMatch(/^v2\./);
    expect(openCell(cipher, checkins, 'moodEnc', row)).toBe('4');
    expect(openCell(cipher, checkins, 'learnedEnc', row)).toBe(
      'Ik heb geleerd hoe ik een tillift veilig gebruik',
    );
    expect(row?.wantsTalk).toBe(false);
    expect(row?.answeredAt?.toISOString()).toBe(moodAt.toISOString());
    expect(await runtime.failedSends()).toEqual([]);
  });
});

describe('a whole STARR report on Teams, from start to the mentor’s feedback', () => {
  const answers = {
    situation:
      'Tijdens de ochtenddienst moest ik de overdracht doen aan het team omdat mijn begeleider ziek was en er veel nieuwe collega’s waren',
    task: 'Mijn taak was om alle bijzonderheden van de bewoners duidelijk en volledig door te geven aan de collega’s van de middagdienst',
    action:
      'Ik heb eerst een lijstje gemaakt, daarna heb ik per bewoner kort verteld wat er speelde en ik voelde me zenuwachtig maar ook trots',
    result:
      'De collega’s wisten precies wat ze moesten doen en stelden weinig vragen, omdat ik alles in een vaste volgorde had verteld',
    reflection:
      'Reflectie zeldzaamwoord: ik heb geleerd dat voorbereiding rust geeft, en de volgende keer ga ik ook vragen of iedereen het begrepen heeft',
  };
  const GOAL = 'Ik communiceer helder bij overdrachten';

  it('leads the student through every step by cards and text, and brings the mentor’s feedback back', async () => {
    const runtime = await start();
    // The report about March can be handed in from 20 March (a reflection looks back).
    runtime.clock.set('2025-03-21T09:00:00Z');
    await addGoal(runtime.db, STUDENT.email, GOAL);
    const act = actor(runtime);
    const t = starrTexts('nl');
    await act.install(STUDENT);
    await act.install(MENTOR);

    await act.say(STUDENT, 'start');
    expect(postText(lastPostTo(runtime, STUDENT) as CardPost)).toContain(t['ask.goal']);
    await act.press(STUDENT, findSubmit(lastPostTo(runtime, STUDENT), 'starr.goal', '0'));
    for (const answer of Object.values(answers)) await act.say(STUDENT, answer);
    const summary = lastPostTo(runtime, STUDENT);
    expect(postText(summary as CardPost)).toContain(t.summaryText(6, 6));
    const submitAt = new Date(runtime.clock.now().getTime() - 90_000 + 456);
    await act.press(STUDENT, findSubmit(summary, 'starr.submit'), {}, submitAt);

    const asked = postsTo(runtime.connector, PERSONAL_CHAT)
      .map(postText)
      .flatMap((text) =>
        (['goal', 'situation', 'task', 'action', 'result', 'reflection'] as const).filter((step) =>
          text.includes(t[`ask.${step}`]),
        ),
      );
    expect(asked).toEqual(['goal', 'situation', 'task', 'action', 'result', 'reflection']);

    const notice = lastPostTo(runtime, MENTOR);
    expect(notice?.replyToId).toBeUndefined();
    expect(postText(notice as CardPost)).not.toContain('zeldzaamwoord');
    const openAt = await act.press(MENTOR, findSubmit(notice, 'reflection.open'));

    // The reflection is shown as a reply in the mentor's own personal chat.
    const view = lastPostTo(runtime, MENTOR) as CardPost;
    expect(view.replyToId).toBeDefined();
    expect(postText(view)).toContain('Reflectie zeldzaamwoord');
    expect(openAt.getTime()).toBeGreaterThan(submitAt.getTime());
    await act.press(MENTOR, findSubmit(view, 'reflection.feedback'), {
      verdict: 'approved',
      feedback: 'Mooi uitgewerkt, vooral je voorbereiding',
    });

    const feedback = lastPostTo(runtime, STUDENT) as CardPost;
    expect(postText(feedback)).toContain('Mooi uitgewerkt, vooral je voorbereiding');
    expect(postText(feedback)).toContain('Mark Jansen');
    const readers = runtime.connector
      .posted()
      .filter((post) => postText(post).includes('zeldzaamwoord'))
      .map((post) => post.conversationId);
    expect(new Set(readers)).toEqual(new Set([PERSONAL_CHAT, MENTOR.conversationId]));

    const [report] = await reportsOf(runtime.db, STUDENT.email);
    expect(report?.submittedAt?.toISOString()).toBe(submitAt.toISOString());
    expect(report?.feedbackVerdict).toBe('approved');
    expect(report?.contentEnc).toMatch(/^v2\./);
    expect(JSON.parse(openCell(runtime.runtime.cipher, reports, 'contentEnc', report))).toEqual({
      goal: GOAL,
      ...answers,
    });
    expect(await runtime.failedSends()).toEqual([]);
  });
});
