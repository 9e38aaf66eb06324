import type { Block, Locale, Message } from '../messages/model';
import { appTextsFor } from './texts';

/**
 * Several personal messages for one student at one moment (owed-report reminders, a new
 * substitute assignment, the check-in reminder) become one message: a short heading, then each
 * part in turn, each naming its own report. The key stays that of the first (most important)
 * part, so whoever reacts to that message still recognises it.
 */
export function bundleForStudent(locale: Locale, parts: readonly Message[]): Message {
  const [first] = parts;
  if (!first || parts.length === 1) return first as Message;
  const t = appTextsFor(locale);
  const blocks: Block[] = [{ type: 'text', text: t['bundle.heading'](parts.length), style: 'heading' }];
  parts.forEach((part, index) => {
    if (index > 0) blocks.push({ type: 'divider' });
    blocks.push(...part.blocks);
  });
  return { key: first.key, summary: t['bundle.summary'](parts.map((part) => part.summary)), blocks };
}
