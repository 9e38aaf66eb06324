import type { Locale, Message } from '../../core/messages/model';
import type { Person } from '../../core/shared/person';
import type { Inbound } from '../ports';
import type { OutgoingMessage } from '../stores/outbox-store';
import type { Stores } from '../stores/stores';

/** What a flow gets: the stores of the act's unit of work and the acting person, identified. */
export type UseCaseInput = {
  stores: Stores;
  inbound: Inbound;
  person: Person;
  locale: Locale;
  defaultLocale: Locale;
  /** Time zone for cohorts a coordinator creates (an import or `add` naming a new cohort). */
  defaultTimezone: string;
  /** The platform's time of the act: what counts for deadlines. */
  actedAt: Date;
  /** Processing time (for schedules that look at "now"). */
  now: Date;
};

/**
 * What a flow produces. `conversation` messages go to the actor through the outbox (durable,
 * exactly once); `replies` and `view` are shown right away, privately, by the adapter.
 */
export type UseCaseOutput = {
  conversation: Message[];
  replies: Message[];
  view?: Message;
  outgoing: OutgoingMessage[];
  /** People the `conversation` messages name besides the actor (erase finds them by id). */
  mentions?: string[];
};

export const emptyOutput = (): UseCaseOutput => ({ conversation: [], replies: [], outgoing: [] });

export const say = (...messages: Message[]): UseCaseOutput => ({ ...emptyOutput(), conversation: messages });
export const reply = (...messages: Message[]): UseCaseOutput => ({ ...emptyOutput(), replies: messages });
