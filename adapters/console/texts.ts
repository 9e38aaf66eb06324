import type { Locale } from '../../src/core/messages/model';
import type { InvalidReason } from './parse-line';

/** The console's own words (the bot's messages come from the core catalogs). */
const nl = {
  welcome: [
    'Welkom bij Stagecoach — lokale chat zonder Slack of Teams.',
    'Je speelt iedereen uit de voorbeeldklas: wissel met /als, typ als die persoon, en zet de klok',
    'vooruit met /verder om check-ins, herinneringen, escalaties en overzichten te zien gebeuren.',
    'Alles wat de bot naar wie dan ook stuurt, verschijnt hier met de naam van de ontvanger.',
    'Typ /help voor alle opdrachten.',
    '(English: type /help; start with STAGECOACH_LOCALE=en for English texts.)',
  ],
  help: [
    'Opdrachten in de console:',
    '  <tekst>                       typ als de huidige persoon (check-in, STARR-verslag: start, verstuur, help, mijn)',
    '  !<actie> [waarde]             klik een knop, bv. !checkin.mood 4 (waarde mag weg als de knop net langskwam)',
    '  !<actie> [waarde] veld=tekst  verstuur een formulier, bv. !reflection.feedback verdict=approved feedback=Mooi verslag',
    '                                (een veld loopt door tot het volgende veld=; de waarde mag weg na het formulier)',
    '  /stage <opdracht>             coördinator-opdracht, bv. /stage overzicht, /stage help',
    '  /als <e-mail of naam>         wissel van persoon (ook /as)',
    '  /wie                          wie is wie, met rollen (ook /who)',
    '  /klok                         de virtuele tijd (ook /clock)',
    '  /verder <duur>                zet de klok vooruit: 3h, 1d, 1w, 2d4h (zonder duur: 1 dag; ook /advance)',
    '  /tijd <datum [tijd]>          zet de klok op een moment, bv. /tijd 2027-03-05 13:00 (ook /time)',
    '  /help                         dit overzicht',
    '  /stop                         afsluiten (ook /quit); de klok en de database blijven bewaard',
  ],
  devKeyNote: (dataDir: string) =>
    `Let op: STAGECOACH_ENCRYPTION_KEY is niet gezet; de inhoud wordt versleuteld met een ontwikkelsleutel in ${dataDir}.`,
  nowActingAs: (who: string) => `Je bent nu ${who}.`,
  people: 'Mensen (→ = jij):',
  clock: (time: string) => `Klok: ${time}`,
  advanced: (time: string, sent: number, steps: number) =>
    `Klok staat op ${time} — ${sent} bericht(en) verstuurd in ${steps} stap(pen).`,
  jobFailed: (detail: string) => `Let op, een taak mislukte: ${detail}`,
  backwards: 'De klok kan alleen vooruit (de geschiedenis is al gebeurd).',
  badTime: (input: string) => `"${input}" is geen tijdstip. Voorbeeld: /tijd 2027-03-05 13:00`,
  tooFar: (days: number) => `Zo ver in één keer gaat niet; hooguit ${days} dagen.`,
  noMatch: (query: string) => `Niemand gevonden voor "${query}". Typ /wie voor de lijst.`,
  ambiguous: (query: string, names: string) => `"${query}" past bij meerdere mensen: ${names}.`,
  noPerson: 'Er is nog niemand om als te typen. Importeer plaatsingen of typ /stop.',
  privateReply: 'alleen voor jou',
  failed: (message: string) => `Er ging iets mis: ${message}`,
  bye: 'Tot ziens! De klok en de gegevens staan bewaard voor de volgende keer.',
  invalid: {
    'unknown-command': (input: string) => `Onbekende opdracht ${input}. Typ /help.`,
    'missing-person': () => 'Als wie? Bijvoorbeeld: /als sam',
    'bad-duration': (input: string) => `"${input}" is geen duur. Voorbeelden: 3h, 1d, 1w, 2d4h.`,
    'missing-time': () => 'Naar welk moment? Bijvoorbeeld: /tijd 2027-03-05 13:00',
    'missing-action': () => 'Welke knop? Bijvoorbeeld: !checkin.mood 4',
  } satisfies Record<InvalidReason, (input: string) => string>,
};

const en: typeof nl = {
  welcome: [
    'Welcome to Stagecoach — a local chat without Slack or Teams.',
    'You play everyone in the sample cohort: switch with /as, type as that person, and move the',
    'clock with /advance to watch check-ins, reminders, escalations and digests happen.',
    'Everything the bot sends to anyone appears here with the recipient’s name.',
    'Type /help for all commands.',
    '(Nederlands: typ /help; start met STAGECOACH_LOCALE=nl voor Nederlandse teksten.)',
  ],
  help: [
    'Console commands:',
    '  <text>                        type as the current person (check-in, STARR report: start, submit, help, me)',
    '  !<action> [value]             click a button, e.g. !checkin.mood 4 (the value may be left out after the button appeared)',
    '  !<action> [value] field=text  submit a form, e.g. !reflection.feedback verdict=approved feedback=Nice report',
    '                                (a field runs until the next field=; the value may be left out after the form)',
    '  /stage <command>              coordinator command, e.g. /stage overview, /stage help',
    '  /as <e-mail or name>          switch person (also /als)',
    '  /who                          who is who, with roles (also /wie)',
    '  /clock                        the virtual time (also /klok)',
    '  /advance <duration>           move the clock: 3h, 1d, 1w, 2d4h (no duration: 1 day; also /verder)',
    '  /time <date [time]>           set the clock to a moment, e.g. /time 2027-03-05 13:00 (also /tijd)',
    '  /help                         this overview',
    '  /stop                         quit (also /quit); the clock and the database are kept',
  ],
  devKeyNote: (dataDir) =>
    `Note: STAGECOACH_ENCRYPTION_KEY is not set; content is encrypted with a development key in ${dataDir}.`,
  nowActingAs: (who) => `You are now ${who}.`,
  people: 'People (→ = you):',
  clock: (time) => `Clock: ${time}`,
  advanced: (time, sent, steps) => `The clock shows ${time} — ${sent} message(s) sent in ${steps} step(s).`,
  jobFailed: (detail) => `Note, a job failed: ${detail}`,
  backwards: 'The clock only moves forward (history has already happened).',
  badTime: (input) => `"${input}" is not a moment. Example: /time 2027-03-05 13:00`,
  tooFar: (days) => `That is too far in one go; at most ${days} days.`,
  noMatch: (query) => `Nobody found for "${query}". Type /who for the list.`,
  ambiguous: (query, names) => `"${query}" matches several people: ${names}.`,
  noPerson: 'There is nobody to type as yet. Import placements or type /stop.',
  privateReply: 'only for you',
  failed: (message) => `Something went wrong: ${message}`,
  bye: 'Goodbye! The clock and the data are kept for next time.',
  invalid: {
    'unknown-command': (input) => `Unknown command ${input}. Type /help.`,
    'missing-person': () => 'As whom? For example: /as sam',
    'bad-duration': (input) => `"${input}" is not a duration. Examples: 3h, 1d, 1w, 2d4h.`,
    'missing-time': () => 'To which moment? For example: /time 2027-03-05 13:00',
    'missing-action': () => 'Which button? For example: !checkin.mood 4',
  },
};

export type ConsoleTexts = typeof nl;

export const consoleTexts = (locale: Locale): ConsoleTexts => (locale === 'en' ? en : nl);

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
