import { describe, expect, it } from 'vitest';
import { parseConsoleLine, parseDuration } from './parse-line';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('parseDuration', () => {
  it.each([
    ['3h', 3 * HOUR],
    ['1d', DAY],
    ['1w', 7 * DAY],
    ['2d4h', 2 * DAY + 4 * HOUR],
    ['90m', 90 * 60_000],
    ['2 dagen', 2 * DAY],
    ['3 uur', 3 * HOUR],
    ['5', 5 * DAY],
  ])('reads %s', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each(['banaan', '3x', '0h', '3h banaan', ''])('rejects %j', (input) => {
    expect(parseDuration(input)).toBeNull();
  });
});

describe('parseConsoleLine', () => {
  it.each([
    ['', { type: 'empty' }],
    ['4', { type: 'text', text: '4' }],
    ['  start  ', { type: 'text', text: 'start' }],
    ['/stage overzicht voorbeeldklas', { type: 'command', text: 'overzicht voorbeeldklas' }],
    ['/als sam', { type: 'switch', who: 'sam' }],
    ['/as Eva Jansen', { type: 'switch', who: 'Eva Jansen' }],
    ['/wie', { type: 'who' }],
    ['/clock', { type: 'clock' }],
    ['/verder', { type: 'advance', ms: DAY }],
    ['/advance 3h', { type: 'advance', ms: 3 * HOUR }],
    ['/tijd 2027-03-05 13:00', { type: 'set-time', at: '2027-03-05 13:00' }],
    ['/STOP', { type: 'stop' }],
    ['/verder soms', { type: 'invalid', reason: 'bad-duration', input: 'soms' }],
    ['/als', { type: 'invalid', reason: 'missing-person', input: '/als' }],
    ['/dans', { type: 'invalid', reason: 'unknown-command', input: '/dans' }],
    ['!', { type: 'invalid', reason: 'missing-action', input: '!' }],
  ])('%j', (line, intent) => {
    expect(parseConsoleLine(line)).toEqual(intent);
  });

  it('reads a click with a value', () => {
    expect(parseConsoleLine('!checkin.mood 4')).toEqual({
      type: 'action',
      actionId: 'checkin.mood',
      value: '4',
    });
  });

  it('reads a form whose free-text field runs until the next field', () => {
    expect(parseConsoleLine('!reflection.feedback r-1 verdict=approved feedback=Mooi verslag, Sam!')).toEqual(
      {
        type: 'action',
        actionId: 'reflection.feedback',
        value: 'r-1',
        formValues: { verdict: 'approved', feedback: 'Mooi verslag, Sam!' },
      },
    );
  });
});
