import type { Block, Locale, Message } from '../messages/model';
import { text } from '../messages/model';
import { pick } from '../messages/texts';
import * as checkinTexts from '../messages/texts/checkin';
import { renderStaffList, STUDENT_SLOT } from '../notices/staff-list';
import { detailsButton, staffTextsFor } from '../notices/staff-texts';
import { assertNever } from '../shared/errors';
import type { MoodLowReason } from './signals';

const textsFor = (locale: Locale) => pick({ nl: checkinTexts.nl, en: checkinTexts.en }, locale);

/**
 * Private alert to a mentor about a low mood (signal `mood-low`). Mentors may see moods in
 * private; this message must never go to a channel.
 */
export function renderMoodLowAlert(
  locale: Locale,
  input: { studentName: string; reason: MoodLowReason; mood: number; previousMood: number | null },
): Message {
  const t = textsFor(locale);
  const body =
    input.reason === 'mood-1' || input.previousMood === null
      ? t['mentor.moodLow.mood1'](input.studentName)
      : t['mentor.moodLow.twice'](input.studentName, input.mood, input.previousMood);
  return {
    key: 'checkin.mentor.mood-low',
    summary: body,
    blocks: [text(t['mentor.moodLow.heading'], 'heading'), text(body), text(t['mentor.private'], 'muted')],
  };
}

/** Private note to a mentor that the student asked to talk (signal `wants-talk`), with the topic if given. */
export function renderWantsTalkNote(
  locale: Locale,
  input: { studentName: string; topic: string | null },
): Message {
  const t = textsFor(locale);
  const body = t['mentor.wantsTalk.body'](input.studentName);
  const topic: Block =
    input.topic === null
      ? text(t['mentor.wantsTalk.noTopic'])
      : { type: 'quote', label: t['mentor.wantsTalk.topicLabel'], text: input.topic };
  return {
    key: 'checkin.mentor.wants-talk',
    summary: body,
    blocks: [
      text(t['mentor.wantsTalk.heading'], 'heading'),
      text(body),
      topic,
      text(t['mentor.private'], 'muted'),
    ],
  };
}

export type CoordinatorCheckinAlert =
  /** Signal `checkins-missed-alert`; `count` = unanswered check-ins in a row (3 when it fires). */
  | { kind: 'checkins-missed-alert'; studentName: string; count: number }
  /** Signal `mentor-no-talk`. */
  | { kind: 'mentor-no-talk'; studentName: string; mentorName: string };

/** Coordinator alert. By construction it carries names and counts only: no mood, no free text. */
export function renderCoordinatorCheckinAlert(locale: Locale, alert: CoordinatorCheckinAlert): Message {
  const t = textsFor(locale);
  switch (alert.kind) {
    case 'checkins-missed-alert': {
      const body = t['coordinator.missed.body'](alert.studentName, alert.count);
      return {
        key: 'checkin.coordinator.missed',
        summary: body,
        blocks: [text(t['coordinator.missed.heading'], 'heading'), text(body)],
      };
    }
    case 'mentor-no-talk': {
      const body = t['coordinator.noTalk.body'](alert.studentName, alert.mentorName);
      return {
        key: 'checkin.coordinator.no-talk',
        summary: body,
        blocks: [text(t['coordinator.noTalk.heading'], 'heading'), text(body)],
      };
    }
    default:
      return assertNever(alert);
  }
}

/**
 * The coordinator's check-in alerts of one job run in one message: every student who has not
 * answered three check-ins in a row, each with a details button. One student keeps the single alert.
 */
export function renderCheckinAlertList(
  locale: Locale,
  students: ReadonlyArray<{ name: string; placementId: string }>,
): Message[] {
  const [only] = students;
  if (students.length === 1 && only)
    return [
      renderCoordinatorCheckinAlert(locale, {
        kind: 'checkins-missed-alert',
        studentName: only.name,
        count: 3,
      }),
    ];
  const s = staffTextsFor(locale);
  const body = s['alerts.body'](students.length);
  return renderStaffList(
    {
      key: 'checkin.coordinator.missed',
      heading: s['alerts.heading'],
      summary: body,
      intro: [text(body)],
      entries: studentEntries(locale, students),
    },
    locale,
  );
}

/** One line per student, with the button to their details. */
const studentEntries = (locale: Locale, students: ReadonlyArray<{ name: string; placementId: string }>) =>
  students.map((student) => ({
    line: STUDENT_SLOT,
    student: student.name,
    buttons: [detailsButton(locale, student.name, student.placementId)],
  }));

/**
 * The coordinator's "no weekly talk two weeks running" flags from one answer of a mentor in one
 * message. One student keeps the single alert.
 */
export function renderNoTalkAlertList(
  locale: Locale,
  mentorName: string,
  students: ReadonlyArray<{ name: string; placementId: string }>,
): Message[] {
  const [only] = students;
  if (students.length === 1 && only)
    return [
      renderCoordinatorCheckinAlert(locale, { kind: 'mentor-no-talk', studentName: only.name, mentorName }),
    ];
  const t = textsFor(locale);
  const body = staffTextsFor(locale)['noTalk.body'](students.length, mentorName);
  return renderStaffList(
    {
      key: 'checkin.coordinator.no-talk',
      heading: t['coordinator.noTalk.heading'],
      summary: body,
      intro: [text(body)],
      entries: studentEntries(locale, students),
    },
    locale,
  );
}
