import type { SettingKey } from '../../commands/settings';
import type { ArgumentId, CommandName, CommandRole, ExpectedValue } from '../../commands/types';

/** Texts of the coordinator commands: generated help and usage errors. */

const nlDescriptions: Record<CommandName, string> = {
  help: 'Laat alle commando’s zien, of uitleg over één commando.',
  me: 'Je eigen stand van zaken: je stages, verslagen en wat er openstaat.',
  overview: 'Overzicht van een cohort of van één stagiair: check-ins, verslagen en escalatie.',
  add: 'Voeg een stage toe. Meerdere mentoren scheid je met |.',
  import:
    'Importeer stages uit een CSV-bestand dat je meestuurt. Met --skip-invalid worden foute regels overgeslagen.',
  pause: 'Pauzeer een stage, bijvoorbeeld bij ziekte. Zonder einddatum loopt de pauze tot je hervat.',
  resume: 'Hervat een gepauzeerde stage, vandaag of op een datum.',
  excuse:
    'Excuseer een verslag (bijvoorbeeld bij ziekte), ook achteraf. Een gemist verslag telt dan niet meer mee.',
  substitute: 'Stel de tekst in van de vervangende opdracht voor deze stagiair.',
  'check-off': 'Vink een vervangende opdracht af als ingeleverd.',
  remind: 'Stuur de stagiair nu een herinnering voor wat er openstaat.',
  channel: 'Maak dit kanaal het mentorkanaal van een cohort: hier komt het weekoverzicht.',
  settings: 'Bekijk of wijzig de instellingen van een cohort.',
  export: 'Exporteer gegevens van een cohort of stagiair als JSON of CSV.',
  erase: 'Wis alle gegevens van een stagiair definitief. Alleen een logregel zonder inhoud blijft over.',
  coordinator: 'Voeg een stagecoördinator toe of haal er een weg, voor alles of voor één cohort.',
  reset: 'Zet een stage die op onvoldoende staat weer op actief, na jouw beoordeling.',
};

const enDescriptions: Record<CommandName, string> = {
  help: 'Show all commands, or explain one command.',
  me: 'Your own status: your placements, reports and what is still open.',
  overview: 'Overview of a cohort or one student: check-ins, reports and escalation.',
  add: 'Add a placement. Separate several mentors with |.',
  import: 'Import placements from a CSV file you attach. With --skip-invalid, bad rows are skipped.',
  pause:
    'Pause a placement, for instance during illness. Without an end date the pause lasts until you resume.',
  resume: 'Resume a paused placement, today or on a date.',
  excuse:
    'Excuse a report (for instance for illness), also afterwards. A missed report then no longer counts.',
  substitute: 'Set the text of the substitute assignment for this student.',
  'check-off': 'Tick off a substitute assignment as handed in.',
  remind: 'Send the student a reminder now about whatever is open.',
  channel: 'Make this channel the mentor channel of a cohort: the weekly digest goes here.',
  settings: 'Show or change the settings of a cohort.',
  export: 'Export the data of a cohort or a student as JSON or CSV.',
  erase: 'Permanently erase all data of a student. Only a log entry without content remains.',
  coordinator: 'Add or remove a coordinator, for everything or for one cohort.',
  reset: 'Set a placement marked insufficient back to active, after your review.',
};

const nlExamples: Record<CommandName, string> = {
  help: 'stage help pauzeer',
  me: 'stage mijn',
  overview: 'stage overzicht "Zorg 3A"',
  add: 'stage toevoegen student=sam@school.nl naam="Sam de Vries" mentor=anna@zorgpunt.nl start=2026-02-02 eind=2026-06-26 cohort="Zorg 3A" werkdagen=ma,di,wo',
  import: 'stage importeer --skip-invalid',
  pause: 'stage pauzeer sam@school.nl 2026-03-02 2026-03-13 ziek',
  resume: 'stage hervat sam@school.nl 2026-03-16',
  excuse: 'stage excuseer sam@school.nl 2026-04-01 ziekenhuisopname',
  substitute: 'stage vervangend sam@school.nl Schrijf een reflectie op je eerste maand.',
  'check-off': 'stage afvinken sam@school.nl',
  remind: 'stage herinner sam@school.nl',
  channel: 'stage kanaal "Zorg 3A"',
  settings: 'stage instellingen "Zorg 3A" checkin_dag=do checkin_tijd=14:00',
  export: 'stage export csv "Zorg 3A"',
  erase: 'stage wis sam@school.nl bevestig',
  coordinator: 'stage coordinator toevoegen jan@school.nl "Zorg 3A"',
  reset: 'stage reset sam@school.nl',
};

