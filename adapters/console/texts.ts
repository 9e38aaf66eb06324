import type { Locale } from '../../src/core/messages/model';
import * as consoleCatalog from '../../src/core/messages/texts/console';

/** The console's own words, from the core catalog (`texts/console.ts`). */
export type ConsoleTexts = typeof consoleCatalog.nl;

export const consoleTexts = (locale: Locale): ConsoleTexts =>
  locale === 'en' ? consoleCatalog.en : consoleCatalog.nl;

/** `vr 5 mrt 2027 13:00` / `Fri 5 Mar 2027 13:00` in the configured time zone. */
export function formatClock(at: Date, timezone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/** `vrijdag 5 maart 2027`: the header above a day's messages. */
export function formatDay(at: Date, timezone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: timezone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at);
}

export function formatTime(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: timezone, hour: '2-digit', minute: '2-digit' }).format(
    at,
  );
}
