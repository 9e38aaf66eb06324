import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlacementInput } from '../placements/placement-input';
import type { StoreAccess } from '../stores/stores';

/** A placement to arrange, the same on every backend. */
export const CONTRACT_PLACEMENT: PlacementInput = {
  studentEmail: 'sam@school.nl',
  studentName: 'Sam de Vries',
  mentors: [{ email: 'mira@zorg.nl', name: 'Mira Mentor' }],
  coordinator: { email: 'cor@school.nl', name: 'Cor' },
  cohort: 'Zorg 2027',
  organisation: 'Zorg BV',
  startDate: '2027-02-01',
  endDate: '2027-06-30',
  introDate: null,
  midEvaluationDate: null,
  finalEvaluationDate: null,
  workingDays: null,
  locale: null,
};

export type StoreBackend = {
  name: string;
  open(): Promise<{
    stores: StoreAccess;
    /** Arranges `CONTRACT_PLACEMENT` as an import would; the stores have no "create placement". */
    seed(at: Date): Promise<{ placementId: string; studentId: string; cohortId: string }>;
    close(): Promise<void>;
  }>;
};

const AT = new Date('2027-02-01T09:00:00Z');
const LATER = new Date('2027-02-02T09:00:00Z');
const SLACK = { platform: 'slack' as const, tenant: 'T1', platformUserId: 'U1' };

/**
 * One set of cases per store, run against every backend: the in-memory fakes must behave as
 * the database stores do, or use-case tests on the fakes would prove nothing.
 */
