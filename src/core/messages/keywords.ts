/**
 * The one table of words people type instead of pressing a button, per meaning and language.
 * Every recogniser (check-in, STARR, mentor talk, the app's routing, the Teams home view) reads
 * it, so a word means the same everywhere. A typed word is understood in either language,
 * whatever the person's language setting: a Dutch student who types "skip" means skip.
 *
 * Words are stored as `normaliseTyped` returns them: lower case, no accents, single spaces.
 */
export const TYPED_WORDS = {
  /** The person's own overview (Slack App Home, Teams home view, `stage mijn`). */
  mine: { nl: ['mijn', 'status'], en: ['me', 'mine', 'home'] },
  help: { nl: ['help', 'hulp', '?'], en: ['help'] },
  /** Leave a question unanswered (check-in, STARR step, mentor note). */
  skip: { nl: ['overslaan', 'sla over', 'nvt', 'n.v.t'], en: ['skip'] },
  /** Pause a STARR report to finish later. */
  stop: { nl: ['stop', 'pauze', 'later'], en: ['pause'] },
  /** Throw a STARR draft away. */
  cancel: { nl: ['annuleer', 'annuleren'], en: ['cancel'] },
  /** Start (or continue) writing a report; inside a draft too. */
  start: { nl: ['start', 'reflectie', 'begin', 'starten'], en: ['reflection'] },
  /** Start a report too, but only outside a draft: inside one, "verslag" may well be an answer. */
  report: { nl: ['verslag'], en: ['report'] },
  back: { nl: ['terug', 'vorige'], en: ['back', 'previous'] },
  resume: { nl: ['verder', 'doorgaan', 'ga verder'], en: ['resume', 'continue'] },
  submit: { nl: ['verstuur', 'versturen', 'insturen', 'inleveren'], en: ['submit', 'send'] },
  /** Followed by a step: change an earlier STARR answer. */
  edit: { nl: ['wijzig', 'wijzigen', 'aanpassen', 'pas aan'], en: ['edit', 'change'] },
  /** Optional word before a step number ("wijzig stap 3"). */
  step: { nl: ['stap'], en: ['step'] },
  /** Open the substitute assignment. */
  substitute: { nl: ['opdracht', 'vervangende opdracht', 'vervangend'], en: ['assignment', 'substitute'] },
  /** List one's learning goals. */
  goals: { nl: ['leerdoelen', 'mijn leerdoelen'], en: ['goals', 'my goals'] },
  yes: {
    nl: ['ja', 'j', 'jawel', 'ja graag', 'graag'],
    en: ['yes', 'y', 'yes please', 'yep', 'yeah', 'sure'],
  },
  no: {
    nl: ['nee', 'n', 'nee hoor', 'nee dank je', 'nee bedankt', 'niet nodig'],
    en: ['no', 'nope', 'no thanks'],
  },
  /** The mentor's weekly talk did not happen this week but was moved. */
  moved: { nl: ['verzet', 'verplaatst', 'uitgesteld', 'later'], en: ['moved', 'rescheduled', 'postponed'] },
  /** Every student on a staff list ("ja allemaal", "yes all"). */
  all: { nl: ['allemaal', 'iedereen', 'alle', 'alles'], en: ['all', 'everyone', 'everybody'] },
} as const satisfies Record<string, { nl: readonly string[]; en: readonly string[] }>;

export type TypedMeaning = keyof typeof TYPED_WORDS;

/** Both languages' words for `meaning`, Dutch first. */
export function typedWords(meaning: TypedMeaning): readonly string[] {
  return [...TYPED_WORDS[meaning].nl, ...TYPED_WORDS[meaning].en];
}

const SURROUNDING_PUNCTUATION = /^[\s"'`*_.,!?;:“”‘’()]+|[\s"'`*_.,!?;:“”‘’()]+$/g;

/**
 * Lower case, accents removed, inner spaces collapsed, surrounding punctuation and markup
 * removed ("Stop!" → "stop", "*Help?*" → "help"). A message of punctuation only stays as
 * typed, so a lone "?" still asks for help.
 */
export function normaliseTyped(text: string): string {
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');
  const stripped = plain.replace(SURROUNDING_PUNCTUATION, '');
  return stripped === '' ? plain : stripped;
}

const SETS = new Map<TypedMeaning, ReadonlySet<string>>(
  (Object.keys(TYPED_WORDS) as TypedMeaning[]).map((meaning) => [meaning, new Set(typedWords(meaning))]),
);

/** Whether the whole message `text` is one of the words for `meaning`. */
export function isTyped(meaning: TypedMeaning, text: string): boolean {
  return SETS.get(meaning)?.has(normaliseTyped(text)) ?? false;
}
