import type { Locale, Message } from '../../src/core/messages/model';

/** The adapter's own few texts (everything else comes from the core's catalogs). */
export const nl = {
  somethingWentWrong: 'Oei, er ging bij mij iets mis. Probeer het zo nog een keer?',
  fileUnreadable: 'Ik kon je bestand niet openen. Stuur je het nog eens, als CSV-bestand?',
};

export const en: typeof nl = {
  somethingWentWrong: 'Oops, something went wrong on my side. Could you try again in a moment?',
  fileUnreadable: "I couldn't open your file. Could you send it again as a CSV file?",
};

export function renderAdapterNotice(kind: keyof typeof nl, locale: Locale): Message {
  const text = (locale === 'en' ? en : nl)[kind];
  return { key: `slack.${kind}`, summary: text, blocks: [{ type: 'text', text }] };
}
