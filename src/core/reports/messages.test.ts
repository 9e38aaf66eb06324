import { describe, expect, it } from 'vitest';
import type { Message } from '../messages/model';
import { DEFAULT_COHORT_SETTINGS } from '../shared/cohort';
import { evaluationReminders } from './evaluation';
import { renderEvaluationReminder, renderReportReminder } from './messages';
import { reportReminders } from './reminders';

const texts = (message: Message) =>
  message.blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('\n');

describe('reminders before a deadline', () => {
  const [before, dueToday] = reportReminders(
    { id: 'intro:2027-02-10', kind: 'intro', dueDate: '2027-02-10', submittedAt: null, excused: false },
    '09:00',
    'Europe/Amsterdam',
  );

  it('come 3 days before and on the morning of the due day', () => {
    expect(before?.at.toISOString()).toBe('2027-02-07T08:00:00.000Z');
    expect(dueToday?.at.toISOString()).toBe('2027-02-10T08:00:00.000Z');
  });

  it('name the report and its deadline, with a button to start writing', () => {
    const message = renderReportReminder(before!, 'nl');

    expect(message.summary).toBe('Over 3 dagen moet je kennismakingsverslag binnen zijn.');
    expect(texts(message)).toContain('uiterlijk woensdag 10 februari om 23:59');
    expect(message.blocks.at(-1)).toEqual({
      type: 'actions',
      buttons: [
        {
          actionId: 'starr.start',
          label: 'Begin met schrijven',
          value: 'intro:2027-02-10',
          keyword: 'start',
          style: 'primary',
        },
      ],
    });
  });

  it('say on the due day that today is the deadline, in English too', () => {
    const message = renderReportReminder(dueToday!, 'en');

    expect(message.summary).toBe('Your intro report is due today at 23:59.');
  });

  it('are not sent for a report already handed in or excused', () => {
    const submitted = reportReminders(
      {
        id: 'monthly:2027-03-01',
        kind: 'monthly',
        dueDate: '2027-03-01',
        submittedAt: new Date('2027-02-27T10:00:00Z'),
        excused: false,
      },
      '09:00',
      'Europe/Amsterdam',
    );
    const excused = reportReminders(
      { id: 'monthly:2027-03-01', kind: 'monthly', dueDate: '2027-03-01', submittedAt: null, excused: true },
      '09:00',
      'Europe/Amsterdam',
    );

    expect(submitted.map((action) => action.type)).toEqual(['report.reminder-before']);
    expect(excused).toEqual([]);
  });
});

describe('evaluation reminders', () => {
  const reminders = evaluationReminders(
    {
      startDate: '2027-02-01',
      endDate: '2027-06-30',
      workingDays: null,
      introDate: null,
      midEvaluationDate: '2027-04-08',
      finalEvaluationDate: null,
      pauses: [],
    },
    DEFAULT_COHORT_SETTINGS,
  );
  const details = { student: 'Sanne de Vries', placementId: 'pl-42' };

  it('tell the student privately when the evaluation is', () => {
    const message = renderEvaluationReminder(reminders[0]!, 'nl', details);

    expect(texts(message)).toContain('Je tussenevaluatie is over een week, op donderdag 8 april.');
    expect(message.blocks.some((block) => block.type === 'actions')).toBe(false);
  });

  it('give the mentor a button to the student’s reflections and check-ins', () => {
    const message = renderEvaluationReminder(reminders[1]!, 'en', details);

    expect(message.summary).toBe('Sanne de Vries: mid-term evaluation on Thursday 8 April.');
    expect(message.blocks.at(-1)).toEqual({
      type: 'actions',
      buttons: [
        { actionId: 'mentor.student-history', label: 'View reflections and check-ins', value: 'pl-42' },
      ],
    });
  });
});