const enExamples: Record<CommandName, string> = {
  help: 'stage help pause',
  me: 'stage me',
  overview: 'stage overview "Care 3A"',
  add: 'stage add student=sam@school.nl name="Sam de Vries" mentor=anna@carepoint.nl start=2026-02-02 end=2026-06-26 cohort="Care 3A" working_days=mon,tue,wed',
  import: 'stage import --skip-invalid',
  pause: 'stage pause sam@school.nl 2026-03-02 2026-03-13 ill',
  resume: 'stage resume sam@school.nl 2026-03-16',
  excuse: 'stage excuse sam@school.nl 2026-04-01 hospital stay',
  substitute: 'stage substitute sam@school.nl Write a reflection on your first month.',
  'check-off': 'stage check-off sam@school.nl',
  remind: 'stage remind sam@school.nl',
  channel: 'stage channel "Care 3A"',
  settings: 'stage settings "Care 3A" checkin_day=thu checkin_time=14:00',
  export: 'stage export csv "Care 3A"',
  erase: 'stage erase sam@school.nl confirm',
  coordinator: 'stage coordinator add jan@school.nl "Care 3A"',
  reset: 'stage reset sam@school.nl',
};

const nlArguments: Record<ArgumentId, string> = {
  command: 'het commando',
  'student-email': 'het e-mailadres van de stagiair',
  email: 'een e-mailadres',
  'from-date': 'de begindatum (JJJJ-MM-DD)',
  report: 'welk verslag: een inleverdatum, kennismaking of tussenevaluatie',
  text: 'de tekst van de opdracht',
  cohort: 'de naam van het cohort',
  action: 'toevoegen of verwijderen',
  confirmation: 'het woord bevestig',
  student: 'student=<e-mail>',
  name: 'naam=<naam van de stagiair>',
  mentor: 'mentor=<e-mail>',
  start: 'start=<JJJJ-MM-DD>',
  end: 'eind=<JJJJ-MM-DD>',
};

const enArguments: Record<ArgumentId, string> = {
  command: 'the command',
  'student-email': 'the student’s e-mail address',
  email: 'an e-mail address',
  'from-date': 'the start date (YYYY-MM-DD)',
  report: 'which report: a due date, intro or midterm',
  text: 'the assignment text',
  cohort: 'the cohort name',
  action: 'add or remove',
  confirmation: 'the word confirm',
  student: 'student=<email>',
  name: 'name=<student name>',
  mentor: 'mentor=<email>',
  start: 'start=<YYYY-MM-DD>',
  end: 'end=<YYYY-MM-DD>',
};

const nlSettings: Record<SettingKey, string> = {
  checkin_day: 'dag van de wekelijkse check-in (ma … zo)',
  checkin_time: 'tijd van de check-in (UU:MM)',
  digest_day: 'dag van het weekoverzicht voor mentoren',
  digest_time: 'tijd van het weekoverzicht',
  grace_days: 'dagen om een gemist verslag alsnog in te leveren (0–30)',
  substitute_days: 'dagen voor een vervangende opdracht (1–90)',
  insufficient_at: 'bij het hoeveelste gemiste verslag een stage onvoldoende wordt (1–20)',
  closed_dates: 'extra gesloten dagen, zoals 2026-10-19..2026-10-23,2026-12-24 (geen = leeg)',
  timezone: 'tijdzone, zoals Europe/Amsterdam',
  retention_months: 'maanden na het einde van de stage dat verslagen bewaard blijven (1–120)',
  hand_in_from_day: 'dag van de maand vanaf wanneer een maandverslag ingeleverd kan worden (1–28)',
};

