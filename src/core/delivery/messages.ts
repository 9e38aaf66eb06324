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
  /** The platform's or our own reason code; shown only for `message-broken`. */
  code: string;
};

/** The private coordinator alert. Carries no content of the message that failed. */
export function composeUndeliverableAlert(alert: UndeliverableAlert): Message {
  const t = pick(deliveryCatalog, alert.locale);
  const { reason, advice } = explain(alert, t);
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

function explain(alert: UndeliverableAlert, t: Texts): { reason: string; advice: string } {
  const { problem, attempts } = alert;
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
    case 'message-broken':
      return { reason: t.reasonMessageBroken(alert.code), advice: t.adviceMessageBroken };
    default:
      return assertNever(problem);
  }
}

/** The platforms' own names, as a coordinator knows them. */
type Platform = 'slack' | 'teams' | 'console';

const PLATFORM_NAMES: Record<Platform, string> = {
  slack: 'Slack',
  teams: 'Microsoft Teams',
  console: 'Console',
};

/**
 * The private coordinator alert when a whole platform (or one tenant) refuses us: revoked token,
 * missing scope, app removed. Sent once per outage, through another platform when there is one.
 */
export function composeOutageAlert(alert: { locale: Locale; platform: Platform; code: string }): Message {
  const t = pick(deliveryCatalog, alert.locale);
  const name = PLATFORM_NAMES[alert.platform];
  return {
    key: 'delivery.outage',
    summary: t.outageSummary(name),
    blocks: [
      text(t.outageHeading(name), 'heading'),
      text(t.outageIntro(name, alert.code)),
      text(t.outageAdvice),
    ],
  };
}
