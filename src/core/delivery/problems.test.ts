import { describe, expect, it } from 'vitest';
import {
  type DeliveryProblem,
  problemOfResolveReason,
  RESOLVE_REASONS,
  type ResolveReason,
} from './problems';

describe('problemOfResolveReason', () => {
  const cases: ReadonlyArray<readonly [ResolveReason, DeliveryProblem]> = [
    [RESOLVE_REASONS.noIdentity, 'not-found'],
    [RESOLVE_REASONS.unknownPerson, 'not-found'],
    [RESOLVE_REASONS.identityGone, 'account-gone'],
    [RESOLVE_REASONS.noChannel, 'channel-missing'],
    [RESOLVE_REASONS.unknownCohort, 'channel-missing'],
  ];

  it.each(cases)('maps the resolver reason %s to %s', (reason, expected) => {
    expect(problemOfResolveReason(reason)).toBe(expected);
  });
});
