import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../calendar/working-days';
import type { ReportRecord } from '../reports/report';
import { computeLadder, dueActions } from './engine';
import { DEFAULT_ESCALATION_POLICY, type EscalationPolicy, escalationPolicySchema } from './policy';
import type { LadderAction, LadderInput, LadderState } from './types';

const TZ = 'Europe/Amsterdam'; // UTC+1 until 28 March 2027, UTC+2 after
const calendar = createWorkCalendar();

function report(dueDate: string, submittedAt: string | null = null, excused = false): ReportRecord {
  return {
    id: `monthly:${dueDate}`,
    kind: 'monthly',
    dueDate,
    submittedAt: submittedAt === null ? null : new Date(submittedAt),
    excused,
  };
}

function ladderAt(at: string, reports: ReportRecord[], overrides: Partial<LadderInput> = {}): LadderState {
  const input: LadderInput = {
    reports,
    substitutes: [],
    resetAt: null,
    policy: DEFAULT_ESCALATION_POLICY,
    calendar,
    timezone: TZ,
    ...overrides,
  };
  return computeLadder(input, new Date(at));
}

const past = (ladder: LadderState) => ladder.timeline.filter((action) => action.at <= ladder.at);
const typesOf = (actions: LadderAction[]) =>
  actions.map((action) => `${action.type}@${action.at.toISOString()}`);
const ofType = <T extends LadderAction['type']>(ladder: LadderState, type: T) =>
  ladder.timeline.filter((action): action is Extract<LadderAction, { type: T }> => action.type === type);

// Four monthly reports (Mon 1 Feb, Mon 1 Mar, Thu 1 Apr, Mon 3 May 2027) and one after them.
const FEB = '2027-02-01';
const MAR = '2027-03-01';
const APR = '2027-04-01';
const MAY = '2027-05-03';
const JUN = '2027-06-01';

describe('the first miss', () => {
  it('handed in within the grace period leads to nothing more: no substitute, no owed reminders', () => {
    const ladder = ladderAt('2027-02-26T12:00:00Z', [report(FEB, '2027-02-03T10:00:00Z')]);

    expect(typesOf(ladder.timeline)).toEqual([
      'report.reminder-before@2027-01-29T08:00:00.000Z',
      'report.due-today@2027-02-01T08:00:00.000Z',
      'miss.detected@2027-02-02T08:00:00.000Z',
    ]);
    expect(ladder.substitutes).toEqual([]);
    expect(ladder.reports[0]).toMatchObject({ status: 'late', missNumber: 1, owed: false });
    expect(ladder).toMatchObject({ missCount: 1, step: 1, insufficient: false });
  });

  it('is reminded at the next sweep with the grace end, and no substitute yet', () => {
    const ladder = ladderAt('2027-02-02T09:00:00Z', [report(FEB)]);

    const [miss] = ofType(ladder, 'miss.detected');
    expect(miss).toMatchObject({
      missNumber: 1,
      step: 1,
      lastChance: false,
      handedIn: false,
      substituteNow: false,
      substituteDueDate: null,
      graceEndDate: '2027-02-04',
      audience: ['student', 'coordinator'],
    });
    expect(miss?.graceEnd.toISOString()).toBe('2027-02-04T22:59:59.000Z');
  });

  it.each([
    ['at 23:59:59 on the last grace day', [], '2027-02-04T22:59:59Z'],
    ['at 00:00:01 after the grace', ['2027-02-18'], '2027-02-04T23:00:01Z'],
    ['not at all', ['2027-02-18'], null],
  ])('handed in %s gives substitutes due %j (grace end + 14 days)', (_case, expectedDue, submittedAt) => {
    const ladder = ladderAt('2027-02-10T12:00:00Z', [report(FEB, submittedAt)]);

    expect(ladder.substitutes.map((substitute) => substitute.dueDate)).toEqual(expectedDue);
  });

  it('not handed in within grace keeps the report owed and gives a substitute at the sweep after the grace', () => {
    const ladder = ladderAt('2027-02-10T12:00:00Z', [report(FEB)]);

    const [expired] = ofType(ladder, 'grace.expired');
    expect(expired).toMatchObject({
      key: 'grace.expired:monthly:2027-02-01',
      graceEndDate: '2027-02-04',
      substituteKey: 'substitute:monthly:2027-02-01',
      substituteDueDate: '2027-02-18',
      audience: ['student', 'coordinator'],
    });
    expect(expired?.at.toISOString()).toBe('2027-02-05T08:00:00.000Z');
    expect(ladder.substitutes).toEqual([
      {
        key: 'substitute:monthly:2027-02-01',
        reportId: 'monthly:2027-02-01',
        missNumber: 1,
        givenAt: new Date('2027-02-05T08:00:00.000Z'),
        dueDate: '2027-02-18',
        status: 'open',
      },
    ]);
    expect(ladder.reports[0]).toMatchObject({ status: 'missed', owed: true });
  });
});

