import { describe, expect, it } from 'vitest';
import { type CheckinHistoryEntry, currentCheckinFlags, evaluateCheckinSignals } from './signals';

const answered = (
  week: string,
  mood: number,
  extra: Partial<CheckinHistoryEntry> = {},
): CheckinHistoryEntry => ({
  week,
  answered: true,
  mood,
  wantsTalk: false,
  mentorTalk: 'yes',
  ...extra,
});

const unanswered = (week: string, extra: Partial<CheckinHistoryEntry> = {}): CheckinHistoryEntry => ({
  week,
  answered: false,
  mood: null,
  wantsTalk: false,
  mentorTalk: 'yes',
  ...extra,
});

const keysOf = (history: CheckinHistoryEntry[]): string[] =>
  evaluateCheckinSignals(history).map((signal) => signal.key);

describe('signals from the weekly history', () => {
  it.each([
    [
      'nothing for a placement that answers every week',
      [answered('2027-W10', 4), answered('2027-W11', 3)],
      [],
    ],
    ['nothing for one unanswered check-in', [answered('2027-W10', 4), unanswered('2027-W11')], []],
    [
      'a digest flag for two unanswered check-ins in a row',
      [answered('2027-W10', 4), unanswered('2027-W11'), unanswered('2027-W12')],
      ['signal:checkins-missed:2027-W12'],
    ],
    [
      'a coordinator alert at the third unanswered check-in, and the flag stays',
      [unanswered('2027-W10'), unanswered('2027-W11'), unanswered('2027-W12'), unanswered('2027-W13')],
      [
        'signal:checkins-missed:2027-W11',
        'signal:checkins-missed:2027-W12',
        'signal:checkins-missed-alert:2027-W12',
        'signal:checkins-missed:2027-W13',
      ],
    ],
    [
      'no flag when an answer breaks the run',
      [unanswered('2027-W10'), answered('2027-W11', 4), unanswered('2027-W12')],
      [],
    ],
    [
      'no flag yet for an open check-in that is still unanswered',
      [unanswered('2027-W10'), unanswered('2027-W11', { open: true })],
      [],
    ],
    [
      'a run across a week without a check-in (consecutive sent check-ins)',
      [unanswered('2027-W50'), unanswered('2028-W01')],
      ['signal:checkins-missed:2028-W01'],
    ],
    [
      'a mentor alert for mood 1',
      [answered('2027-W10', 4), answered('2027-W11', 1)],
      ['signal:mood-low:2027-W11'],
    ],
    [
      'a mentor alert for mood 2 two weeks running',
      [answered('2027-W10', 2), answered('2027-W11', 2)],
      ['signal:mood-low:2027-W11'],
    ],
    ['no alert for a single mood 2', [answered('2027-W10', 3), answered('2027-W11', 2)], []],
    [
      'no low-twice alert when an unanswered week lies between',
      [answered('2027-W10', 2), unanswered('2027-W11'), answered('2027-W12', 2)],
      [],
    ],
    [
      'a mentor note when the student wants to talk',
      [answered('2027-W10', 4, { wantsTalk: true })],
      ['signal:wants-talk:2027-W10'],
    ],
    [
      'a coordinator flag when the mentor had no talk two weeks running',
      [answered('2027-W10', 4, { mentorTalk: 'no' }), answered('2027-W11', 4, { mentorTalk: 'no' })],
      ['signal:mentor-no-talk:2027-W11'],
    ],
    [
      'no flag when a talk was moved in between',
      [
        answered('2027-W10', 4, { mentorTalk: 'no' }),
        answered('2027-W11', 4, { mentorTalk: 'moved' }),
        answered('2027-W12', 4, { mentorTalk: 'no' }),
      ],
      [],
    ],
  ])('gives %s', (_name, history, expected) => {
    expect(keysOf(history)).toEqual(expected);
  });

  it('sends each signal to the right audience', () => {
    const history = [
      unanswered('2027-W10', { mentorTalk: 'no' }),
      unanswered('2027-W11', { mentorTalk: 'no' }),
      unanswered('2027-W12'),
      answered('2027-W13', 1, { wantsTalk: true }),
    ];

    const audiences = evaluateCheckinSignals(history).map((signal) => [signal.kind, signal.audience]);

    expect(audiences).toEqual([
      ['checkins-missed', 'mentor-digest'],
      ['mentor-no-talk', 'coordinator'],
      ['checkins-missed', 'mentor-digest'],
      ['checkins-missed-alert', 'coordinator'],
      ['mood-low', 'mentor'],
      ['wants-talk', 'mentor'],
    ]);
  });

  it('says why the mood is low', () => {
    const [first] = evaluateCheckinSignals([answered('2027-W10', 2), answered('2027-W11', 1)]);
    const second = evaluateCheckinSignals([answered('2027-W10', 1), answered('2027-W11', 2)]).at(-1);

    expect(first?.reason).toBe('mood-1');
    expect(second).toMatchObject({ week: '2027-W11', reason: 'low-twice' });
  });

  it('yields the same keys when the same history is evaluated again, also with a newer week added', () => {
    const history = [unanswered('2027-W10'), unanswered('2027-W11'), unanswered('2027-W12')];

    const first = keysOf(history);
    const again = keysOf(history);
    const later = keysOf([...history, answered('2027-W13', 1)]);

    expect(again).toEqual(first);
    expect(later.slice(0, first.length)).toEqual(first);
    expect(later.filter((key) => !first.includes(key))).toEqual(['signal:mood-low:2027-W13']);
  });

  it('reads a history given out of order newest last', () => {
    const shuffled = [unanswered('2027-W12'), unanswered('2027-W10'), unanswered('2027-W11')];

    expect(keysOf(shuffled)).toContain('signal:checkins-missed-alert:2027-W12');
  });

  it('drops signals of weeks before `sinceWeek`', () => {
    const history = [unanswered('2027-W10'), unanswered('2027-W11'), unanswered('2027-W12')];

    const keys = evaluateCheckinSignals(history, { sinceWeek: '2027-W12' }).map((signal) => signal.key);

    expect(keys).toEqual(['signal:checkins-missed:2027-W12', 'signal:checkins-missed-alert:2027-W12']);
  });
});

describe('attention flags for the digest', () => {
  it('flags missed check-ins of the newest closed week while a new one is open', () => {
    const history = [unanswered('2027-W10'), unanswered('2027-W11'), answered('2027-W12', 4, { open: true })];

    expect(currentCheckinFlags(history)).toEqual(['checkins-missed']);
  });

  it('forgets flags of older weeks', () => {
    const history = [answered('2027-W10', 1), answered('2027-W11', 4), answered('2027-W12', 4)];

    expect(currentCheckinFlags(history)).toEqual([]);
  });
});
