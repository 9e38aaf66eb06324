import type { Locale } from '../../core/messages/model';
import { parseLocale } from '../../core/messages/texts';
import { appTextsFor, renderNote } from '../../core/notices/texts';
import { emptyOutput, say, type UseCaseInput, type UseCaseOutput } from './use-case';

/** The home view's language button; value = `nl` or `en`. */
export const LANGUAGE_ACTION = 'language.set';

/** "taal en", "language nl", "taal engels": a person's own language, by keyword in either language. */
const LANGUAGE_COMMAND = /^(?:taal|language|lang)\s+(\S+)$/i;

export function parseLanguageCommand(text: string): Locale | 'unknown' | null {
  const match = LANGUAGE_COMMAND.exec(text.trim());
  if (!match) return null;
  return parseLocale(match[1]) ?? 'unknown';
}

/**
 * Sets the person's language: from then on every message to them (replies, reminders,
 * digests sent privately) is in it. The confirmation is already in the new language.
 */
export async function handleLanguage(
  input: UseCaseInput,
  act: { text: string } | { actionId: string; value?: string },
): Promise<UseCaseOutput | null> {
  const requested =
    'text' in act
      ? parseLanguageCommand(act.text)
      : act.actionId === LANGUAGE_ACTION
        ? (parseLocale(act.value) ?? 'unknown')
        : null;
  if (requested === null) return null;
  if (requested === 'unknown') {
    const t = appTextsFor(input.locale);
    return say(renderNote('language.unknown', t['language.unknown']));
  }
  await input.stores.people.setLocale(input.person.id, requested);
  const t = appTextsFor(requested);
  return { ...emptyOutput(), conversation: [renderNote('language.set', t['language.set'])] };
}