describe('an owed report', () => {
  it('is reminded every 3 days after the grace end, on working days at sweep time', () => {
    const ladder = ladderAt('2027-02-26T12:00:00Z', [report(FEB)]);

    const reminders = past(ladder).filter((action) => action.type === 'owed.reminder');

    // Grace ends Thu 4 Feb; Sun 7 → Mon 8, Thu 11, Sun 14 → Mon 15, Thu 18, Sun 21 → Mon 22, Thu 25.
    expect(reminders.map((action) => action.at.toISOString())).toEqual([
      '2027-02-08T08:00:00.000Z',
      '2027-02-11T08:00:00.000Z',
      '2027-02-15T08:00:00.000Z',
      '2027-02-18T08:00:00.000Z',
      '2027-02-22T08:00:00.000Z',
      '2027-02-25T08:00:00.000Z',
    ]);
  });

  it('is no longer reminded once handed in', () => {
    const ladder = ladderAt('2027-02-26T12:00:00Z', [report(FEB, '2027-02-16T10:00:00Z')]);

    const reminders = ofType(ladder, 'owed.reminder').map((action) => action.key);

    expect(reminders).toEqual([
      'owed.reminder:monthly:2027-02-01:2027-02-08',
      'owed.reminder:monthly:2027-02-01:2027-02-11',
      'owed.reminder:monthly:2027-02-01:2027-02-15',
    ]);
    expect(ladder.reports[0]).toMatchObject({ status: 'late', owed: false });
  });

  it('is no longer reminded once excused, and its miss is taken back', () => {
    const ladder = ladderAt('2027-02-26T12:00:00Z', [report(FEB, null, true)]);

    expect(ladder.timeline).toEqual([]);
    expect(ladder).toMatchObject({ missCount: 0, step: 0, substitutes: [] });
  });
});

describe('the second and third miss', () => {
  const ladder = ladderAt('2027-04-30T12:00:00Z', [report(FEB), report(MAR), report(APR)]);
  const misses = ofType(ladder, 'miss.detected');

  it('gives the second miss a reminder, grace and a substitute at once, due 14 days after the reminder', () => {
    expect(misses[1]).toMatchObject({
      report: { id: 'monthly:2027-03-01' },
      missNumber: 2,
      step: 2,
      lastChance: false,
      substituteNow: true,
      substituteDueDate: '2027-03-16',
      graceEndDate: '2027-03-04',
      audience: ['student', 'coordinator'],
    });
    expect(misses[1]?.at.toISOString()).toBe('2027-03-02T08:00:00.000Z');
  });

  it('words the third miss as the last chance and tells the mentor, with a substitute at once', () => {
    // 1 April is a Thursday; Goede Vrijdag 2 April is a working day, so the sweep runs then.
    expect(misses[2]).toMatchObject({
      missNumber: 3,
      step: 3,
      lastChance: true,
      missesLeft: 1,
      substituteNow: true,
      substituteDueDate: '2027-04-16',
      audience: ['student', 'mentor', 'coordinator'],
    });
    expect(misses[2]?.at.toISOString()).toBe('2027-04-02T07:00:00.000Z');
  });

  it('derives one substitute per miss, none given twice', () => {
    expect(
      ladder.substitutes.map((substitute) => [substitute.key, substitute.dueDate, substitute.status]),
    ).toEqual([
      ['substitute:monthly:2027-02-01', '2027-02-18', 'overdue'],
      ['substitute:monthly:2027-03-01', '2027-03-16', 'overdue'],
      ['substitute:monthly:2027-04-01', '2027-04-16', 'overdue'],
    ]);
    expect(ofType(ladder, 'grace.expired')).toHaveLength(1);
    expect(ladder).toMatchObject({ missCount: 3, step: 3, insufficient: false });
  });
});

