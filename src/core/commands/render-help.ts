import { type Block, type Locale, type Message, text } from '../messages/model';
import { pick } from '../messages/texts';
import * as commandTexts from '../messages/texts/commands';
import { SETTING_SPECS } from './settings';
import { COMMAND_TABLE, type CommandSpec, primaryAlias, specOf, usageLine } from './table';
import type { CommandName, CommandRole } from './types';

/** Every word of a command except the one shown in the usage line, both languages, once each. */
function otherAliases(spec: CommandSpec, locale: Locale): string[] {
  const shown = primaryAlias(spec.name, locale);
  const all =
    locale === 'en' ? [...spec.aliases.en, ...spec.aliases.nl] : [...spec.aliases.nl, ...spec.aliases.en];
  return [...new Set(all)].filter((alias) => alias !== shown);
}

function commandBlock(spec: CommandSpec, locale: Locale): Block {
  const t = pick(commandTexts, locale);
  const aliases = otherAliases(spec, locale);
  const lines = [usageLine(spec.name, locale), t.describe(spec.name)];
  if (aliases.length > 0) lines.push(t.alsoKnownAs(aliases.join(', ')));
  return text(lines.join('\n'));
}

function renderOverview(locale: Locale, audience: CommandRole): Message {
  const t = pick(commandTexts, locale);
  const section = (role: CommandRole, title: string): Block[] => {
    const specs = COMMAND_TABLE.filter((spec) => spec.role === role);
    return specs.length === 0
      ? []
      : [text(title, 'heading'), ...specs.map((spec) => commandBlock(spec, locale))];
  };
  return {
    key: 'command.help',
    summary: t.helpSummary,
    blocks: [
      text(t.helpTitle, 'heading'),
      text(t.helpIntro, 'muted'),
      ...section('anyone', t.helpSectionAnyone),
      ...(audience === 'coordinator' ? section('coordinator', t.helpSectionCoordinator) : []),
      text(t.helpFooter, 'muted'),
    ],
  };
}

function settingsBlock(locale: Locale): Block {
  const t = pick(commandTexts, locale);
  const lines = SETTING_SPECS.map((spec) =>
    t.setting(locale === 'en' ? spec.key : `${spec.nl} / ${spec.key}`, t.describeSetting(spec.key)),
  );
  return text([t.settingsTitle, ...lines].join('\n'));
}

function renderOne(locale: Locale, name: CommandName): Message {
  const t = pick(commandTexts, locale);
  const spec = specOf(name);
  const aliases = otherAliases(spec, locale);
  return {
    key: `command.help.${name}`,
    summary: usageLine(name, locale),
    blocks: [
      text(usageLine(name, locale), 'heading'),
      text(t.describe(name)),
      ...(name === 'settings' ? [settingsBlock(locale)] : []),
      text(t.example(name)),
      ...(aliases.length > 0 ? [text(t.alsoKnownAs(aliases.join(', ')), 'muted')] : []),
      text(t.role(spec.role), 'muted'),
    ],
  };
}

/**
 * Help generated from the command table: all commands, or one. `audience: 'anyone'` leaves the
 * coordinator commands out of the overview (for people without that role).
 */
export function renderHelp(
  locale: Locale,
  commandName?: CommandName | null,
  options: { audience?: CommandRole } = {},
): Message {
  return commandName
    ? renderOne(locale, commandName)
    : renderOverview(locale, options.audience ?? 'coordinator');
}
