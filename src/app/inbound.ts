import { z } from 'zod';
import type { Message } from '../core/messages/model';

/**
 * One act of a person on a platform, after the adapter's `parse`. This is the only shape the
 * app accepts from Slack, Teams and the console; a parity test feeds the Slack and the Teams
 * payload for the same act and expects equal values (ignoring ids that differ per platform).
 */
export type Platform = 'slack' | 'teams' | 'console';

export type InboundPayload =
  /** A typed message in a direct conversation or an @mention in a channel (mention stripped). */
  | { type: 'text'; text: string }
  /** A button/scale click or a form submit. `formValues` holds input values by `inputId`. */
  | { type: 'action'; actionId: string; value?: string; formValues?: Record<string, string> }
  /** A coordinator command: Slack `/stage <text>`; Teams `stage <text>` (prefix removed). */
  | { type: 'command'; text: string }
  /** A file shared with the bot, e.g. a placements CSV for `import`. */
  | { type: 'file'; name: string; content: string; text: string };

export type Inbound = {
  platform: Platform;
  /** Slack team id, Teams tenant id, or `console`. */
  tenant: string;
  user: {
    /** Slack user id / Teams AAD object id (fallback: Teams user id) / console handle. */
    platformUserId: string;
    email?: string;
    displayName?: string;
  };
  conversation: { id: string; kind: 'direct' | 'channel' };
  /** The platform's own timestamp of the act (Slack `ts`/action time, Teams `activity.timestamp`). */
  sentAt: Date;
  /** Stable across platform retries of the same act (Slack event/action id, Teams activity id). */
  dedupeKey: string;
  payload: InboundPayload;
};

/**
 * What the platform should show right away, privately, to the person who acted. Durable
 * conversation replies go through the outbox instead; these are for ephemeral answers.
 */
export type InboundResult = {
  /** Private, immediate replies (Slack: ephemeral/`respond`; Teams: reply in the same turn). */
  replies: Message[];
  /** A detail view (Slack: a modal; Teams: a card in the personal chat). */
  view?: Message;
  /** True when the dedupe key was seen before: the act was already handled. */
  duplicate: boolean;
};

export const inboundSchema = z.object({
  platform: z.enum(['slack', 'teams', 'console']),
  tenant: z.string().min(1),
  user: z.object({
    platformUserId: z.string().min(1),
    email: z.string().email().optional(),
    displayName: z.string().optional(),
  }),
  conversation: z.object({ id: z.string().min(1), kind: z.enum(['direct', 'channel']) }),
  sentAt: z.date(),
  dedupeKey: z.string().min(1),
  payload: z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), text: z.string() }),
    z.object({
      type: z.literal('action'),
      actionId: z.string().min(1),
      value: z.string().optional(),
      formValues: z.record(z.string(), z.string()).optional(),
    }),
    z.object({ type: z.literal('command'), text: z.string() }),
    z.object({ type: z.literal('file'), name: z.string(), content: z.string(), text: z.string() }),
  ]),
});
