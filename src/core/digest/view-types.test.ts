import { describe, expectTypeOf, it } from 'vitest';
import type { LocalDate } from '../shared/dates';
import type {
  DigestFlag,
  DigestMentorGroup,
  DigestPlacementStatus,
  DigestStudentRow,
  DigestView,
  EvaluationKind,
} from './types';

/**
 * Compile-time guard (checked by `tsc`): the digest row has exactly these fields, and each is a
 * name/id, a date, a count, a boolean or a flag. Adding a field for free text fails the build here.
 */
describe('the digest view types', () => {
  it('give a student row only names, dates, counts, booleans and flags', () => {
    expectTypeOf<keyof DigestStudentRow>().toEqualTypeOf<
      | 'placementId'
      | 'studentName'
      | 'checkinAnswered'
      | 'flags'
      | 'nextReportDue'
      | 'owedReports'
      | 'openSubstitutes'
      | 'overdueSubstitutes'
      | 'ladderStep'
      | 'evaluations'
      | 'reflectionsAwaitingFeedback'
      | 'reflectionsAwaitingRevision'
      | 'status'
    >();
    expectTypeOf<DigestStudentRow['status']>().toEqualTypeOf<DigestPlacementStatus>();
    expectTypeOf<DigestStudentRow['checkinAnswered']>().toEqualTypeOf<boolean | null>();
    expectTypeOf<DigestStudentRow['flags']>().toEqualTypeOf<readonly DigestFlag[]>();
    expectTypeOf<DigestStudentRow['nextReportDue']>().toEqualTypeOf<LocalDate | null>();
    expectTypeOf<DigestStudentRow['owedReports']>().toEqualTypeOf<number>();
    expectTypeOf<DigestStudentRow['ladderStep']>().toEqualTypeOf<number>();
    expectTypeOf<DigestStudentRow['reflectionsAwaitingFeedback']>().toEqualTypeOf<number>();
    expectTypeOf<DigestStudentRow['evaluations'][number]>().toEqualTypeOf<{
      readonly kind: EvaluationKind;
      readonly date: LocalDate;
    }>();
  });

  it('limit flags to the five codes, with mood and a wish to talk only as attention', () => {
    expectTypeOf<DigestFlag>().toEqualTypeOf<
      'checkins-missed' | 'attention' | 'no-talk-twice' | 'insufficient' | 'last-chance'
    >();
  });

  it('have no place for moods, notes or reflections anywhere in the view', () => {
    expectTypeOf<DigestStudentRow>().not.toHaveProperty('mood');
    expectTypeOf<DigestStudentRow>().not.toHaveProperty('note');
    expectTypeOf<DigestStudentRow>().not.toHaveProperty('reflection');
    expectTypeOf<keyof DigestMentorGroup>().toEqualTypeOf<'mentorId' | 'mentorName' | 'students'>();
    expectTypeOf<keyof DigestView>().toEqualTypeOf<
      | 'cohortId'
      | 'cohortName'
      | 'week'
      | 'weekStart'
      | 'weekEnd'
      | 'studentCount'
      | 'attentionCount'
      | 'mentors'
    >();
  });
});
