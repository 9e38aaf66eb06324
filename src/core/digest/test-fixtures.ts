import type { DigestInput, DigestPlacementInput } from './types';

/** Monday 16 March 2026, 08:30 in Amsterdam (CET, UTC+1): the default digest moment of week 12. */
export const DIGEST_AT = new Date('2026-03-16T07:30:00Z');

export function placement(overrides: Partial<DigestPlacementInput> = {}): DigestPlacementInput {
  return {
    placementId: 'p-1',
    studentName: 'Sam de Vries',
    mentors: [{ mentorId: 'm-anna', mentorName: 'Anna Bakker', reflectionsAwaitingFeedback: 0 }],
    lastCheckinAnswered: true,
    signals: [],
    nextReportDue: '2026-04-01',
    owedReports: 0,
    openSubstitutes: 0,
    overdueSubstitutes: 0,
    ladderStep: 0,
    lastChance: false,
    insufficient: false,
    evaluations: [],
    ...overrides,
  };
}

export function cohort(placements: DigestPlacementInput[]): DigestInput {
  return { cohortId: 'c-zorg', cohortName: 'Zorg 3A', timezone: 'Europe/Amsterdam', placements };
}

/** Strings that must never reach a digest: they stand in for reflection text, notes and moods. */
export const SENSITIVE_MARKERS = ['SECRET-REFLECTION-7f3a', 'SECRET-CHECKIN-NOTE-91bc', 'SECRET-TOPIC-55de'];

/**
 * A placement as the app might load it: the digest fields plus sensitive content on the same
 * objects (the student, the mentors, the evaluations), as happens when records are reused.
 */
export function leakyPlacement(id: string, name: string, mentorId: string): DigestPlacementInput {
  const [reflection, note, topic] = SENSITIVE_MARKERS;
  const base = placement({
    placementId: id,
    studentName: name,
    signals: ['mood-low', 'wants-talk'],
    evaluations: [{ kind: 'midterm', date: '2026-03-20' }],
  });
  return Object.assign(base, {
    reflectionText: reflection,
    checkinNote: note,
    wantsTalkTopic: topic,
    mood: 1,
    moods: [1, 2],
    mentors: [
      Object.assign(
        { mentorId, mentorName: `Mentor ${mentorId}`, reflectionsAwaitingFeedback: 1 },
        { lastFeedback: reflection },
      ),
    ],
    evaluations: [Object.assign({ kind: 'midterm' as const, date: '2026-03-20' }, { notes: note })],
  });
}
