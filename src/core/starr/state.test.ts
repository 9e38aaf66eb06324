import { describe, expect, it } from 'vitest';
import { createStarrState, parseStarrState } from './state';
import { MONDAY } from './test-fixtures';

describe('stored state', () => {
  it.each(['monthly', 'intro', 'midterm'] as const)(
    'a fresh %s draft survives a JSON round-trip unchanged',
    (kind) => {
      const state = createStarrState('report-1', kind, MONDAY);

      const stored = JSON.parse(JSON.stringify(state));

      expect(stored).toStrictEqual(state);
      expect(parseStarrState(stored)).toEqual({ ok: true, value: state });
    },
  );

  it.each([
    ['not an object', 'hello'],
    ['a step of another kind', { ...createStarrState('r', 'intro', MONDAY), step: 'situation' }],
    ['an unknown status', { ...createStarrState('r', 'monthly', MONDAY), status: 'done' }],
  ])('rejects %s', (_name, value) => {
    const result = parseStarrState(value);

    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('STARR.INVALID_STATE');
  });
});
