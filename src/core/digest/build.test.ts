import { describe, expect, it } from 'vitest';
import { buildDigest } from './build';
import { cohort, DIGEST_AT, leakyPlacement, placement, SENSITIVE_MARKERS } from './test-fixtures';
import type { DigestStudentRow } from './types';

const ROW_KEYS: ReadonlyArray<keyof DigestStudentRow> = [
  'placementId',
  'studentName',
  'checkinAnswered',
  'flags',
  'nextReportDue',
  'owedReports',
  'openSubstitutes',
  'overdueSubstitutes',
  'ladderStep',
  'evaluations',
  'reflectionsAwaitingFeedback',
  'reflectionsAwaitingRevision',
  'status',
];

describe('buildDigest', () => {
  it('names the cohort and the ISO week of the digest moment in the cohort time zone', () => {
    // Act
    const view = buildDigest(cohort([placement()]), DIGEST_AT);

    // Assert
    expect(view).toMatchObject({
      cohortId: 'c-zorg',
      cohortName: 'Zorg 3A',
      week: '2026-W12',
      weekStart: '2026-03-16',
      weekEnd: '2026-03-22',
    });
  });

  it('uses the local date, not the UTC date, near midnight', () => {
    // Sunday 23:30 UTC is already Monday 00:30 in Amsterdam.
    const view = buildDigest(cohort([placement()]), new Date('2026-03-15T23:30:00Z'));

    expect(view.week).toBe('2026-W12');
  });

  it('groups students by mentor, both sorted by name', () => {
    // Arrange
    const anna = { mentorId: 'm-anna', mentorName: 'Anna Bakker', reflectionsAwaitingFeedback: 0 };
    const piet = { mentorId: 'm-piet', mentorName: 'Piet Jansen', reflectionsAwaitingFeedback: 0 };
    const input = cohort([
      placement({ placementId: 'p-1', studentName: 'Zoë Smit', mentors: [piet] }),
      placement({ placementId: 'p-2', studentName: 'Ali Yılmaz', mentors: [piet] }),
      placement({ placementId: 'p-3', studentName: 'Sam de Vries', mentors: [anna] }),
    ]);

    // Act
    const view = buildDigest(input, DIGEST_AT);

    // Assert
    expect(
      view.mentors.map((group) => [group.mentorName, group.students.map((row) => row.studentName)]),
    ).toEqual([
      ['Anna Bakker', ['Sam de Vries']],
      ['Piet Jansen', ['Ali Yılmaz', 'Zoë Smit']],
    ]);
    expect(view.studentCount).toBe(3);
  });

  it('shows a student with two mentors under both, each with their own feedback count', () => {
    // Arrange
    const input = cohort([
      placement({
        mentors: [
          { mentorId: 'm-anna', mentorName: 'Anna Bakker', reflectionsAwaitingFeedback: 2 },
          { mentorId: 'm-piet', mentorName: 'Piet Jansen', reflectionsAwaitingFeedback: 0 },
        ],
      }),
    ]);

    // Act
    const view = buildDigest(input, DIGEST_AT);

    // Assert
    expect(view.mentors.map((group) => group.students[0]?.reflectionsAwaitingFeedback)).toEqual([2, 0]);
    expect(view.studentCount).toBe(1);
  });

  it('puts placements without a mentor in a last group without a mentor id', () => {
    const view = buildDigest(
      cohort([placement({ placementId: 'p-1', mentors: [] }), placement({ placementId: 'p-2' })]),
      DIGEST_AT,
    );

    expect(view.mentors.map((group) => group.mentorId)).toEqual(['m-anna', null]);
  });

  it.each([
    [['checkins-missed'], false, false, ['checkins-missed']],
    [['checkins-missed', 'checkins-missed-alert'], false, false, ['checkins-missed']],
    [['mood-low'], false, false, ['attention']],
    [['wants-talk'], false, false, ['attention']],
    [['mood-low', 'wants-talk'], false, false, ['attention']],
    [['mentor-no-talk'], false, false, ['no-talk-twice']],
    [[], true, false, ['last-chance']],
    [[], true, true, ['insufficient']],
    [['wants-talk', 'checkins-missed'], false, true, ['insufficient', 'attention', 'checkins-missed']],
  ] as const)(
    'turns signals %j (last chance %s, insufficient %s) into flags %j',
    (signals, lastChance, insufficient, flags) => {
      const view = buildDigest(cohort([placement({ signals, lastChance, insufficient })]), DIGEST_AT);

      expect(view.mentors[0]?.students[0]?.flags).toEqual(flags);
    },
  );

  it('counts each flagged placement once for attention', () => {
    const view = buildDigest(
      cohort([placement({ placementId: 'p-1', signals: ['mood-low'] }), placement({ placementId: 'p-2' })]),
      DIGEST_AT,
    );

    expect(view.attentionCount).toBe(1);
  });

  it('keeps evaluation moments from today up to 14 days ahead, in date order', () => {
    // Arrange
    const evaluations = [
      { kind: 'final', date: '2026-03-30' },
      { kind: 'intro', date: '2026-03-15' },
      { kind: 'midterm', date: '2026-03-16' },
      { kind: 'final', date: '2026-03-31' },
    ] as const;

    // Act
    const view = buildDigest(cohort([placement({ evaluations })]), DIGEST_AT);

    // Assert
    expect(view.mentors[0]?.students[0]?.evaluations).toEqual([
      { kind: 'midterm', date: '2026-03-16' },
      { kind: 'final', date: '2026-03-30' },
    ]);
  });

  it('copies dates, counts and the check-in answer', () => {
    const view = buildDigest(
      cohort([
        placement({
          lastCheckinAnswered: false,
          nextReportDue: '2026-04-01',
          owedReports: 2,
          openSubstitutes: 1,
          overdueSubstitutes: 1,
          ladderStep: 3,
        }),
      ]),
      DIGEST_AT,
    );

    expect(view.mentors[0]?.students[0]).toMatchObject({
      checkinAnswered: false,
      nextReportDue: '2026-04-01',
      owedReports: 2,
      openSubstitutes: 1,
      overdueSubstitutes: 1,
      ladderStep: 3,
    });
  });

  it('gives a student without any check-in yet an unknown answer', () => {
    const view = buildDigest(cohort([placement({ lastCheckinAnswered: null })]), DIGEST_AT);

    expect(view.mentors[0]?.students[0]?.checkinAnswered).toBeNull();
  });

  it('builds an empty view for a cohort without placements', () => {
    const view = buildDigest(cohort([]), DIGEST_AT);

    expect(view).toMatchObject({ mentors: [], studentCount: 0, attentionCount: 0 });
  });
});

