import type { Locale } from '../../src/core/messages/model';
import { DEFAULT_LOCALE, parseLocale } from '../../src/core/messages/texts';

/** The language of an activity (`nl-NL`, `en-US`, …); Dutch when Teams sent none we know. */
export function localeOf(activityLocale: string | undefined): Locale {
  return parseLocale(activityLocale) ?? DEFAULT_LOCALE;
}