describe('the fourth miss', () => {
  const reports = [report(FEB), report(MAR), report(APR), report(MAY), report(JUN)];
  const ladder = ladderAt('2027-07-15T12:00:00Z', reports);
  const verdictAt = new Date('2027-05-04T07:00:00.000Z'); // Tue 4 May 09:00 CEST

  it('marks the placement insufficient at its sweep and tells student, mentor and coordinator', () => {
    const [verdict] = ofType(ladder, 'placement.insufficient');

    expect(verdict).toMatchObject({
      key: 'placement.insufficient:monthly:2027-05-03',
      missNumber: 4,
      step: 4,
      audience: ['student', 'mentor', 'coordinator'],
      at: verdictAt,
    });
    expect(ladder).toMatchObject({ insufficient: true, insufficientSince: verdictAt, step: 4, missCount: 5 });
  });

  it('produces nothing after (or alongside) the verdict: no reminders, no owed reminders, no alerts', () => {
    const after = ladder.timeline.filter((action) => action.at >= verdictAt);

    expect(after.map((action) => action.type)).toEqual(['placement.insufficient']);
    expect(ofType(ladder, 'miss.detected')).toHaveLength(3);
  });

  it('is not insufficient yet just before that sweep', () => {
    const before = ladderAt('2027-05-04T06:59:59Z', reports);

    expect(before).toMatchObject({ insufficient: false, insufficientSince: null, step: 3, missCount: 3 });
  });
});

describe('an excuse after the fact', () => {
  it('renumbers the later misses and recomputes their steps', () => {
    const reports = [report(FEB, null, true), report(MAR), report(APR), report(MAY)];

    const ladder = ladderAt('2027-06-15T12:00:00Z', reports);

    expect(
      ofType(ladder, 'miss.detected').map((miss) => [
        miss.report.dueDate,
        miss.missNumber,
        miss.step,
        miss.lastChance,
        miss.substituteNow,
      ]),
    ).toEqual([
      [MAR, 1, 1, false, false],
      [APR, 2, 2, false, true],
      [MAY, 3, 3, true, true],
    ]);
    expect(ofType(ladder, 'placement.insufficient')).toEqual([]);
    expect(ladder).toMatchObject({ insufficient: false, missCount: 3, step: 3 });
    expect(ladder.substitutes.map((substitute) => [substitute.reportId, substitute.dueDate])).toEqual([
      ['monthly:2027-03-01', '2027-03-18'],
      ['monthly:2027-04-01', '2027-04-16'],
      ['monthly:2027-05-03', '2027-05-18'],
    ]);
  });
});

describe('the deadline', () => {
  it.each([
    ['at 23:59:59 local is on time', '2027-02-01T22:59:59Z', 0],
    ['at 23:59 local and processed after midnight is on time', '2027-02-01T22:59:00Z', 0],
    ['at 00:00:01 local is late and counts as a miss', '2027-02-01T23:00:01Z', 1],
  ])('a report handed in %s', (_case, submittedAt, misses) => {
    const ladder = ladderAt('2027-02-10T12:00:00Z', [report(FEB, submittedAt)]);

    expect(ladder.missCount).toBe(misses);
    expect(ofType(ladder, 'miss.detected')).toHaveLength(misses);
  });

  it('tells a student who handed in late before the sweep that it still counts, without asking for it again', () => {
    const ladder = ladderAt('2027-02-10T12:00:00Z', [report(FEB, '2027-02-01T23:30:00Z')]);

    expect(ofType(ladder, 'miss.detected')[0]).toMatchObject({ handedIn: true, missNumber: 1 });
  });
});

