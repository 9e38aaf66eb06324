import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { checkinTextsFor as checkinTexts } from '../../src/core/checkin/messages';
import { textsFor as starrTexts } from '../../src/core/starr/messages';
import { checkins, cohorts, reports } from '../../src/infra/db/schema';
import { openCell, sealedAt } from '../../src/infra/db/sealed';
import { addGoal, placementIdOf, placementsCsv, reportsOf, type SeedPlacement } from '../testing/seed';
import {
  callText,
  findButton,
  type OpenedModal,
  slackClick,
  slackDm,
  slackSlashCommand,
  slackViewSubmission,
} from '../testing/slack-acts';
import { startTestRuntime, type TestRuntime } from '../testing/test-runtime';
import type { RecordedCall } from './fixtures/fake-slack-api';
import { COORDINATOR, MENTOR, MENTOR_CHANNEL, STUDENT, STUDENT_DM, TEAM } from './fixtures/payloads';
import { SLACK_LIMITS } from './render';

/**
 * End to end through the real runtime (`createRuntime`): signed requests on the real HTTP
 * endpoint, the real app and database, the outbox dispatcher and the Slack gateway talking to
 * a local fake Web API that records every call. People come from the fake's directory.
 */
const MENTOR_DM = 'D0MENTOR';
const SANNE: SeedPlacement = {
  studentEmail: 'sanne@student.roc.nl',
  studentName: 'Sanne de Vries',
  mentorEmail: 'mark@zorggroep.nl',
  mentorName: 'Mark Jansen',
  startDate: '2025-02-24',
  endDate: '2025-06-27',
  coordinatorEmail: 'petra@roc.nl',
  coordinatorName: 'Petra Bakker',
  cohort: 'zorg-2025',
};
const GOAL = 'Ik communiceer helder bij overdrachten';

let rt: TestRuntime | undefined;
afterEach(async () => {
  await rt?.close();
  rt = undefined;
});

/** A Friday morning in Amsterdam; the first report (1 April) can be written from now on. */
async function start(placements: SeedPlacement[] = [SANNE]): Promise<TestRuntime> {
  rt = await startTestRuntime({ now: '2025-03-07T09:00:00Z' });
  const summary = await rt.seed(placementsCsv(placements));
  expect(summary).toMatchObject({ applied: true, created: placements.length });
  return rt;
}

/** One act by a person: post it, wait for the app to finish it, deliver what it wrote. */
function actor(runtime: TestRuntime) {
  let acts = 0;
  let events = 0;
  const done = async () => {
    acts += 1;
    await runtime.waitForActs(acts);
    await runtime.deliver();
  };
  return {
    async dm(text: string): Promise<Date> {
      runtime.clock.advance(30_000);
      const at = runtime.clock.now();
      events += 1;
      const eventId = `Ev0E2E${String(events).padStart(4, '0')}`;
      await runtime.postSlack('event', slackDm({ user: STUDENT, channel: STUDENT_DM, text, at, eventId }));
      await done();
      return at;
    },
    async click(
      user: string,
      channel: string,
      button: { action_id: string; value?: string },
      at?: Date,
    ): Promise<Date> {
      runtime.clock.advance(30_000);
      const actedAt = at ?? runtime.clock.now();
      events += 1;
      await runtime.postSlack(
        'interaction',
        slackClick({ user, channel, button, at: actedAt, triggerId: `trigger-${events}` }),
      );
      await done();
      return actedAt;
    },
    async submitModal(user: string, view: OpenedModal, values: Record<string, string>) {
      runtime.clock.advance(30_000);
      events += 1;
      const payload = slackViewSubmission({ user, view, values, triggerId: `trigger-${events}` });
      await runtime.postSlack('interaction', payload);
      await done();
    },
    async command(user: string, channel: string, text: string) {
      events += 1;
      const responseUrl = `${runtime.slackApi.origin}/commands/${TEAM}/${events}/respond`;
      await runtime.postSlack(
        'command',
        slackSlashCommand({ user, channel, text, triggerId: `trigger-${events}`, responseUrl }),
      );
      await done();
    },
  };
}

const postsTo = (runtime: TestRuntime, channel: string): RecordedCall[] =>
  runtime.slackApi.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);

const lastPostTo = (runtime: TestRuntime, channel: string): RecordedCall | undefined =>
  postsTo(runtime, channel).at(-1);

