import { TYPED_WORDS } from '../messages/keywords';
import type { Locale } from '../messages/model';
import type { Command, CommandName, CommandRole, CommandScope } from './types';

export type CommandSpec = {
  name: CommandName;
  /** Words that start the command, lower-case without accents. The first of each list is shown first. */
  aliases: { nl: readonly string[]; en: readonly string[] };
  /** The argument pattern after the command word, in each language's placeholders. */
  args: { nl: string; en: string };
  role: CommandRole;
  /**
   * Whose data the command may touch: authorization as data. The executor refuses before the
   * handler runs when the actor's reach is too small; handlers check row by row within it.
   */
  scope: CommandScope;
};

/**
 * The one command table. The parser, `requiredRole` and the generated help all read it, so a
 * command cannot exist without help or a role. Descriptions live in the `commands` catalog,
 * keyed by `name` (`describe(name)`), so both languages are checked by the compiler.
 */
export const COMMAND_TABLE: readonly CommandSpec[] = [
  {
    name: 'help',
    aliases: TYPED_WORDS.help,
    args: { nl: '[<commando>]', en: '[<command>]' },
    role: 'anyone',
    scope: 'own',
  },
  {
    name: 'me',
    aliases: TYPED_WORDS.mine,
    args: { nl: '', en: '' },
    role: 'anyone',
    scope: 'own',
  },
  {
    name: 'overview',
    aliases: { nl: ['overzicht', 'lijst'], en: ['overview', 'list'] },
    args: { nl: '[<cohort> | <e-mail-stagiair>]', en: '[<cohort> | <student-email>]' },
    role: 'coordinator',
    scope: 'own-cohorts',
  },
  {
    name: 'add',
    aliases: { nl: ['toevoegen', 'nieuw'], en: ['add', 'new'] },
    args: {
      nl: 'student=<e-mail> naam=<naam> mentor=<e-mail>[|<e-mail>…] start=<JJJJ-MM-DD> eind=<JJJJ-MM-DD> [cohort=<naam>] [organisatie=<naam>] [mentornaam=<naam>] [coordinator=<e-mail>] [kennismaking=<datum>] [tussenevaluatie=<datum>] [eindbeoordeling=<datum>] [werkdagen=ma,di,wo] [taal=nl|en]',
      en: 'student=<email> name=<name> mentor=<email>[|<email>…] start=<YYYY-MM-DD> end=<YYYY-MM-DD> [cohort=<name>] [organisation=<name>] [mentor_name=<name>] [coordinator=<email>] [intro=<date>] [midterm=<date>] [final=<date>] [working_days=mon,tue,wed] [locale=nl|en]',
    },
    role: 'coordinator',
    scope: 'own-cohorts',
  },
  {
    name: 'import',
    aliases: { nl: ['importeer', 'importeren'], en: ['import'] },
    args: { nl: '[--skip-invalid]', en: '[--skip-invalid]' },
    role: 'coordinator',
    scope: 'own-cohorts',
  },
  {
    name: 'pause',
    aliases: { nl: ['pauzeer', 'pauzeren', 'pauze'], en: ['pause'] },
    args: {
      nl: '<e-mail-stagiair> <vanaf JJJJ-MM-DD> [<tot en met JJJJ-MM-DD>] [reden…]',
      en: '<student-email> <from YYYY-MM-DD> [<until YYYY-MM-DD>] [reason…]',
    },
    role: 'coordinator',
    scope: 'own-cohorts',
  },
  {
    name: 'resume',
    aliases: { nl: ['hervat', 'hervatten'], en: ['resume', 'unpause'] },
    args: { nl: '<e-mail-stagiair> [<JJJJ-MM-DD>]', en: '<student-email> [<YYYY-MM-DD>]' },
    role: 'coordinator',
    scope: 'own-cohorts',
  },
  {
    name: 'excuse',
    aliases: { nl: ['excuseer', 'excuseren'], en: ['excuse'] },
    args: {
      nl: '<e-mail-stagiair> <inleverdatum JJJJ-MM-DD | kennismaking | tussenevaluatie> [reden…]',
      en: '<student-email> <due date YYYY-MM-DD | intro | midterm> [reason…]',
    },
    role: 'coordinator',
    scope: 'own-cohorts',
  },
  {
    name: 'substitute',
    aliases: { nl: ['vervangend', 'vervangende-opdracht'], en: ['substitute', 'assignment'] },
    args: { nl: '<e-mail-stagiair> <opdrachttekst…>', en: '<student-email> <assignment text…>' },
    role: 'coordinator',
    scope: 'own-cohorts',
  },
  {
    name: 'check-off',
    aliases: { nl: ['afvinken', 'afgevinkt'], en: ['check-off', 'tick-off'] },
    args: {
      nl: '<e-mail-stagiair> [<inleverdatum verslag JJJJ-MM-DD>]',
      en: '<student-email> [<report due date YYYY-MM-DD>]',
    },
    role: 'coordinator',
    scope: 'own-cohorts',
  },
  {
    name: 'remind',
    aliases: { nl: ['herinner', 'herinneren'], en: ['remind'] },
    args: { nl: '<e-mail-stagiair>', en: '<student-email>' },
    role: 'coordinator',
    scope: 'own-cohorts',
  },
  {
    name: 'channel',
    aliases: { nl: ['kanaal'], en: ['channel'] },
    args: { nl: '<cohort>', en: '<cohort>' },
    role: 'coordinator',
    scope: 'own-cohorts',
  },
  {
    name: 'settings',
    aliases: { nl: ['instellingen', 'instelling'], en: ['settings', 'config'] },
    args: { nl: '<cohort> [sleutel=waarde …]', en: '<cohort> [key=value …]' },
    role: 'coordinator',
    scope: 'own-cohorts',
  },
  {
    name: 'export',
    aliases: { nl: ['export', 'exporteer', 'exporteren'], en: ['export'] },
    args: { nl: '[json|csv] [<cohort> | <e-mail-stagiair>]', en: '[json|csv] [<cohort> | <student-email>]' },
    role: 'coordinator',
    scope: 'own-cohorts',
  },
  {
    name: 'erase',
    aliases: { nl: ['wis', 'wissen'], en: ['erase'] },
    args: { nl: '<e-mail-stagiair> bevestig', en: '<student-email> confirm' },
    role: 'coordinator',
    scope: 'own-cohorts',
  },
  {
    name: 'coordinator',
    aliases: { nl: ['coordinator', 'coordinatoren'], en: ['coordinator', 'coordinators'] },
    args: { nl: 'toevoegen|verwijderen <e-mail> [<cohort>]', en: 'add|remove <email> [<cohort>]' },
    role: 'coordinator',
    // Handing out (or taking away) coordination is how reach grows: only the widest reach may.
    scope: 'all-cohorts',
  },
  {
    name: 'reset',
    aliases: { nl: ['reset', 'herstel'], en: ['reset'] },
    args: { nl: '<e-mail-stagiair>', en: '<student-email>' },
    role: 'coordinator',
    scope: 'own-cohorts',
  },
];

