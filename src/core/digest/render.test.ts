import { describe, expect, it } from 'vitest';
import type { Block, Locale, Message } from '../messages/model';
import { buildDigest } from './build';
import { DIGEST_DETAILS_ACTION, MAX_DIGEST_BLOCKS, renderDigest, renderDigestForMentor } from './render';
import { cohort, DIGEST_AT, leakyPlacement, placement, SENSITIVE_MARKERS } from './test-fixtures';
import type { DigestPlacementInput } from './types';

const LOCALES: Locale[] = ['nl', 'en'];

/** Every string a platform renderer could show: texts, field labels/values, button labels/values. */
function stringsOf(message: Message): string[] {
  const fromBlock = (block: Block): string[] => {
    switch (block.type) {
      case 'text':
      case 'quote':
        return [block.text];
      case 'fields':
        return block.fields.flatMap((field) => [field.label, field.value]);
      case 'actions':
        return block.buttons.flatMap((button) => [button.label, button.value ?? '', button.keyword ?? '']);
      default:
        return [];
    }
  };
  return [message.summary, ...message.blocks.flatMap(fromBlock)];
}

const detailsValues = (messages: Message[]): string[] =>
  messages.flatMap((message) =>
    message.blocks.flatMap((block) =>
      block.type === 'actions'
        ? block.buttons
            .filter((button) => button.actionId === DIGEST_DETAILS_ACTION)
            .map((b) => b.value ?? '')
        : [],
    ),
  );

function sixtyStudents(): DigestPlacementInput[] {
  // 60 students: 40 with one mentor (forces a split), 20 spread over four more mentors.
  return Array.from({ length: 60 }, (_, index) =>
    placement({
      placementId: `p-${String(index).padStart(2, '0')}`,
      studentName: `Student ${String(index).padStart(2, '0')}`,
      mentors: [
        index < 40
          ? { mentorId: 'm-busy', mentorName: 'Bea Druk', reflectionsAwaitingFeedback: index % 3 }
          : { mentorId: `m-${index % 4}`, mentorName: `Mentor ${index % 4}`, reflectionsAwaitingFeedback: 0 },
      ],
      signals: index % 5 === 0 ? ['wants-talk'] : [],
      owedReports: index % 7 === 0 ? 1 : 0,
      ladderStep: index % 7 === 0 ? 1 : 0,
      evaluations: index % 4 === 0 ? [{ kind: 'midterm', date: '2026-03-24' }] : [],
    }),
  );
}

