import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/core/messages/model';
import { escapeMarkdown } from './escape';
import { renderActivity, renderCard } from './render';

describe('escapeMarkdown', () => {
  it.each([
    { input: '**vet** en _schuin_', expected: '\\*\\*vet\\*\\* en \\_schuin\\_' },
    { input: '[klik](https://evil.example)', expected: '\\[klik\\]\\(https://evil.example\\)' },
    { input: '<at>Iedereen</at> & co', expected: '\\<at\\>Iedereen\\</at\\> \\& co' },
    { input: '- punt\n+ punt\n1. eerste', expected: '\\- punt\n\\+ punt\n1\\. eerste' },
    { input: '# kop\n> citaat', expected: '\\# kop\n\\> citaat' },
    { input: '{{DATE(2025-01-01T00:00:00Z)}}', expected: '\\{\\{DATE\\(2025-01-01T00:00:00Z\\)\\}\\}' },
    { input: 'a - b ~c~ `d` \\e', expected: 'a - b \\~c\\~ \\`d\\` \\\\e' },
  ])('escapes "$input"', ({ input, expected }) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('renderCard', () => {
  it('escapes hostile user text in quotes and facts so it renders literally', () => {
    const hostile = '[Klik hier](https://phish.example) <at>Alle docenten</at> **nu**';
    const message: Message = {
      key: 'starr.summary',
      summary: 'Samenvatting',
      blocks: [
        { type: 'quote', label: 'Situatie', text: hostile },
        { type: 'fields', fields: [{ label: 'Doel', value: hostile }] },
      ],
    };

    const json = JSON.stringify(renderCard(message));

    expect(json).not.toContain('[Klik hier](');
    expect(json).not.toContain('<at>');
    expect(json).not.toContain('**nu**');
    expect(renderCard(message).body[0]).toMatchObject({
      type: 'Container',
      style: 'emphasis',
      items: [{ text: 'Situatie' }, { text: escapeMarkdown(hostile), wrap: true }],
    });
  });

  it('renders headings, muted text, fields and a divider as Adaptive Card 1.5 elements', () => {
    const card = renderCard({
      key: 'digest',
      summary: 'Weekoverzicht',
      blocks: [
        { type: 'text', text: 'Weekoverzicht', style: 'heading' },
        { type: 'divider' },
        { type: 'text', text: 'alleen voor jou', style: 'muted' },
        { type: 'fields', fields: [{ label: 'Volgende verslag', value: '2025-04-01' }] },
      ],
    });

    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', fallbackText: 'Weekoverzicht' });
    expect(card.body).toEqual([
      { type: 'TextBlock', text: 'Weekoverzicht', wrap: true, weight: 'Bolder', size: 'Medium' },
      {
        type: 'TextBlock',
        text: 'alleen voor jou',
        wrap: true,
        isSubtle: true,
        size: 'Small',
        separator: true,
        spacing: 'Medium',
      },
      { type: 'FactSet', facts: [{ title: 'Volgende verslag', value: '2025-04-01' }] },
    ]);
  });

  it('renders buttons as Action.Submit carrying the action id and value', () => {
    const card = renderCard({
      key: 'mentor.talk',
      summary: 'Gesprek gehad?',
      blocks: [
        {
          type: 'actions',
          buttons: [
            { actionId: 'talk.yes', label: 'Ja', value: 'p1', style: 'primary' },
            { actionId: 'talk.no', label: 'Nee', style: 'danger' },
            { actionId: 'talk.moved', label: 'Verzet' },
          ],
        },
      ],
    });

    expect(card.body[0]).toEqual({
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Submit',
          title: 'Ja',
          data: { actionId: 'talk.yes', value: 'p1' },
          style: 'positive',
        },
        { type: 'Action.Submit', title: 'Nee', data: { actionId: 'talk.no' }, style: 'destructive' },
        { type: 'Action.Submit', title: 'Verzet', data: { actionId: 'talk.moved' } },
      ],
    });
  });

  it('renders a scale as one button per value with the end labels above it', () => {
    const card = renderCard({
      key: 'checkin.mood',
      summary: 'Hoe ging je week?',
      blocks: [
        { type: 'scale', actionId: 'checkin.mood', min: 1, max: 5, lowLabel: 'zwaar', highLabel: 'top' },
      ],
    });

    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: '1 = zwaar · 5 = top' });
    expect(card.body[1]).toMatchObject({
      type: 'ActionSet',
      actions: [1, 2, 3, 4, 5].map((value) => ({
        type: 'Action.Submit',
        title: String(value),
        data: { actionId: 'checkin.mood', value: String(value) },
      })),
    });
  });

  it('renders a form with inputs, a choice and one submit action carrying the form value', () => {
    const card = renderCard({
      key: 'feedback.form',
      summary: 'Feedback',
      blocks: [
        {
          type: 'input',
          inputId: 'feedback',
          label: 'Je feedback',
          multiline: true,
          placeholder: 'Wat viel op?',
        },
        { type: 'input', inputId: 'note', label: 'Notitie', optional: true },
        {
          type: 'choice',
          inputId: 'verdict',
          label: 'Oordeel',
          options: [
            { value: 'approved', label: 'Akkoord' },
            { value: 'more', label: 'Graag aanvullen' },
          ],
        },
      ],
      form: { submitActionId: 'feedback.submit', submitLabel: 'Versturen', value: 'report-7' },
    });

    expect(card.body).toEqual([
      {
        type: 'Input.Text',
        id: 'feedback',
        label: 'Je feedback',
        isMultiline: true,
        isRequired: true,
        placeholder: 'Wat viel op?',
      },
      { type: 'Input.Text', id: 'note', label: 'Notitie', isMultiline: false, isRequired: false },
      {
        type: 'Input.ChoiceSet',
        id: 'verdict',
        label: 'Oordeel',
        style: 'expanded',
        choices: [
          { title: 'Akkoord', value: 'approved' },
          { title: 'Graag aanvullen', value: 'more' },
        ],
      },
    ]);
    expect(card.actions).toEqual([
      {
        type: 'Action.Submit',
        title: 'Versturen',
        data: { actionId: 'feedback.submit', value: 'report-7' },
        style: 'positive',
      },
    ]);
  });

  it('wraps the card in a message activity with the summary for notifications', () => {
    const activity = renderActivity({ key: 'x', summary: 'Nieuwe check-in', blocks: [] });

    expect(activity).toMatchObject({
      type: 'message',
      summary: 'Nieuwe check-in',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }],
    });
  });
});
