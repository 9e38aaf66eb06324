import type { DigestFlag, DigestPlacementStatus, EvaluationKind } from '../../digest/types';

/**
 * Texts of the weekly mentor digest. The digest may be posted in a shared channel: these texts
 * name students and counts only, never moods or anything a student wrote.
 */

const nlFlags: Record<DigestFlag, string> = {
  'checkins-missed': 'check-ins gemist',
  attention: 'even aandacht geven',
  'no-talk-twice': 'twee weken geen gesprek',
  insufficient: 'onvoldoende',
  'last-chance': 'laatste kans',
};

const enFlags: Record<DigestFlag, string> = {
  'checkins-missed': 'check-ins missed',
  attention: 'needs a look',
  'no-talk-twice': 'no talk two weeks running',
  insufficient: 'insufficient',
  'last-chance': 'last chance',
};

/** Ended placements appear once more, marked as the last mention. */
const nlStatuses: Record<DigestPlacementStatus, string> = {
  active: 'loopt',
  paused: 'gepauzeerd',
  insufficient: 'onvoldoende (laatste vermelding)',
  completed: 'afgerond (laatste vermelding)',
  ended: 'gestopt (laatste vermelding)',
};

const enStatuses: Record<DigestPlacementStatus, string> = {
  active: 'running',
  paused: 'paused',
  insufficient: 'insufficient (last mention)',
  completed: 'completed (last mention)',
  ended: 'ended (last mention)',
};

const nlEvaluations: Record<EvaluationKind, string> = {
  intro: 'kennismaking',
  midterm: 'tussenevaluatie',
  final: 'eindbeoordeling',
};

const enEvaluations: Record<EvaluationKind, string> = {
  intro: 'intro meeting',
  midterm: 'mid-term evaluation',
  final: 'final assessment',
};

export const nl = {
  title: (cohort: string, week: number) => `Weekoverzicht ${cohort} · week ${week}`,
  period: (from: string, to: string) => `${from} t/m ${to}`,
  totals: (students: number, attention: number) =>
    `${students} ${students === 1 ? 'stagiair' : 'stagiairs'} · ${attention} ${attention === 1 ? 'vraagt' : 'vragen'} aandacht`,
  detailsHint: 'Met Details zie je meer over een stagiair, alleen voor jou.',
  empty: (cohort: string) => `Deze week zijn er geen lopende stages in ${cohort}. Fijne week!`,
  mentorHeading: (mentor: string) => `Stagiairs van ${mentor}`,
  noMentorHeading: 'Stagiairs nog zonder praktijkbegeleider',
  part: (heading: string, part: number, parts: number) => `${heading} (${part}/${parts})`,
  mentorSummary: (cohort: string, mentor: string, students: number) =>
    `Weekoverzicht ${cohort}: ${mentor}, ${students} ${students === 1 ? 'stagiair' : 'stagiairs'}`,
  flaggedName: (name: string) => `⚠️ ${name}`,
  checkinLabel: 'Laatste check-in',
  checkinAnswered: 'beantwoord',
  checkinMissed: 'niet beantwoord',
  checkinNone: 'nog geen',
  flagsLabel: 'Let op',
  flag: (flag: DigestFlag) => nlFlags[flag],
  nextReportLabel: 'Volgend verslag',
  none: '—',
  owedLabel: 'Verslagen achter',
  substitutesLabel: 'Vervangende opdrachten',
  substitutes: (open: number, overdue: number) =>
    [open > 0 ? `${open} open` : '', overdue > 0 ? `${overdue} te laat` : ''].filter(Boolean).join(', '),
  ladderLabel: 'Escalatie',
  ladder: (step: number) => `stap ${step}`,
  evaluationsLabel: 'Komende 14 dagen',
  evaluation: (kind: EvaluationKind, date: string) => `${nlEvaluations[kind]} ${date}`,
  feedbackLabel: 'Wacht op feedback',
  feedback: (count: number) => (count === 1 ? '1 verslag' : `${count} verslagen`),
  revisionLabel: 'Wacht op aanvulling',
  statusLabel: 'Status',
  status: (status: DigestPlacementStatus) => nlStatuses[status],
  details: 'Details',
};

export const en: typeof nl = {
  title: (cohort: string, week: number) => `Weekly digest ${cohort} · week ${week}`,
  period: (from: string, to: string) => `${from} – ${to}`,
  totals: (students: number, attention: number) =>
    `${students} ${students === 1 ? 'student' : 'students'} · ${attention} ${attention === 1 ? 'needs' : 'need'} attention`,
  detailsHint: 'Details shows more about a student, only to you.',
  empty: (cohort: string) => `There are no running placements in ${cohort} this week. Have a good week!`,
  mentorHeading: (mentor: string) => `Students of ${mentor}`,
  noMentorHeading: 'Students without a mentor yet',
  part: (heading: string, part: number, parts: number) => `${heading} (${part}/${parts})`,
  mentorSummary: (cohort: string, mentor: string, students: number) =>
    `Weekly digest ${cohort}: ${mentor}, ${students} ${students === 1 ? 'student' : 'students'}`,
  flaggedName: (name: string) => `⚠️ ${name}`,
  checkinLabel: 'Last check-in',
  checkinAnswered: 'answered',
  checkinMissed: 'not answered',
  checkinNone: 'none yet',
  flagsLabel: 'Note',
  flag: (flag: DigestFlag) => enFlags[flag],
  nextReportLabel: 'Next report',
  none: '—',
  owedLabel: 'Reports owed',
  substitutesLabel: 'Substitute assignments',
  substitutes: (open: number, overdue: number) =>
    [open > 0 ? `${open} open` : '', overdue > 0 ? `${overdue} overdue` : ''].filter(Boolean).join(', '),
  ladderLabel: 'Escalation',
  ladder: (step: number) => `step ${step}`,
  evaluationsLabel: 'Next 14 days',
  evaluation: (kind: EvaluationKind, date: string) => `${enEvaluations[kind]} ${date}`,
  feedbackLabel: 'Awaiting feedback',
  feedback: (count: number) => (count === 1 ? '1 report' : `${count} reports`),
  revisionLabel: 'Awaiting revision',
  statusLabel: 'Status',
  status: (status: DigestPlacementStatus) => enStatuses[status],
  details: 'Details',
};
