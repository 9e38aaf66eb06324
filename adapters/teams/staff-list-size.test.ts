import { describe, expect, it } from 'vitest';
import { renderMentorTalkList } from '../../src/core/checkin/messages';
import { renderStaffSummary } from '../../src/core/escalation/staff-summary';
import type { MissDetectedAction } from '../../src/core/escalation/types';
import { renderSlackPosts, SLACK_LIMITS } from '../slack/render';
import { renderActivity } from './render';

/** Teams refuses an activity whose Adaptive Card is larger than about 28 KB. */
const TEAMS_CARD_BYTES = 28_000;
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

const miss = (i: number): MissDetectedAction =>
  ({
    type: 'miss.detected',
    key: `miss:monthly:2027-03-01`,
    at: new Date('2027-03-02T08:00:00Z'),
    audience: ['student', 'coordinator'],
    report: { id: `monthly:2027-03-01`, kind: 'monthly', dueDate: '2027-03-01', status: 'missed', number: 1 },
    missNumber: 1,
    step: 1,
    rule: { substitute: 'after-grace', lastChance: false },
    handedIn: false,
    graceEndDate: '2027-03-04',
    substituteDueDate: null,
    substituteNow: false,
    lastChance: false,
    missesLeft: 2,
    placement: `placement-${i}`,
  }) as unknown as MissDetectedAction;

describe('the shared staff-message budget fits both platforms', () => {
  const summary = renderStaffSummary(
    'nl',
    Array.from({ length: 400 }, (_, i) => ({
      action: miss(i),
      audience: 'coordinator' as const,
      student: `Student${i} van der Achternaam`,
      placementId: `0b6f1c9e-7a51-4d1e-9f2a-${String(i).padStart(12, '0')}`,
    })),
  );
  const talk = renderMentorTalkList(
    'en',
    Array.from({ length: 30 }, (_, i) => ({
      name: `Student${i} van der Achternaam`,
      ref: `0b6f1c9e-7a51-4d1e-9f2a-${String(i).padStart(12, '0')}@2027-W05`,
    })),
  );

  it('a coordinator summary of 400 misses and a mentor list of 30 are one message each', () => {
    expect(summary).toHaveLength(1);
    expect(talk).toHaveLength(1);
  });

  it('renders each as one Slack post within the block limit and one Teams card within its size', () => {
    for (const message of [...summary, ...talk]) {
      const posts = renderSlackPosts(message);
      expect(posts).toHaveLength(1);
      expect(posts[0]?.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      expect(bytes(renderActivity(message))).toBeLessThanOrEqual(TEAMS_CARD_BYTES);
    }
  });
});