export function describeStoreContract(backend: StoreBackend): void {
  describe(`the stores on ${backend.name}`, () => {
    let opened: Awaited<ReturnType<StoreBackend['open']>>;
    let stores: StoreAccess;
    let placement: { placementId: string; studentId: string; cohortId: string };
    beforeAll(async () => {
      opened = await backend.open();
      stores = opened.stores;
      placement = await opened.seed(AT);
    }, 60_000);
    afterAll(() => opened.close());

    describe('people', () => {
      it('finds a person by e-mail whatever its case and spacing', async () => {
        const found = await stores.people.findByEmail('  SAM@School.nl ');
        expect(found?.id).toBe(placement.studentId);
      });

      it('reports an upsert with the same name and language as unchanged', async () => {
        const again = await stores.people.upsert({ email: 'sam@school.nl', name: 'Sam de Vries' }, LATER);
        expect(again).toEqual({ id: placement.studentId, created: false, changed: false });
      });

      it('finds a person by a linked account, and no one by an unknown account', async () => {
        await stores.people.linkAccount(placement.studentId, SLACK, AT);
        expect((await stores.people.findByAccount(SLACK))?.id).toBe(placement.studentId);
        expect(await stores.people.findByAccount({ ...SLACK, platformUserId: 'U-unknown' })).toBeNull();
      });

      it('reactivates an account marked gone once, and reports nothing to do after', async () => {
        await stores.people.linkAccount(placement.studentId, SLACK, AT);
        await stores.people.markAccountGone(placement.studentId, SLACK);
        expect(await stores.people.reactivateAccount(placement.studentId, SLACK)).toBe(true);
        expect(await stores.people.reactivateAccount(placement.studentId, SLACK)).toBe(false);
      });

      it('finds the actor behind an account and tells whether the account is marked gone', async () => {
        await stores.people.linkAccount(placement.studentId, SLACK, AT);
        const active = await stores.people.findActor(SLACK);
        expect(active?.person.id).toBe(placement.studentId);
        expect(active?.gone).toBe(false);
        await stores.people.markAccountGone(placement.studentId, SLACK);
        const gone = await stores.people.findActor(SLACK);
        expect(gone?.person.id).toBe(placement.studentId);
        expect(gone?.gone).toBe(true);
        expect(await stores.people.findActor({ ...SLACK, platformUserId: 'U-unknown' })).toBeNull();
        await stores.people.reactivateAccount(placement.studentId, SLACK);
        expect((await stores.people.findActor(SLACK))?.gone).toBe(false);
      });

      it('keeps the language a person chose', async () => {
        await stores.people.setLocale(placement.studentId, 'en');
        expect((await stores.people.findByEmail('sam@school.nl'))?.locale).toBe('en');
        await stores.people.setLocale(placement.studentId, 'nl');
      });

      it('adds a coordinator role once, and removes it', async () => {
        const { id } = await stores.people.upsert({ email: 'new-coord@school.nl' }, AT);
        await stores.people.addCoordinator(id, null);
        await stores.people.addCoordinator(id, null);
        expect(await stores.people.coordinatorScopes(id)).toEqual([null]);
        await stores.people.removeCoordinator(id, null);
        expect(await stores.people.coordinatorScopes(id)).toEqual([]);
      });
    });

    describe('placements', () => {
      it('loads a bundle with its student, mentor, coordinator and cohort', async () => {
        const [bundle] = await stores.placements.loadBundles({ studentId: placement.studentId });
        expect(bundle?.student.email).toBe('sam@school.nl');
        expect(bundle?.mentors.map((m) => m.email)).toEqual(['mira@zorg.nl']);
        expect(bundle?.coordinators.map((c) => c.email)).toEqual(['cor@school.nl']);
        expect(bundle?.cohort.name).toBe('Zorg 2027');
        expect(await stores.placements.cohortIdOf(placement.placementId)).toBe(placement.cohortId);
      });

      it("names each placement's student, leaving out a placement that is not there", async () => {
        expect(await stores.placements.studentNames([placement.placementId, 'no-such-placement'])).toEqual(
          new Map([[placement.placementId, 'Sam de Vries']]),
        );
      });

      it('knows in which cohorts a person appears, by role', async () => {
        expect(await stores.placements.cohortsOfPerson(placement.studentId)).toEqual({
          asStudent: [placement.cohortId],
          asMentor: [],
          asCoordinator: [],
        });
      });

      it('saves a placement again as unchanged, and another mentor as an update replacing the first', async () => {
        const save = async (mentors: PlacementInput['mentors']) => {
          const saved = await stores.placements.save([{ ...CONTRACT_PLACEMENT, mentors }], LATER);
          const [bundle] = await stores.placements.loadBundles({ placementIds: [placement.placementId] });
          return { saved, mentors: bundle?.mentors.map((m) => m.email) };
        };
        expect(await save(CONTRACT_PLACEMENT.mentors)).toEqual({
          saved: [{ id: placement.placementId, outcome: 'unchanged' }],
          mentors: ['mira@zorg.nl'],
        });
        expect(await save([{ email: 'Nico@Zorg.nl', name: 'Nico' }])).toEqual({
          saved: [{ id: placement.placementId, outcome: 'updated' }],
          mentors: ['nico@zorg.nl'],
        });
        expect((await save(CONTRACT_PLACEMENT.mentors)).mentors).toEqual(['mira@zorg.nl']);
      });

      it('ends a running pause the day before the student resumes', async () => {
        await stores.placements.addPause(
          placement.placementId,
          { from: '2027-03-01', until: null, reason: 'ziek' },
          AT,
        );
        await stores.placements.endPauses(placement.placementId, '2027-03-10', '2027-03-09');
        const [bundle] = await stores.placements.loadBundles({ placementIds: [placement.placementId] });
        expect(bundle?.pauses).toEqual([{ from: '2027-03-01', until: '2027-03-09' }]);
      });
    });

    describe('reports', () => {
      const reportId = () => `${placement.placementId}:monthly:2027-03-01`;

      it('keeps a hand-in readable through the unsealer, and a revision clears the feedback', async () => {
        await stores.reports.submit({
          id: reportId(),
          placementId: placement.placementId,
          kind: 'monthly',
          dueDate: '2027-03-01',
          submittedAt: AT,
          answers: { situation: 'Op de afdeling' },
          neededNudges: false,
        });
        const [mentor] =
          (await stores.placements.loadBundles({ placementIds: [placement.placementId] }))[0]?.mentors ?? [];
        await stores.reports.saveFeedback(reportId(), {
          verdict: 'needs-more',
          text: 'Graag aanvullen',
          by: mentor?.id ?? '',
          at: LATER,
        });
        expect(await stores.reports.feedbackOf(reportId())).toEqual({
          mentorName: 'Mira Mentor',
          text: 'Graag aanvullen',
        });
        await stores.reports.revise(reportId(), { situation: 'Op de afdeling, aangevuld' });
        const report = await stores.reports.find(reportId());
        expect(report?.feedbackVerdict).toBeNull();
        expect(report?.submittedAt).toEqual(AT);
        expect(stores.unseal.reportContent(report ?? { id: '', contentEnc: null })).toEqual({
          situation: 'Op de afdeling, aangevuld',
        });
        expect(await stores.reports.recentNudges(placement.placementId, 3)).toEqual([false]);
      });
    });

    describe('check-ins and goals', () => {
      it('records a check-in once and reads its answers back', async () => {
        expect(await stores.checkins.recordSent(placement.placementId, '2027-W06', AT)).toBe(true);
        expect(await stores.checkins.recordSent(placement.placementId, '2027-W06', AT)).toBe(false);
        await stores.checkins.recordAnswer(placement.placementId, '2027-W06', { mood: 2, learned: 'Veel' });
        const [row] = await stores.checkins.history(placement.placementId);
        expect(row && stores.unseal.mood(row)).toBe(2);
        expect(row && stores.unseal.checkinText(row, 'learnedEnc')).toBe('Veel');
      });

      it("keeps a mentor's talk answer and note, a later 'no' not undoing a 'yes'", async () => {
        const id = placement.placementId;
        await stores.checkins.recordMentorTalk(id, '2027-W06', {
          answer: 'yes',
          note: 'Goed gesprek',
          at: LATER,
        });
        await stores.checkins.recordMentorTalk(id, '2027-W06', { answer: 'no', note: null, at: LATER });
        const [row] = await stores.checkins.history(id);
        expect(row?.mentorTalk).toBe('yes');
        expect(row?.mentorAnsweredAt).toEqual(LATER);
        expect(row && stores.unseal.checkinText(row, 'mentorNoteEnc')).toBe('Goed gesprek');
      });

      it('keeps learning goals in order', async () => {
        await stores.goals.add(placement.placementId, 0, 'Communiceren');
        await stores.goals.add(placement.placementId, 1, 'Plannen');
        expect(await stores.goals.read(placement.placementId)).toEqual(['Communiceren', 'Plannen']);
      });
    });

    describe('conversations', () => {
      it('gives state back as JSON, lists newest first, and forgets a deleted one', async () => {
        await stores.conversations.save(placement.studentId, 'checkin', { at: AT, n: 1 }, AT);
        await stores.conversations.save(placement.studentId, 'starr', { step: 'goal' }, LATER);
        expect(await stores.conversations.load(placement.studentId, 'checkin')).toEqual({
          state: { at: AT.toISOString(), n: 1 },
          updatedAt: AT,
        });
        expect((await stores.conversations.list(placement.studentId)).map((c) => c.kind)).toEqual([
          'starr',
          'checkin',
        ]);
        await stores.conversations.delete(placement.studentId, 'starr');
        expect(await stores.conversations.load(placement.studentId, 'starr')).toBeNull();
      });
    });

    describe('inbound log, outbox and audit', () => {
      it('sees an inbound key for the first time once', async () => {
        expect(await stores.inbound.firstSeen('slack:Ev1', AT)).toBe(true);
        expect(await stores.inbound.firstSeen('slack:Ev1', LATER)).toBe(false);
      });

      it('counts only messages it had not queued before', async () => {
        const message = { key: 'note', summary: 'Hoi', blocks: [{ type: 'text' as const, text: 'Hoi' }] };
        const item = {
          key: 'contract:1',
          to: { kind: 'person' as const, personId: placement.studentId },
          message,
        };
        expect(await stores.outbox.enqueue([item, { ...item, key: 'contract:2' }], AT)).toBe(2);
        expect(await stores.outbox.enqueue([item], AT)).toBe(0);
      });

      it('keeps audit entries in order', async () => {
        await stores.audit.record({ at: AT, actor: 'cli', action: 'import' });
        await stores.audit.record({
          at: LATER,
          actor: 'cli',
          action: 'export',
          subject: placement.studentId,
        });
        const actions = (await stores.audit.list()).map((entry) => [entry.action, entry.subject ?? null]);
        expect(actions.slice(-2)).toEqual([
          ['import', null],
          ['export', placement.studentId],
        ]);
      });
    });

    describe('transactions', () => {
      it('keeps nothing of work that fails', async () => {
        const failing = stores.transaction(async (tx) => {
          await tx.people.upsert({ email: 'half@school.nl' }, AT);
          throw new Error('boom');
        });
        await expect(failing).rejects.toThrow('boom');
        expect(await stores.people.findByEmail('half@school.nl')).toBeNull();
      });

      it('keeps everything of work that succeeds', async () => {
        await stores.transaction(async (tx) => {
          await tx.people.upsert({ email: 'whole@school.nl', name: 'Heel' }, AT);
        });
        expect((await stores.people.findByEmail('whole@school.nl'))?.name).toBe('Heel');
      });
    });

    describe('batches for the jobs', () => {
      it('marks many check-ins sent and returns only the new ones', async () => {
        const id = placement.placementId;
        const first = await stores.checkins.recordSentMany([
          { placementId: id, week: '2027-W07', at: AT },
          { placementId: id, week: '2027-W08', at: AT },
        ]);
        expect(first.map((c) => c.week).sort()).toEqual(['2027-W07', '2027-W08']);
        const again = await stores.checkins.recordSentMany([
          { placementId: id, week: '2027-W08', at: LATER },
          { placementId: id, week: '2027-W09', at: LATER },
        ]);
        expect(again).toEqual([{ placementId: id, week: '2027-W09' }]);
      });

      it('saves many conversation states, the last of a pair winning, and loads them by person', async () => {
        const { id: other } = await stores.people.upsert({ email: 'batch@school.nl' }, AT);
        await stores.conversations.saveMany([
          { personId: placement.studentId, kind: 'batch', state: { n: 1 }, at: AT },
          { personId: placement.studentId, kind: 'batch', state: { n: 2 }, at: LATER },
          { personId: other, kind: 'other-kind', state: { n: 3 }, at: AT },
        ]);
        const loaded = await stores.conversations.loadMany<{ n: number }>('batch', [
          placement.studentId,
          other,
        ]);
        expect([...loaded.entries()]).toEqual([[placement.studentId, { state: { n: 2 }, updatedAt: LATER }]]);
      });

      it('knows which keys were queued, and prunes no message that was not delivered', async () => {
        expect(await stores.outbox.queuedKeys(['contract:1', 'contract:never'])).toEqual(
          new Set(['contract:1']),
        );
        expect(await stores.outbox.pruneDelivered(new Date('2030-01-01T00:00:00Z'))).toBe(0);
        expect(await stores.outbox.queuedKeys(['contract:1'])).toEqual(new Set(['contract:1']));
      });

      it('forgets inbound keys seen before a moment, and only those', async () => {
        await stores.inbound.firstSeen('slack:Old', AT);
        await stores.inbound.firstSeen('slack:New', LATER);
        await stores.inbound.forgetBefore(LATER);
        expect(await stores.inbound.firstSeen('slack:Old', LATER)).toBe(true);
        expect(await stores.inbound.firstSeen('slack:New', LATER)).toBe(false);
      });

      it('gives a substitute once: a second give leaves the first as it was', async () => {
        const key = `${placement.placementId}:substitute:contract`;
        await stores.substitutes.give([{ key, placementId: placement.placementId, text: 'Eerste' }]);
        await stores.substitutes.give([{ key, placementId: placement.placementId, text: 'Tweede' }]);
        const [bundle] = await stores.placements.loadBundles({ placementIds: [placement.placementId] });
        expect(bundle?.substitutes.filter((s) => s.key === key).map((s) => s.text)).toEqual(['Eerste']);
      });

      it('finds placements by end date: still to schedule, and past retention', async () => {
        const ending = async (date: string) =>
          (await stores.placements.loadBundles({ endingOnOrAfter: date })).map((b) => b.placement.id);
        expect(await ending('2027-06-30')).toEqual([placement.placementId]);
        expect(await ending('2027-07-01')).toEqual([]);
        expect(await stores.placements.pastRetention(placement.cohortId, '2027-06-30')).toEqual([]);
        expect(await stores.placements.pastRetention(placement.cohortId, '2027-07-01')).toEqual([
          { id: placement.placementId, studentId: placement.studentId },
        ]);
      });

      it('marks the closing sent and the insufficient verdict on many placements', async () => {
        await stores.placements.markClosingSent([placement.placementId], AT);
        await stores.placements.markInsufficient([placement.placementId], LATER);
        const [bundle] = await stores.placements.loadBundles({ placementIds: [placement.placementId] });
        expect(bundle?.placement.closingSentAt).toEqual(AT);
        expect(bundle?.placement.status).toBe('insufficient');
        expect(bundle?.placement.updatedAt).toEqual(LATER);
      });

      it('purges what people wrote about a placement past retention, once', async () => {
        const expired = [{ id: placement.placementId, studentId: placement.studentId }];
        expect(await stores.privacy.purgeWritten(expired)).toEqual([placement.placementId]);
        const [bundle] = await stores.placements.loadBundles({ placementIds: [placement.placementId] });
        expect(bundle?.goals).toEqual([]);
        expect(bundle?.reports.map((r) => [r.contentEnc, r.feedbackEnc])).toEqual([[null, null]]);
        expect(bundle?.checkins.every((c) => c.moodEnc === null && c.learnedEnc === null)).toBe(true);
        expect(await stores.conversations.list(placement.studentId)).toEqual([]);
        // Dates and statuses stay for the record; a second purge finds nothing left.
        expect(bundle?.checkins.length).toBeGreaterThan(0);
        expect(await stores.privacy.purgeWritten(expired)).toEqual([]);
      });
    });

    describe('erasure', () => {
      it('removes the person, their placements, and their id from the audit log', async () => {
        const person = await stores.people.findByEmail('sam@school.nl');
        const result = await stores.privacy.erasePerson({
          id: placement.studentId,
          email: person?.email ?? '',
        });
        expect(result).toEqual({ placements: 1 });
        expect(await stores.people.findByEmail('sam@school.nl')).toBeNull();
        expect(await stores.placements.loadBundles({ studentId: placement.studentId })).toEqual([]);
        expect((await stores.audit.list()).some((entry) => entry.subject === placement.studentId)).toBe(
          false,
        );
      });
    });
  });
}