describe('a whole STARR report by DM, from start to the mentor’s feedback', () => {
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

  it('asks every step in order, notifies the mentor, opens the reflection in a modal and returns the feedback', async () => {
    const runtime = await start();
    // The report about March can be handed in from 20 March (a reflection looks back).
    runtime.clock.set('2025-03-21T09:00:00Z');
    await addGoal(runtime.db, SANNE.studentEmail, GOAL);
    const act = actor(runtime);
    const t = starrTexts('nl');

    await act.dm('start');
    await act.click(STUDENT, STUDENT_DM, findButton(lastPostTo(runtime, STUDENT), 'starr.goal', '0'));
    for (const answer of Object.values(answers)) await act.dm(answer);
    // The student hands in from the summary; the act's Slack time is what counts, not ours.
    const summary = lastPostTo(runtime, STUDENT);
    const submitAt = new Date(runtime.clock.now().getTime() - 90_000 + 123);
    await act.click(STUDENT, STUDENT_DM, findButton(summary, 'starr.submit'), submitAt);

    const questions = postsTo(runtime, STUDENT)
      .map((call) => String(call.args.text))
      .flatMap((text) =>
        (['goal', 'situation', 'task', 'action', 'result', 'reflection'] as const).filter((step) =>
          text.includes(t[`ask.${step}`]),
        ),
      );
    expect(questions).toEqual(['goal', 'situation', 'task', 'action', 'result', 'reflection']);
    expect(String(summary?.args.text)).toBe(t.summaryText(6, 6));
    expect(callText(lastPostTo(runtime, STUDENT) as RecordedCall)).toContain('je verslag is verstuurd');

    const notices = postsTo(runtime, MENTOR);
    expect(notices).toHaveLength(1);
    const open = findButton(notices[0], 'reflection.open');
    expect(runtime.slackApi.callsTo('users.lookupByEmail')[0]?.args.email).toBe(SANNE.mentorEmail);

    await act.click(MENTOR, MENTOR_DM, open);
    const [opened] = await runtime.slackApi.waitForCalls('views.open', 1);
    expect(opened?.args.trigger_id).toBe('trigger-9');
    const view = opened?.args.view as OpenedModal;
    expect(JSON.stringify(view)).toContain('Reflectie zeldzaamwoord');
    expect(view.callback_id).toBe('reflection.feedback');

    await act.submitModal(MENTOR, view, {
      verdict: 'needs-more',
      feedback: 'Sterk begin, vertel meer over het resultaat',
    });

    const feedback = lastPostTo(runtime, STUDENT) as RecordedCall;
    expect(callText(feedback)).toContain('Sterk begin, vertel meer over het resultaat');
    expect(String(feedback.args.text)).toContain('Mark Jansen');
    expect(callText(lastPostTo(runtime, MENTOR) as RecordedCall)).toContain(
      'Sanne de Vries krijgt je feedback',
    );
    // The reflection went to the student's own DM and the mentor's modal, never to anyone else.
    const elsewhere = runtime.slackApi.calls.filter(
      (call) => call.method !== 'views.open' && call.args.channel !== STUDENT,
    );
    expect(elsewhere.filter((call) => callText(call).includes('Reflectie zeldzaamwoord'))).toEqual([]);

    const [report] = await reportsOf(runtime.db, SANNE.studentEmail);
    expect(report?.submittedAt?.toISOString()).toBe(submitAt.toISOString());
    expect(report?.feedbackVerdict).toBe('needs-more');
    expect(report?.contentEnc).toMatch(/^v2\./);
    expect(report?.contentEnc).not.toContain('zeldzaamwoord');
    expect(JSON.parse(openCell(runtime.runtime.cipher, reports, 'contentEnc', report))).toEqual({
      goal: GOAL,
      ...answers,
    });
    expect(await runtime.failedSends()).toEqual([]);
  });
});

