import type { Locale } from './model';

/**
 * Product texts live in one module per area under `./texts/` (e.g. `texts/checkin.ts`), each
 * exporting `nl` and `en: typeof nl` so both catalogs have identical keys and parameter
 * signatures (the compiler enforces it; `catalog.test.ts` checks at runtime too).
 * Dutch is the default language.
 */
export type TextCatalog = Record<string, string | ((...args: never[]) => string)>;

export type Bilingual<T extends TextCatalog> = { nl: T; en: T };

export function pick<T extends TextCatalog>(catalog: Bilingual<T>, locale: Locale): T {
  return locale === 'en' ? catalog.en : catalog.nl;
}

export const DEFAULT_LOCALE: Locale = 'nl';

export function parseLocale(value: string | null | undefined): Locale | null {
  const normalised = value?.trim().toLowerCase();
  if (normalised === 'nl' || normalised === 'nl-nl' || normalised === 'dutch' || normalised === 'nederlands')
    return 'nl';
  if (normalised?.startsWith('en') || normalised === 'engels') return 'en';
  return null;
}
