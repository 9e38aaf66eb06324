import type { Locale, Message } from '../messages/model';
import { pick } from '../messages/texts';
import * as adapterTexts from '../messages/texts/adapters';

export type AdapterNotice = keyof typeof adapterTexts.nl;

/** A notice a chat adapter sends by itself (see `texts/adapters.ts`), keyed `adapter.<notice>`. */
export function renderAdapterNotice(notice: AdapterNotice, locale: Locale): Message {
  const text = pick(adapterTexts, locale)[notice];
  return { key: `adapter.${notice}`, summary: text, blocks: [{ type: 'text', text }] };
}