describe('the weekly digest of a cohort of 60 students in the mentor channel', () => {
  const cohort: SeedPlacement[] = Array.from({ length: 60 }, (_, index) => {
    const n = String(index + 1).padStart(2, '0');
    return index === 0
      ? SANNE
      : { ...SANNE, studentEmail: `student${n}@student.roc.nl`, studentName: `Stagiair${n} Testpersoon` };
  });

  it('posts every name in messages of at most 50 blocks, without moods or anything students wrote', async () => {
    const runtime = await start(cohort);
    const act = actor(runtime);
    await act.command(COORDINATOR, MENTOR_CHANNEL, 'kanaal zorg-2025');
    const [respond] = await runtime.slackApi.waitForCalls('respond', 1);
    expect(callText(respond as RecordedCall)).toContain('komt voortaan in dit kanaal');
    const [stored] = await runtime.db.select().from(cohorts).where(eq(cohorts.name, 'zorg-2025'));
    expect(stored?.digestChannel).toEqual({ platform: 'slack', tenant: TEAM, channelId: MENTOR_CHANNEL });

    // Sanne answered last week's check-in with mood 1 and wrote a reflection.
    const placementId = await placementIdOf(runtime.db, SANNE.studentEmail);
    const { cipher } = runtime.runtime;
    await runtime.db.insert(checkins).values({
      placementId,
      week: '2025-W10',
      sentAt: new Date('2025-03-07T12:00:00Z'),
      answeredAt: new Date('2025-03-07T12:05:00Z'),
      moodEnc: cipher.encrypt('1', sealedAt.checkin('mood_enc', placementId, '2025-W10')),
      learnedEnc: cipher.encrypt(
        'Geheimleerpunt over tilliften',
        sealedAt.checkin('learned_enc', placementId, '2025-W10'),
      ),
      wantsTalk: true,
      topicEnc: cipher.encrypt(
        'Geheimgesprekonderwerp',
        sealedAt.checkin('topic_enc', placementId, '2025-W10'),
      ),
    });
    await runtime.db.insert(reports).values({
      id: `${placementId}:monthly:2025-04-01`,
      placementId,
      kind: 'monthly',
      dueDate: '2025-04-01',
      submittedAt: new Date('2025-03-08T10:00:00Z'),
      contentEnc: cipher.encryptJson(
        { reflection: 'Geheimereflectietekst' },
        sealedAt.reportContent(`${placementId}:monthly:2025-04-01`),
      ),
      neededNudges: false,
    });

    await runtime.tick('2025-03-10T07:30:00Z'); // Monday 08:30 in Amsterdam

    const posts = postsTo(runtime, MENTOR_CHANNEL);
    expect(posts.length).toBeGreaterThan(1);
    for (const post of posts) {
      expect((post.args.blocks as unknown[]).length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    }
    const text = posts.map(callText).join('\n');
    for (const placement of cohort) expect(text).toContain(placement.studentName);
    for (const secret of ['Geheimleerpunt', 'Geheimgesprekonderwerp', 'Geheimereflectietekst']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/\b[1-5] van 5\b|stemming|mood/i);
    // Sanne's mood 1 still shows as an attention flag, by name only.
    expect(text).toContain('⚠️ Sanne de Vries');
    expect(postsTo(runtime, MENTOR)).toEqual([]);
    expect(await runtime.failedSends()).toEqual([]);
  });
});

describe('Slack retries through the real app', () => {
  it('answers a retried duplicate event exactly once', async () => {
    const runtime = await start();
    const at = runtime.clock.now();
    const event = slackDm({ user: STUDENT, channel: STUDENT_DM, text: 'help', at, eventId: 'Ev0RETRY001' });

    await runtime.postSlack('event', event);
    await runtime.waitForActs(1);
    await runtime.deliver();
    const answered = postsTo(runtime, STUDENT).length;
    runtime.clock.advance(3_000); // Slack retries after about 3 s
    const retry = await runtime.postSlack('event', event, { retryNum: 1 });
    const acts = await runtime.waitForActs(2);
    await runtime.deliver();

    expect(retry.status).toBe(200);
    expect(acts.map((handled) => handled.result?.duplicate)).toEqual([false, true]);
    expect(answered).toBeGreaterThan(0);
    expect(postsTo(runtime, STUDENT)).toHaveLength(answered);
    expect(await runtime.failedSends()).toEqual([]);
  });
});

describe('the weekly check-in on Slack', () => {
  it('stores the mood a student clicks, encrypted, at the time of the click', async () => {
    const runtime = await start();
    await runtime.tick('2025-03-07T12:00:00Z'); // Friday 13:00 in Amsterdam

    const prompt = lastPostTo(runtime, STUDENT);
    expect(String(prompt?.args.text)).toContain('Sanne');
    expect(postsTo(runtime, MENTOR)).toHaveLength(1); // "did you talk with Sanne?"
    const clickedAt = new Date('2025-03-07T12:20:00.250Z');
    runtime.clock.set('2025-03-07T12:20:00Z');
    await actor(runtime).click(STUDENT, STUDENT_DM, findButton(prompt, 'checkin.mood', '2'), clickedAt);

    const [row] = await runtime.db
      .select()
      .from(checkins)
      .where(eq(checkins.placementId, await placementIdOf(runtime.db, SANNE.studentEmail)));
    expect(row?.moodEnc).toMatch(/^v2\./);
    expect(openCell(runtime.runtime.cipher, checkins, 'moodEnc', row)).toBe('2');
    expect(row?.answeredAt?.toISOString()).toBe(clickedAt.toISOString());
    expect(callText(lastPostTo(runtime, STUDENT) as RecordedCall)).toContain(
      checkinTexts('nl')['ask.learned'],
    );
    expect(await runtime.failedSends()).toEqual([]);
  });
});
