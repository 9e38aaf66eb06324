/**
 * The few things a chat adapter (Slack, Teams) says itself, outside any conversation of the
 * app: its handling broke, a shared file could not be read, or a view must be asked privately.
 */
export const nl = {
  failed: 'Oeps, daar ging aan mijn kant iets mis. Probeer het zo nog een keer.',
  fileUnreadable:
    'Ik kon je bestand niet ophalen of openen. Stuur het nog een keer als CSV-bestand, of probeer het straks opnieuw.',
  openPersonalChat:
    'Dit laat ik je liever privé zien. Open een chat met mij (Stagecoach) en vraag het daar nog een keer.',
};

export const en: typeof nl = {
  failed: 'Oops, something went wrong on my side. Please try again in a moment.',
  fileUnreadable:
    "I couldn't fetch or open your file. Please send it again as a CSV file, or try again later.",
  openPersonalChat:
    "I'd rather show you this privately. Open a chat with me (Stagecoach) and ask again there.",
};