const enSettings: Record<SettingKey, string> = {
  checkin_day: 'day of the weekly check-in (mon … sun)',
  checkin_time: 'time of the check-in (HH:mm)',
  digest_day: 'day of the weekly mentor digest',
  digest_time: 'time of the digest',
  grace_days: 'days to still hand in a missed report (0–30)',
  substitute_days: 'days to complete a substitute assignment (1–90)',
  insufficient_at: 'the missed report at which a placement becomes insufficient (1–20)',
  closed_dates: 'extra closed days, such as 2026-10-19..2026-10-23,2026-12-24 (none = empty)',
  timezone: 'time zone, such as Europe/Amsterdam',
  retention_months: 'months after the placement ends that reports are kept (1–120)',
  hand_in_from_day: 'day of the month from which a monthly report can be handed in (1–28)',
};

function nlExpected(kind: ExpectedValue, min: number | null, max: number | null): string {
  switch (kind) {
    case 'weekday':
      return 'een dag als ma, di, wo, do, vr, za of zo';
    case 'weekdays':
      return 'dagen als ma,di,wo of ma-wo';
    case 'time':
      return 'een tijd als 13:00, niet tussen 02:00 en 03:00';
    case 'integer':
      return `een heel getal van ${min ?? 0} tot en met ${max ?? 0}`;
    case 'dates':
      return 'datums als JJJJ-MM-DD, gescheiden door komma’s; een reeks schrijf je als begin..eind';
    case 'timezone':
      return 'een tijdzone als Europe/Amsterdam';
    case 'locale':
      return 'nl of en';
  }
}

function enExpected(kind: ExpectedValue, min: number | null, max: number | null): string {
  switch (kind) {
    case 'weekday':
      return 'a day such as mon, tue, wed, thu, fri, sat or sun';
    case 'weekdays':
      return 'days such as mon,tue,wed or mon-wed';
    case 'time':
      return 'a time such as 13:00, not between 02:00 and 03:00';
    case 'integer':
      return `a whole number from ${min ?? 0} to ${max ?? 0}`;
    case 'dates':
      return 'dates as YYYY-MM-DD, separated by commas; write a range as start..end';
    case 'timezone':
      return 'a time zone such as Europe/Amsterdam';
    case 'locale':
      return 'nl or en';
  }
}

export const nl = {
  helpTitle: 'Stagecoach-commando’s',
  helpIntro: 'Typ stage met een commando erachter. Nederlandse en Engelse woorden werken allebei.',
  helpSummary: 'Alle Stagecoach-commando’s',
  helpSectionAnyone: 'Voor iedereen',
  helpSectionCoordinator: 'Voor stagecoördinatoren',
  helpFooter:
    'Uitleg over één commando: stage help <commando>. Namen met spaties zet je tussen aanhalingstekens.',
  alsoKnownAs: (words: string) => `Ook: ${words}`,
  example: (name: CommandName) => `Voorbeeld: ${nlExamples[name]}`,
  describe: (name: CommandName) => nlDescriptions[name],
  role: (role: CommandRole): string =>
    role === 'anyone' ? 'Voor iedereen.' : 'Alleen voor stagecoördinatoren.',
  settingsTitle: 'Wat je kunt instellen (sleutel=waarde):',
  setting: (key: string, description: string) => `${key}: ${description}`,
  describeSetting: (key: SettingKey) => nlSettings[key],
  usage: (line: string) => `Zo werkt het: ${line}`,
  errorSummary: 'Dat commando lukte niet',
  errUnknown: (input: string) => `Het commando “${input}” ken ik niet.`,
  didYouMean: (suggestion: string) => `Bedoelde je stage ${suggestion}?`,
  seeHelp: 'Typ stage help voor alle commando’s.',
  errUsage: (value: string) => `Ik weet niet wat je hier met “${value}” bedoelt.`,
  errMissing: (argument: ArgumentId) => `Er ontbreekt nog iets: ${nlArguments[argument]}.`,
  errUnexpected: (value: string) => `“${value}” hoort hier niet bij.`,
  errBadDate: (value: string) =>
    `“${value}” is geen geldige datum. Schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2026-03-16.`,
  errBadEmail: (value: string) => `“${value}” is geen geldig e-mailadres.`,
  errBadRange: (from: string, to: string) => `De einddatum ${to} ligt vóór de begindatum ${from}.`,
  errBadValue: (key: string, value: string, expected: string) =>
    `“${value}” past niet bij ${key}. Verwacht: ${expected}.`,
  expected: nlExpected,
  errUnknownKey: (key: string) => `De sleutel “${key}” ken ik niet.`,
  didYouMeanKey: (suggestion: string) => `Bedoelde je ${suggestion}=…?`,
  errDuplicateKey: (key: string) => `Je gaf ${key} twee keer op. Noem elke sleutel één keer.`,
  errNeedsConfirmation: (email: string) =>
    `Wissen haalt alle gegevens van ${email} definitief weg: verslagen, check-ins en de stage zelf. Dat kun je niet terugdraaien. Weet je het zeker? Typ dan:`,
  confirmWord: 'bevestig',
  errUnclosedQuote:
    'Er staat een aanhalingsteken zonder tweede aanhalingsteken in je commando. Zet namen met spaties tussen twee aanhalingstekens, zoals "Sam de Vries".',
};