describe('the sweep after a deadline', () => {
  it.each([
    ['a Friday deadline', '2027-01-08', '2027-01-11T08:00:00.000Z', 'Monday 09:00'],
    [
      'a deadline before Koningsdag',
      '2027-04-26',
      '2027-04-28T07:00:00.000Z',
      'Wednesday 09:00 (summer time)',
    ],
    ['a deadline on Christmas Eve', '2026-12-24', '2026-12-28T08:00:00.000Z', 'Monday after Christmas 09:00'],
    [
      'a deadline before Easter',
      '2027-03-26',
      '2027-03-30T07:00:00.000Z',
      'Tuesday after Easter Monday, 09:00 summer time',
    ],
  ])('after %s (%s) runs on %s: %s', (_case, dueDate, expected) => {
    const ladder = ladderAt('2027-06-30T12:00:00Z', [
      { ...report(dueDate), id: `intro:${dueDate}`, kind: 'intro' },
    ]);

    expect(ofType(ladder, 'miss.detected')[0]?.at.toISOString()).toBe(expected);
  });

  it('lets the grace run at least to the end of the sweep day when holidays outlast it', () => {
    // Due Thu 24 Dec; three days of grace end Sun 27 Dec, but the sweep only runs Mon 28 Dec.
    const ladder = ladderAt('2026-12-28T12:00:00Z', [report('2026-12-24')]);

    expect(ofType(ladder, 'miss.detected')[0]).toMatchObject({ graceEndDate: '2026-12-28' });
  });
});