describe('renderDigest', () => {
  it.each(LOCALES)('starts with a heading for the cohort and the week (%s)', (locale) => {
    // Act
    const [heading] = renderDigest(buildDigest(cohort([placement()]), DIGEST_AT), locale);

    // Assert
    expect(heading?.key).toBe('digest.heading');
    expect(stringsOf(heading!).join('\n')).toContain(
      locale === 'nl' ? 'Weekoverzicht Zorg 3A · week 12' : 'Weekly digest Zorg 3A · week 12',
    );
  });

  it('sends one message per mentor after the heading', () => {
    // Arrange
    const view = buildDigest(
      cohort([
        placement({ placementId: 'p-1' }),
        placement({
          placementId: 'p-2',
          mentors: [{ mentorId: 'm-piet', mentorName: 'Piet Jansen', reflectionsAwaitingFeedback: 0 }],
        }),
      ]),
      DIGEST_AT,
    );

    // Act
    const messages = renderDigest(view, 'nl');

    // Assert
    expect(messages.map((message) => message.key)).toEqual([
      'digest.heading',
      'digest.mentor',
      'digest.mentor',
    ]);
    expect(messages[1]?.blocks[0]).toEqual({
      type: 'text',
      text: 'Stagiairs van Anna Bakker',
      style: 'heading',
    });
    expect(messages[2]?.blocks[0]).toEqual({
      type: 'text',
      text: 'Stagiairs van Piet Jansen',
      style: 'heading',
    });
  });

  it.each(LOCALES)(
    'keeps a cohort of 60 students within %s messages of at most 45 blocks, each student once',
    (locale) => {
      // Arrange
      const view = buildDigest(cohort(sixtyStudents()), DIGEST_AT);

      // Act
      const messages = renderDigest(view, locale);

      // Assert
      for (const message of messages) expect(message.blocks.length).toBeLessThanOrEqual(MAX_DIGEST_BLOCKS);
      const ids = detailsValues(messages);
      expect(ids).toHaveLength(60);
      expect(new Set(ids).size).toBe(60);
      expect(messages.filter((message) => message.key === 'digest.mentor').length).toBeGreaterThan(5);
    },
  );

  it('numbers the parts of a mentor whose students need several messages', () => {
    const messages = renderDigest(buildDigest(cohort(sixtyStudents()), DIGEST_AT), 'en');

    const headings = messages.map((message) => message.blocks[0]).filter((block) => block?.type === 'text');
    expect(headings).toContainEqual({ type: 'text', text: 'Students of Bea Druk (1/3)', style: 'heading' });
    expect(headings).toContainEqual({ type: 'text', text: 'Students of Bea Druk (3/3)', style: 'heading' });
  });

  it.each(LOCALES)(
    'shows each student as a name, compact fields and a private Details button (%s)',
    (locale) => {
      // Arrange
      const view = buildDigest(
        cohort([
          placement({
            placementId: 'p-7',
            lastCheckinAnswered: false,
            signals: ['checkins-missed', 'mood-low'],
            owedReports: 1,
            openSubstitutes: 1,
            overdueSubstitutes: 1,
            ladderStep: 2,
            evaluations: [{ kind: 'midterm', date: '2026-03-24' }],
            mentors: [{ mentorId: 'm-anna', mentorName: 'Anna Bakker', reflectionsAwaitingFeedback: 2 }],
          }),
        ]),
        DIGEST_AT,
      );

      // Act
      const mentorMessage = renderDigest(view, locale)[1]!;

      // Assert
      const [, name, fields, actions] = mentorMessage.blocks;
      expect(name).toEqual({ type: 'text', text: '⚠️ Sam de Vries' });
      expect(fields).toEqual({
        type: 'fields',
        fields:
          locale === 'nl'
            ? [
                { label: 'Laatste check-in', value: 'niet beantwoord' },
                { label: 'Volgend verslag', value: 'wo 1 apr.' },
                { label: 'Let op', value: 'even aandacht geven, check-ins gemist' },
                { label: 'Verslagen achter', value: '1' },
                { label: 'Vervangende opdrachten', value: '1 open, 1 te laat' },
                { label: 'Escalatie', value: 'stap 2' },
                { label: 'Komende 14 dagen', value: 'tussenevaluatie di 24 mrt.' },
                { label: 'Wacht op feedback', value: '2 verslagen' },
              ]
            : [
                { label: 'Last check-in', value: 'not answered' },
                { label: 'Next report', value: 'Wed 1 Apr' },
                { label: 'Note', value: 'needs a look, check-ins missed' },
                { label: 'Reports owed', value: '1' },
                { label: 'Substitute assignments', value: '1 open, 1 overdue' },
                { label: 'Escalation', value: 'step 2' },
                { label: 'Next 14 days', value: 'mid-term evaluation Tue 24 Mar' },
                { label: 'Awaiting feedback', value: '2 reports' },
              ],
      });
      expect(actions).toEqual({
        type: 'actions',
        buttons: [{ actionId: 'digest.details', label: 'Details', value: 'p-7' }],
      });
    },
  );

  it('leaves out fields with nothing to report', () => {
    const messages = renderDigest(buildDigest(cohort([placement()]), DIGEST_AT), 'nl');

    expect(messages[1]?.blocks[2]).toEqual({
      type: 'fields',
      fields: [
        { label: 'Laatste check-in', value: 'beantwoord' },
        { label: 'Volgend verslag', value: 'wo 1 apr.' },
      ],
    });
  });

  it.each(LOCALES)('never shows a sensitive marker planted in the input (%s)', (locale) => {
    // Arrange
    const input = cohort(
      Array.from({ length: 20 }, (_, index) =>
        leakyPlacement(`p-${index}`, `Student ${index}`, `m-${index % 3}`),
      ),
    );

    // Act
    const messages = renderDigest(buildDigest(input, DIGEST_AT), locale);

    // Assert
    const everything = messages.flatMap(stringsOf).join('\n');
    for (const marker of SENSITIVE_MARKERS) expect(everything).not.toContain(marker);
    expect(JSON.stringify(messages)).not.toMatch(/SECRET/);
    expect(messages.flatMap((message) => message.blocks).some((block) => block.type === 'quote')).toBe(false);
  });

  it.each(LOCALES)('says so in one message when the cohort has no running placements (%s)', (locale) => {
    // Act
    const messages = renderDigest(buildDigest(cohort([]), DIGEST_AT), locale);

    // Assert
    expect(messages).toHaveLength(1);
    expect(messages[0]?.key).toBe('digest.empty');
    expect(messages[0]?.summary).toBe(
      locale === 'nl'
        ? 'Deze week zijn er geen lopende stages in Zorg 3A. Fijne week!'
        : 'There are no running placements in Zorg 3A this week. Have a good week!',
    );
  });

  it('writes the heading totals in both languages', () => {
    const view = buildDigest(
      cohort([placement({ placementId: 'p-1', signals: ['wants-talk'] }), placement({ placementId: 'p-2' })]),
      DIGEST_AT,
    );

    expect(stringsOf(renderDigest(view, 'nl')[0]!)).toContain(
      'ma 16 mrt. t/m zo 22 mrt. · 2 stagiairs · 1 vraagt aandacht',
    );
    expect(stringsOf(renderDigest(view, 'en')[0]!)).toContain(
      'Mon 16 Mar – Sun 22 Mar · 2 students · 1 needs attention',
    );
  });
});

describe('renderDigestForMentor', () => {
  it('gives one mentor only their own students, with totals of their own', () => {
    // Arrange
    const view = buildDigest(
      cohort([
        placement({ placementId: 'p-1', signals: ['mood-low'] }),
        placement({
          placementId: 'p-2',
          mentors: [{ mentorId: 'm-piet', mentorName: 'Piet Jansen', reflectionsAwaitingFeedback: 0 }],
        }),
      ]),
      DIGEST_AT,
    );

    // Act
    const messages = renderDigestForMentor(view, 'm-piet', 'nl');

    // Assert
    expect(detailsValues(messages)).toEqual(['p-2']);
    expect(stringsOf(messages[0]!).join('\n')).toContain('1 stagiair · 0 vragen aandacht');
  });

  it('gives nothing to someone who mentors nobody in the cohort', () => {
    expect(renderDigestForMentor(buildDigest(cohort([placement()]), DIGEST_AT), 'm-nobody', 'en')).toEqual(
      [],
    );
  });
});

describe('the digest catalog', () => {
  it('has the same keys in Dutch and English', async () => {
    const catalog = await import('../messages/texts/digest');

    expect(Object.keys(catalog.en).sort()).toEqual(Object.keys(catalog.nl).sort());
  });
});
