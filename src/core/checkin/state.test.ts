import { describe, expect, it } from 'vitest';
import { receiveCheckinText } from './conversation';
import { parseMentorTalkState } from './mentor-talk';
import { type CheckinState, createCheckinState, parseCheckinState } from './state';

const AT = new Date('2027-03-26T12:05:00Z');

describe('check-in state as stored JSON', () => {
  it('survives a round trip through JSON after every step', () => {
    let state = createCheckinState('2027-W12');
    for (const answer of ['2', 'Een overdracht gedaan', 'ja', 'Mijn rooster']) {
      [state] = receiveCheckinText(state, answer, AT);

      const loaded = parseCheckinState(JSON.parse(JSON.stringify(state)));

      expect(loaded).toEqual({ ok: true, value: state });
    }
  });

  it.each([
    ['a mood out of range', { week: '2027-W12', step: 'learned', mood: 7 }],
    ['an unknown step', { week: '2027-W12', step: 'goal' }],
    ['a malformed week', { week: '2027-12', step: 'mood' }],
    ['no object at all', 'mood'],
  ])('refuses %s', (_name, value) => {
    const loaded = parseCheckinState(value);

    expect(loaded.ok).toBe(false);
    expect(loaded.ok ? null : loaded.error.code).toBe('CHECKIN.INVALID_STATE');
  });

  it('carries the previous check-in mood into a new check-in', () => {
    const previous: CheckinState = { week: '2027-W11', step: 'done', mood: 2 };

    expect(createCheckinState('2027-W12', previous)).toEqual({
      week: '2027-W12',
      step: 'mood',
      previousMood: 2,
    });
    expect(createCheckinState('2027-W12', { week: '2027-W11', step: 'mood' }).previousMood).toBeNull();
  });
});

describe('mentor talk state as stored JSON', () => {
  it('reads a finished answer back and refuses an unknown answer', () => {
    const stored = {
      week: '2027-W12',
      step: 'done',
      answer: 'moved',
      note: null,
      answeredAt: AT.toISOString(),
    };

    expect(parseMentorTalkState(stored)).toEqual({ ok: true, value: stored });
    expect(parseMentorTalkState({ ...stored, answer: 'maybe' }).ok).toBe(false);
  });
});