export const en: typeof nl = {
  helpTitle: 'Stagecoach commands',
  helpIntro: 'Type stage followed by a command. Dutch and English words both work.',
  helpSummary: 'All Stagecoach commands',
  helpSectionAnyone: 'For everyone',
  helpSectionCoordinator: 'For coordinators',
  helpFooter: 'More about one command: stage help <command>. Put names with spaces between quotes.',
  alsoKnownAs: (words: string) => `Also: ${words}`,
  example: (name: CommandName) => `Example: ${enExamples[name]}`,
  describe: (name: CommandName) => enDescriptions[name],
  role: (role: CommandRole) => (role === 'anyone' ? 'For everyone.' : 'Coordinators only.'),
  settingsTitle: 'What you can set (key=value):',
  setting: (key: string, description: string) => `${key}: ${description}`,
  describeSetting: (key: SettingKey) => enSettings[key],
  usage: (line: string) => `How it works: ${line}`,
  errorSummary: 'That command did not work',
  errUnknown: (input: string) => `I don’t know the command “${input}”.`,
  didYouMean: (suggestion: string) => `Did you mean stage ${suggestion}?`,
  seeHelp: 'Type stage help for all commands.',
  errUsage: (value: string) => `I’m not sure what you mean by “${value}” here.`,
  errMissing: (argument: ArgumentId) => `Something is missing: ${enArguments[argument]}.`,
  errUnexpected: (value: string) => `“${value}” doesn’t belong here.`,
  errBadDate: (value: string) =>
    `“${value}” is not a valid date. Write dates as YYYY-MM-DD, for example 2026-03-16.`,
  errBadEmail: (value: string) => `“${value}” is not a valid e-mail address.`,
  errBadRange: (from: string, to: string) => `The end date ${to} is before the start date ${from}.`,
  errBadValue: (key: string, value: string, expected: string) =>
    `“${value}” doesn’t fit ${key}. Expected: ${expected}.`,
  expected: enExpected,
  errUnknownKey: (key: string) => `I don’t know the key “${key}”.`,
  didYouMeanKey: (suggestion: string) => `Did you mean ${suggestion}=…?`,
  errDuplicateKey: (key: string) => `You gave ${key} twice. Name each key once.`,
  errNeedsConfirmation: (email: string) =>
    `Erasing permanently removes all data of ${email}: reports, check-ins and the placement itself. This cannot be undone. Are you sure? Then type:`,
  confirmWord: 'confirm',
  errUnclosedQuote:
    'Your command has an opening quote without a closing one. Put names with spaces between two quotes, like "Sam de Vries".',
};
