import type { Locale, Message } from '../messages/model';
import type { PlacementStatus } from '../shared/placement';
import { renderStaffList, STUDENT_SLOT } from './staff-list';
import { detailsButton, staffTextsFor } from './staff-texts';
import { appTextsFor } from './texts';

export type EndedStatus = Extract<PlacementStatus, 'completed' | 'ended' | 'insufficient'>;

/** What the closing message may name: report names and counts, never content. */
export type ClosingFacts = {
  studentName: string;
  status: EndedStatus;
  handedIn: readonly string[];
  stillOwed: readonly string[];
  openSubstitutes: number;
  coordinatorNames: readonly string[];
};

/**
 * The one message a student gets when the placement has ended: what was handed in, what is
 * still open, and who to contact. After it the bot sends the student nothing more.
 */
export function renderClosingForStudent(locale: Locale, facts: ClosingFacts): Message {
  const t = appTextsFor(locale);
  const none = t['status.nothing'];
  const open = [
    ...facts.stillOwed,
    ...(facts.openSubstitutes > 0 ? [t['closing.substitutes'](facts.openSubstitutes)] : []),
  ];
  return {
    key: 'closing.student',
    summary: t[`closing.heading.${facts.status}`],
    blocks: [
      { type: 'text', text: t[`closing.heading.${facts.status}`], style: 'heading' },
      { type: 'text', text: t[`closing.body.${facts.status}`] },
      {
        type: 'fields',
        fields: [
          { label: t['closing.handedIn'], value: facts.handedIn.length ? facts.handedIn.join(', ') : none },
          { label: t['closing.stillOpen'], value: open.length ? open.join(', ') : none },
        ],
      },
      {
        type: 'text',
        text: facts.coordinatorNames.length
          ? t['closing.contact'](facts.coordinatorNames.join(', '))
          : t['closing.contactSchool'],
        style: 'muted',
      },
    ],
  };
}

/** The coordinator's part: what is still owed after the end is theirs to follow up, not the bot's. */
export function renderClosingForCoordinator(locale: Locale, facts: ClosingFacts): Message {
  const t = appTextsFor(locale);
  const open = [
    ...facts.stillOwed,
    ...(facts.openSubstitutes > 0 ? [t['closing.substitutes'](facts.openSubstitutes)] : []),
  ];
  const body = t['closing.coordinator'](
    facts.studentName,
    t[`placementStatus.${facts.status}`],
    open.join(', '),
  );
  return { key: 'closing.coordinator', summary: body, blocks: [{ type: 'text', text: body }] };
}

/**
 * A coordinator's closing notes of one run in one message: per student the status and what is
 * still open, with a details button. One note keeps its own message.
 */
export function renderClosingListForCoordinator(
  locale: Locale,
  items: ReadonlyArray<{ facts: ClosingFacts; placementId: string }>,
): Message[] {
  const [only] = items;
  if (items.length === 1 && only) return [renderClosingForCoordinator(locale, only.facts)];
  const s = staffTextsFor(locale);
  const lines = items.map(({ facts, placementId }) => ({
    line: renderClosingForCoordinator(locale, { ...facts, studentName: STUDENT_SLOT }).summary,
    student: facts.studentName,
    buttons: [detailsButton(locale, facts.studentName, placementId)],
  }));
  return renderStaffList(
    {
      key: 'closing.coordinator',
      heading: s['closing.heading'],
      summary: s['closing.heading'],
      intro: [],
      entries: lines,
    },
    locale,
  );
}
