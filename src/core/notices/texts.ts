import type { Locale, Message } from '../messages/model';
import { pick } from '../messages/texts';
import * as appTexts from '../messages/texts/app';

export type AppTexts = typeof appTexts.nl;
export const appTextsFor = (locale: Locale): AppTexts => pick(appTexts, locale);

/** A one-paragraph message with an optional heading: most command results and errors. */
export function renderNote(key: string, body: string, heading?: string): Message {
  return {
    key,
    summary: heading ?? body,
    blocks: heading
      ? [
          { type: 'text', text: heading, style: 'heading' },
          { type: 'text', text: body },
        ]
      : [{ type: 'text', text: body }],
  };
}
