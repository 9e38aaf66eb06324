import { format } from 'date-fns/format';
import { enGB, nl as nlLocale } from 'date-fns/locale';
import { type Block, type Locale, type Message, text } from '../messages/model';
import { pick } from '../messages/texts';
import * as digestTexts from '../messages/texts/digest';
import type { LocalDate } from '../shared/dates';
import type { DigestMentorGroup, DigestStudentRow, DigestView } from './types';

/** Slack allows 50 blocks per message; renderers may add a few of their own. */
export const MAX_DIGEST_BLOCKS = 45;

export const DIGEST_DETAILS_ACTION = 'digest.details';

type Texts = typeof digestTexts.nl;

const DATE_LOCALES = { nl: nlLocale, en: enGB } as const;

/** "ma 16 mrt." / "Mon 16 Mar": short enough for a field. */
function shortDate(date: LocalDate, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(new Date(y, m - 1, d, 12), locale === 'en' ? 'EEE d MMM' : 'EEEEEE d MMM', {
    locale: DATE_LOCALES[locale],
  });
}

const weekNumber = (view: DigestView): number => Number(view.week.slice(6));

type Totals = { students: number; attention: number; groups: number };

const totalsOf = (view: DigestView): Totals => ({
  students: view.studentCount,
  attention: view.attentionCount,
  groups: view.mentors.length,
});

/** Totals of one mentor's part, for the private copy. */
const totalsOfGroup = (group: DigestMentorGroup): Totals => ({
  students: group.students.length,
  attention: group.students.filter((row) => row.flags.length > 0).length,
  groups: 1,
});

function headingMessage(view: DigestView, totals: Totals, t: Texts, locale: Locale): Message {
  const title = t.title(view.cohortName, weekNumber(view));
  const period = t.period(shortDate(view.weekStart, locale), shortDate(view.weekEnd, locale));
  if (totals.groups === 0) {
    return {
      key: 'digest.empty',
      summary: t.empty(view.cohortName),
      blocks: [text(title, 'heading'), text(t.empty(view.cohortName))],
    };
  }
  return {
    key: 'digest.heading',
    summary: title,
    blocks: [
      text(title, 'heading'),
      text(`${period} · ${t.totals(totals.students, totals.attention)}`, 'muted'),
      text(t.detailsHint, 'muted'),
    ],
  };
}

/** One student: a name line, the facts as fields (only those that say something), a Details button. */
function studentBlocks(row: DigestStudentRow, t: Texts, locale: Locale): Block[] {
  const checkin =
    row.checkinAnswered === null ? t.checkinNone : row.checkinAnswered ? t.checkinAnswered : t.checkinMissed;
  const fields: Array<{ label: string; value: string }> = [];
  if (row.status !== 'active') fields.push({ label: t.statusLabel, value: t.status(row.status) });
  fields.push(
    { label: t.checkinLabel, value: checkin },
    { label: t.nextReportLabel, value: row.nextReportDue ? shortDate(row.nextReportDue, locale) : t.none },
  );
  if (row.flags.length > 0) fields.push({ label: t.flagsLabel, value: row.flags.map(t.flag).join(', ') });
  if (row.owedReports > 0) fields.push({ label: t.owedLabel, value: String(row.owedReports) });
  if (row.openSubstitutes + row.overdueSubstitutes > 0) {
    fields.push({
      label: t.substitutesLabel,
      value: t.substitutes(row.openSubstitutes, row.overdueSubstitutes),
    });
  }
  if (row.ladderStep > 0) fields.push({ label: t.ladderLabel, value: t.ladder(row.ladderStep) });
  if (row.evaluations.length > 0) {
    const moments = row.evaluations.map((moment) =>
      t.evaluation(moment.kind, shortDate(moment.date, locale)),
    );
    fields.push({ label: t.evaluationsLabel, value: moments.join(', ') });
  }
  if (row.reflectionsAwaitingFeedback > 0) {
    fields.push({ label: t.feedbackLabel, value: t.feedback(row.reflectionsAwaitingFeedback) });
  }
  if (row.reflectionsAwaitingRevision > 0) {
    fields.push({ label: t.revisionLabel, value: t.feedback(row.reflectionsAwaitingRevision) });
  }
  return [
    text(row.flags.length > 0 ? t.flaggedName(row.studentName) : row.studentName),
    { type: 'fields', fields },
    {
      type: 'actions',
      buttons: [{ actionId: DIGEST_DETAILS_ACTION, label: t.details, value: row.placementId }],
    },
  ];
}

/** Students' block lists packed into chunks that fit beside a heading block. */
function chunk(perStudent: Block[][], room: number): Block[][][] {
  const chunks: Block[][][] = [];
  let current: Block[][] = [];
  let size = 0;
  for (const blocks of perStudent) {
    if (current.length > 0 && size + blocks.length > room) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(blocks);
    size += blocks.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function mentorMessages(view: DigestView, group: DigestMentorGroup, t: Texts, locale: Locale): Message[] {
  const heading = group.mentorName === null ? t.noMentorHeading : t.mentorHeading(group.mentorName);
  const parts = chunk(
    group.students.map((row) => studentBlocks(row, t, locale)),
    MAX_DIGEST_BLOCKS - 1,
  );
  return parts.map((students, index) => ({
    key: 'digest.mentor',
    summary: t.mentorSummary(view.cohortName, group.mentorName ?? heading, group.students.length),
    blocks: [
      text(parts.length > 1 ? t.part(heading, index + 1, parts.length) : heading, 'heading'),
      ...students.flat(),
    ],
  }));
}

/**
 * The digest as messages: a heading for the cohort and week, then per mentor one or more
 * messages (at most MAX_DIGEST_BLOCKS blocks each). Safe for a shared channel: the view holds
 * no free text or moods, and Details opens privately.
 */
export function renderDigest(view: DigestView, locale: Locale): Message[] {
  const t = pick(digestTexts, locale);
  return [
    headingMessage(view, totalsOf(view), t, locale),
    ...view.mentors.flatMap((group) => mentorMessages(view, group, t, locale)),
  ];
}

/** One mentor's part with the heading, for when a cohort has no channel and each mentor gets theirs privately. */
export function renderDigestForMentor(view: DigestView, mentorId: string, locale: Locale): Message[] {
  const t = pick(digestTexts, locale);
  const group = view.mentors.find((candidate) => candidate.mentorId === mentorId);
  if (!group) return [];
  return [headingMessage(view, totalsOfGroup(group), t, locale), ...mentorMessages(view, group, t, locale)];
}