describe('buildDigest and private content', () => {
  it('leaves every property it does not know behind, however deep', () => {
    // Arrange
    const input = cohort([leakyPlacement('p-1', 'Sam de Vries', 'm-anna')]);

    // Act
    const view = buildDigest(input, DIGEST_AT);
    const serialised = JSON.stringify(view);

    // Assert
    for (const marker of SENSITIVE_MARKERS) expect(serialised).not.toContain(marker);
    expect(serialised).not.toMatch(/mood|note|topic|reflectionText/i);
    const row = view.mentors[0]?.students[0];
    expect(Object.keys(row ?? {}).sort()).toEqual([...ROW_KEYS].sort());
    expect(Object.keys(view.mentors[0] ?? {}).sort()).toEqual(['mentorId', 'mentorName', 'students']);
    expect(Object.keys(row?.evaluations[0] ?? {}).sort()).toEqual(['date', 'kind']);
  });

  it('never passes on text smuggled into a signal, a count or a date', () => {
    // Arrange: values of the wrong kind, as could arrive from untyped JSON.
    const smuggled = placement({
      signals: ['mood: 1, SECRET-REFLECTION-7f3a'] as never,
      owedReports: 'SECRET-CHECKIN-NOTE-91bc' as never,
      nextReportDue: 'SECRET-TOPIC-55de' as never,
      lastCheckinAnswered: 'SECRET-TOPIC-55de' as never,
      evaluations: [{ kind: 'SECRET-TOPIC-55de', date: '2026-03-20' }] as never,
    });

    // Act
    const view = buildDigest(cohort([smuggled]), DIGEST_AT);

    // Assert
    const serialised = JSON.stringify(view);
    for (const marker of SENSITIVE_MARKERS) expect(serialised).not.toContain(marker);
    expect(view.mentors[0]?.students[0]).toMatchObject({
      flags: ['attention'],
      owedReports: 0,
      nextReportDue: null,
      checkinAnswered: null,
      evaluations: [],
    });
  });
});
