import { describe, expect, it } from 'vitest';
import { buildDigest } from './build';
import { renderDigest } from './render';
import { cohort, DIGEST_AT, placement } from './test-fixtures';

describe('a paused placement in the digest', () => {
  it('shows as paused, without the check-in flags of weeks in which nothing was asked', () => {
    const paused = placement({ status: 'paused', signals: ['checkins-missed', 'mood-low'] });

    const view = buildDigest(cohort([paused]), DIGEST_AT);
    const text = JSON.stringify(renderDigest(view, 'nl'));

    expect(view.mentors[0]?.students[0]).toMatchObject({ status: 'paused', flags: [] });
    expect(text).toContain('gepauzeerd');
    expect(text).not.toContain('check-ins gemist');
  });

  it('keeps the flags of a running placement', () => {
    const running = placement({ signals: ['checkins-missed'] });

    const view = buildDigest(cohort([running]), DIGEST_AT);

    expect(view.mentors[0]?.students[0]).toMatchObject({ status: 'active', flags: ['checkins-missed'] });
  });
});
