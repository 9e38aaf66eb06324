import type { Message } from '../../src/core/messages/model';
import { type Locale, text } from '../../src/core/messages/model';
import { DEFAULT_LOCALE, parseLocale } from '../../src/core/messages/texts';

/**
 * The few things the Teams adapter says itself: when something broke or must be asked elsewhere.
 * Same catalog convention as `src/core/messages/texts/*` (kept here: the adapter owns them).
 */
export const nl = {
  failed: 'Oeps, daar ging aan mijn kant iets mis. Probeer het zo nog een keer.',
  fileFailed: 'Ik kon dat bestand niet ophalen. Stuur het nog een keer, of probeer het straks opnieuw.',
  openPersonalChat:
    'Dit laat ik je liever privé zien. Open een chat met mij (Stagecoach) en vraag het daar nog een keer.',
};

export const en: typeof nl = {
  failed: 'Oops, something went wrong on my side. Please try again in a moment.',
  fileFailed: "I couldn't fetch that file. Please send it again, or try again later.",
  openPersonalChat:
    "I'd rather show you this privately. Open a chat with me (Stagecoach) and ask again there.",
};

export type AdapterText = keyof typeof nl;

export function localeOf(activityLocale: string | undefined): Locale {
  return parseLocale(activityLocale) ?? DEFAULT_LOCALE;
}

export function adapterText(key: AdapterText, locale: Locale): string {
  return (locale === 'en' ? en : nl)[key];
}

export function adapterMessage(key: AdapterText, locale: Locale): Message {
  const value = adapterText(key, locale);
  return { key: `teams.${key}`, summary: value, blocks: [text(value)] };
}
