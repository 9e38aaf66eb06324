import { describe, expect, it } from 'vitest';
import type { Message } from '../messages/model';
import { en, nl } from '../messages/texts/delivery';
import { composeOutageAlert, composeUndeliverableAlert } from './messages';
import type { DeliveryProblem } from './problems';

const allText = (message: Message): string =>
  [
    message.summary,
    ...message.blocks.flatMap((block) =>
      block.type === 'text' ? [block.text] : block.type === 'fields' ? block.fields.map((f) => f.value) : [],
    ),
  ].join('\n');

const student = { kind: 'person', name: 'Sanne de Vries', email: 'sanne@school.nl' } as const;

describe('composeUndeliverableAlert', () => {
  it('names the person and their e-mail address in Dutch by default', () => {
    const message = composeUndeliverableAlert({
      locale: 'nl',
      target: student,
      problem: 'not-found',
      attempts: 1,
      code: 'x',
    });

    expect(message.key).toBe('delivery.undeliverable');
    expect(allText(message)).toContain('Sanne de Vries (sanne@school.nl)');
    expect(allText(message)).toContain(nl.reasonNotFound);
  });

  it('explains a channel problem in English with advice to invite the bot', () => {
    const message = composeUndeliverableAlert({
      locale: 'en',
      target: { kind: 'cohort-channel', cohortName: 'Zorg 2026' },
      problem: 'bot-not-in-channel',
      attempts: 1,
      code: 'x',
    });

    expect(message.summary).toBe(en.summaryChannel('Zorg 2026'));
    expect(allText(message)).toContain(en.reasonBotNotInChannel);
    expect(allText(message)).toContain(en.adviceBotNotInChannel);
  });

  it('says how often it tried when it gave up', () => {
    const message = composeUndeliverableAlert({
      locale: 'en',
      target: student,
      problem: 'gave-up',
      attempts: 7,
      code: 'x',
    });

    expect(allText(message)).toContain(en.reasonGaveUp(7));
  });

  const problems: DeliveryProblem[] = [
    'not-found',
    'account-gone',
    'bot-not-in-channel',
    'channel-missing',
    'app-unavailable',
    'message-broken',
    'gave-up',
    'refused',
  ];

  it.each(problems)('has a distinct reason and advice for %s in both languages', (problem) => {
    const others = problems.filter((p) => p !== problem);
    for (const locale of ['nl', 'en'] as const) {
      const text = allText(
        composeUndeliverableAlert({ locale, target: student, problem, attempts: 3, code: 'x' }),
      );
      const otherTexts = others.map((p) =>
        allText(composeUndeliverableAlert({ locale, target: student, problem: p, attempts: 3, code: 'x' })),
      );
      expect(otherTexts).not.toContain(text);
    }
  });

  it('names the error code of a message that could not be built, and nothing of its content', () => {
    const message = composeUndeliverableAlert({
      locale: 'nl',
      target: student,
      problem: 'message-broken',
      attempts: 1,
      code: 'payload.unreadable',
    });

    expect(allText(message)).toContain(nl.reasonMessageBroken('payload.unreadable'));
  });

  it('tells of a platform outage with the code, promising that nothing is lost', () => {
    const message = composeOutageAlert({ locale: 'en', platform: 'slack', code: 'token_revoked' });

    expect(allText(message)).toContain(en.outageIntro('Slack', 'token_revoked'));
    expect(message.key).toBe('delivery.outage');
  });

  it('has the same keys in the Dutch and English catalogs', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });
});
