import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATION_POLICY } from '../escalation/policy';
import { type ReportRecord, type ReportStatus, reportDeadline, reportStatus } from './report';

const TZ = 'Europe/Amsterdam';

// Due Monday 4 January 2027; Amsterdam is UTC+1 in winter, so 23:59:59 local = 22:59:59Z.
const report = (submittedAt: string | null, excused = false): ReportRecord => ({
  id: 'monthly:2027-01-04',
  kind: 'monthly',
  dueDate: '2027-01-04',
  submittedAt: submittedAt === null ? null : new Date(submittedAt),
  excused,
});

describe('report status', () => {
  it('puts the deadline at 23:59:59 local time on the due date', () => {
    expect(reportDeadline('2027-01-04', TZ).toISOString()).toBe('2027-01-04T22:59:59.000Z');
    expect(reportDeadline('2027-06-01', TZ).toISOString()).toBe('2027-06-01T21:59:59.000Z');
  });

  // [case, submittedAt, excused, at, expected]
  const rows: Array<[string, string | null, boolean, string, ReportStatus]> = [
    ['not handed in before the deadline', null, false, '2027-01-04T12:00:00Z', 'pending'],
    ['handed in at 23:59:59 local', '2027-01-04T22:59:59.000Z', false, '2027-01-05T09:00:00Z', 'submitted'],
    [
      'handed in within the last second',
      '2027-01-04T22:59:59.900Z',
      false,
      '2027-01-05T09:00:00Z',
      'submitted',
    ],
    ['handed in at 00:00:01 local', '2027-01-04T23:00:01.000Z', false, '2027-01-05T09:00:00Z', 'late'],
    ['not handed in after the deadline', null, false, '2027-01-04T23:00:01Z', 'missed'],
    ['excused before the deadline', null, true, '2027-01-04T12:00:00Z', 'excused'],
    ['excused after a late hand-in', '2027-01-06T10:00:00Z', true, '2027-01-07T09:00:00Z', 'excused'],
    [
      'handed in only after the instant asked about',
      '2027-01-06T10:00:00Z',
      false,
      '2027-01-05T09:00:00Z',
      'missed',
    ],
  ];

  it.each(
    rows.map(([name, submittedAt, excused, at, expected]) => ({ name, submittedAt, excused, at, expected })),
  )('a report $name is $expected', ({ submittedAt, excused, at, expected }) => {
    const status = reportStatus(report(submittedAt, excused), new Date(at), DEFAULT_ESCALATION_POLICY, TZ);

    expect(status).toBe(expected);
  });
});