describe('re-evaluation', () => {
  const reports = (submitFeb: string | null) => [
    report(FEB, submitFeb),
    report(MAR),
    report(APR),
    report(MAY),
  ];
  const instants = [
    '2027-02-03T12:00:00Z',
    '2027-03-10T12:00:00Z',
    '2027-04-20T12:00:00Z',
    '2027-06-01T12:00:00Z',
  ];

  it('gives every action in a timeline a unique key', () => {
    for (const at of instants) {
      const keys = ladderAt(at, reports(null)).timeline.map((action) => action.key);

      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('keeps past actions and their keys unchanged when evaluated later, even after a late hand-in', () => {
    const earlier = ladderAt('2027-02-10T12:00:00Z', reports(null));
    const later = ladderAt('2027-06-01T12:00:00Z', reports('2027-02-20T10:00:00Z'));

    const laterUpToThen = later.timeline.filter((action) => action.at <= earlier.at);

    expect(laterUpToThen).toEqual(past(earlier));
  });

  it('ignores facts stamped after the instant asked about, so replaying the past gives what was true then', () => {
    const replay = ladderAt('2027-02-10T12:00:00Z', [report(FEB, '2027-02-20T10:00:00Z')], {
      substitutes: [{ key: 'substitute:monthly:2027-02-01', doneAt: new Date('2027-02-15T10:00:00Z') }],
      resetAt: new Date('2027-03-01T10:00:00Z'),
    });

    expect(replay.reports[0]).toMatchObject({ status: 'missed', missNumber: 1, owed: true });
    expect(replay.substitutes[0]?.status).toBe('open');
  });
});

describe('the scheduler slice', () => {
  it('hands out every action exactly once over consecutive ticks', () => {
    const reports = [report(FEB), report(MAR, '2027-03-03T10:00:00Z'), report(APR), report(MAY)];
    const start = Date.parse('2027-01-20T00:00:00Z');
    const end = Date.parse('2027-06-01T00:00:00Z');
    const sent: string[] = [];

    for (let tick = start; tick < end; tick += 7 * 3_600_000) {
      const since = new Date(tick);
      const at = new Date(tick + 7 * 3_600_000);
      sent.push(...dueActions(ladderAt(at.toISOString(), reports), since, at).map((action) => action.key));
    }

    const final = ladderAt(new Date(end).toISOString(), reports);
    expect(sent).toEqual(past(final).map((action) => action.key));
    expect(new Set(sent).size).toBe(sent.length);
  });

  it('includes an action at exactly `at` and excludes one at exactly `since`', () => {
    const ladder = ladderAt('2027-02-02T08:00:00Z', [report(FEB)]);
    const sweep = new Date('2027-02-02T08:00:00.000Z');

    expect(dueActions(ladder, new Date('2027-02-02T07:00:00Z'), sweep).map((action) => action.type)).toEqual([
      'miss.detected',
    ]);
    expect(dueActions(ladder, sweep, new Date('2027-02-02T09:00:00Z'))).toEqual([]);
  });
});

describe('substitute assignments', () => {
  it('raise one coordinator alert when overdue', () => {
    const ladder = ladderAt('2027-03-31T12:00:00Z', [report(FEB, '2027-02-10T10:00:00Z')]);

    const alerts = ofType(ladder, 'substitute.overdue');

    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ audience: ['coordinator'], substituteDueDate: '2027-02-18' });
    expect(alerts[0]?.at.toISOString()).toBe('2027-02-19T08:00:00.000Z');
    expect(ladder.substitutes[0]?.status).toBe('overdue');
  });

  it('raise no alert when handed in or ticked off in time', () => {
    const ladder = ladderAt('2027-03-31T12:00:00Z', [report(FEB, '2027-02-10T10:00:00Z')], {
      substitutes: [{ key: 'substitute:monthly:2027-02-01', doneAt: new Date('2027-02-18T15:00:00Z') }],
    });

    expect(ofType(ladder, 'substitute.overdue')).toEqual([]);
    expect(ladder.substitutes[0]?.status).toBe('done');
  });
});

describe('a coordinator reset', () => {
  it('counts only misses with a deadline after the reset', () => {
    const reports = [report(FEB), report(MAR), report(APR), report(MAY), report(JUN)];

    const ladder = ladderAt('2027-06-15T12:00:00Z', reports, { resetAt: new Date('2027-05-10T09:00:00Z') });

    expect(ladder).toMatchObject({ insufficient: false, missCount: 1, step: 1 });
    expect(ladder.reports.map((r) => r.missNumber)).toEqual([null, null, null, null, 1]);
    expect(ladder.reports.map((r) => r.status)).toEqual(['missed', 'missed', 'missed', 'missed', 'missed']);
  });
});

describe('policy data', () => {
  const policy = (data: unknown): EscalationPolicy => escalationPolicySchema.parse(data);

  it('makes the third miss insufficient when insufficientAt is 3', () => {
    const ladder = ladderAt('2027-06-15T12:00:00Z', [report(FEB), report(MAR), report(APR), report(MAY)], {
      policy: policy({ insufficientAt: 3 }),
    });

    expect(
      ofType(ladder, 'placement.insufficient').map((action) => [action.report.dueDate, action.step]),
    ).toEqual([[APR, 3]]);
    expect(ofType(ladder, 'miss.detected')).toHaveLength(2);
    expect(ladder.insufficientSince?.toISOString()).toBe('2027-04-02T07:00:00.000Z');
  });

  it('follows a custom table: reminders only, other grace and intervals, reusing the last step', () => {
    const custom = policy({
      graceDays: 5,
      owedReminderEveryDays: 7,
      sweepTime: '10:30',
      steps: [{ substitute: 'none' }, { substitute: 'none', notifyMentor: true }],
      insufficientAt: 5,
    });

    const ladder = ladderAt('2027-06-15T12:00:00Z', [report(FEB), report(MAR), report(APR)], {
      policy: custom,
    });

    const misses = ofType(ladder, 'miss.detected');
    expect(
      misses.map((miss) => [miss.step, miss.substituteNow, miss.graceEndDate, miss.audience.length]),
    ).toEqual([
      [1, false, '2027-02-06', 2],
      [2, false, '2027-03-06', 3],
      [2, false, '2027-04-06', 3],
    ]);
    expect(misses[0]?.at.toISOString()).toBe('2027-02-02T09:30:00.000Z');
    expect(ladder.substitutes).toEqual([]);
    expect(
      ofType(ladder, 'owed.reminder')
        .filter((action) => action.report.dueDate === FEB)
        .slice(0, 2)
        .map((action) => action.at.toISOString()),
    ).toEqual(['2027-02-15T09:30:00.000Z', '2027-02-22T09:30:00.000Z']);
  });
});