/** Lower-case without accents, so `Coördinator` and `coordinator` are the same word. */
export function normalizeWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const BY_ALIAS = new Map<string, CommandSpec>(
  COMMAND_TABLE.flatMap((spec) => [...spec.aliases.nl, ...spec.aliases.en].map((alias) => [alias, spec])),
);

const BY_NAME = new Map<CommandName, CommandSpec>(COMMAND_TABLE.map((spec) => [spec.name, spec]));

export const ALL_ALIASES: readonly string[] = [...BY_ALIAS.keys()];

export function findCommandByAlias(word: string): CommandSpec | null {
  return BY_ALIAS.get(normalizeWord(word)) ?? null;
}

export function specOf(name: CommandName): CommandSpec {
  // The table covers every CommandName (checked by table.test.ts), so the lookup cannot miss.
  return BY_NAME.get(name)!;
}

/** The command word shown to a person in their language (the first alias of that language). */
export function primaryAlias(name: CommandName, locale: Locale): string {
  const spec = specOf(name);
  return (locale === 'en' ? spec.aliases.en[0] : spec.aliases.nl[0]) ?? name;
}

/** `stage <alias> <args>` in the person's language. */
export function usageLine(name: CommandName, locale: Locale): string {
  const args = specOf(name).args[locale];
  return `stage ${primaryAlias(name, locale)}${args ? ` ${args}` : ''}`;
}

export function requiredRole(command: Command | CommandName): CommandRole {
  return specOf(typeof command === 'string' ? command : command.type).role;
}

export function requiredScope(command: Command | CommandName): CommandScope {
  return specOf(typeof command === 'string' ? command : command.type).scope;
}
