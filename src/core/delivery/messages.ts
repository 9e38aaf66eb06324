import { type Locale, type Message, text } from '../messages/model';
import { pick } from '../messages/texts';
import * as deliveryTexts from '../messages/texts/delivery';
import { assertNever } from '../shared/errors';
import type { DeliveryProblem } from './problems';

type Texts = typeof deliveryTexts.nl;

export const deliveryCatalog = { nl: deliveryTexts.nl, en: deliveryTexts.en };

/** Who could not be reached. Names and e-mail only: coordinators know these already. */
export type UndeliverableTarget =
  | { kind: 'person'; name: string; email: string }
  | { kind: 'cohort-channel'; cohortName: string };

export type UndeliverableAlert = {
  locale: Locale;
  target: UndeliverableTarget;
  problem: DeliveryProblem;
  /** How many times we tried; shown only for `gave-up`. */
  attempts: number;
};

/** The private coordinator alert. Carries no content of the message that failed. */
export function composeUndeliverableAlert(alert: UndeliverableAlert): Message {
  const t = pick(deliveryCatalog, alert.locale);
  const { reason, advice } = explain(alert.problem, alert.attempts, t);
  const { target } = alert;
  const who =
    target.kind === 'person'
      ? { summary: t.summaryPerson(target.name), intro: t.introPerson(target.name, target.email) }
      : { summary: t.summaryChannel(target.cohortName), intro: t.introChannel(target.cohortName) };
  return {
    key: 'delivery.undeliverable',
    summary: who.summary,
    blocks: [
      text(t.heading, 'heading'),
      text(who.intro),
      {
        type: 'fields',
        fields: [
          { label: t.reasonLabel, value: reason },
          { label: t.adviceLabel, value: advice },
        ],
      },
      text(t.onceNote, 'muted'),
    ],
  };
}

function explain(problem: DeliveryProblem, attempts: number, t: Texts): { reason: string; advice: string } {
  switch (problem) {
    case 'not-found':
      return { reason: t.reasonNotFound, advice: t.adviceNotFound };
    case 'account-gone':
      return { reason: t.reasonAccountGone, advice: t.adviceAccountGone };
    case 'bot-not-in-channel':
      return { reason: t.reasonBotNotInChannel, advice: t.adviceBotNotInChannel };
    case 'channel-missing':
      return { reason: t.reasonChannelMissing, advice: t.adviceChannelMissing };
    case 'app-unavailable':
      return { reason: t.reasonAppUnavailable, advice: t.adviceAppUnavailable };
    case 'gave-up':
      return { reason: t.reasonGaveUp(attempts), advice: t.adviceGaveUp };
    case 'refused':
      return { reason: t.reasonRefused, advice: t.adviceRefused };
    default:
      return assertNever(problem);
  }
}
