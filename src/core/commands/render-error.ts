import { type Block, type Locale, type Message, text } from '../messages/model';
import { pick } from '../messages/texts';
import * as commandTexts from '../messages/texts/commands';
import { assertNever } from '../shared/errors';
import { primaryAlias, usageLine } from './table';
import type { ArgumentId, CommandUsageError, ExpectedValue } from './types';

type Texts = typeof commandTexts.nl;

const param = (error: CommandUsageError, name: string): string => String(error.params[name] ?? '');

const numberParam = (error: CommandUsageError, name: string): number | null => {
  const value = error.params[name];
  return typeof value === 'number' ? value : null;
};

/** The explanation and any follow-up hints, in the person's language. */
function explain(error: CommandUsageError, t: Texts, locale: Locale): { main: string; extra: Block[] } {
  switch (error.code) {
    case 'COMMAND.UNKNOWN': {
      const suggestion = param(error, 'suggestion');
      return {
        main: t.errUnknown(param(error, 'input')),
        extra: [...(suggestion ? [text(t.didYouMean(suggestion))] : []), text(t.seeHelp, 'muted')],
      };
    }
    case 'COMMAND.USAGE':
      return { main: t.errUsage(param(error, 'value')), extra: [] };
    case 'COMMAND.MISSING_ARGUMENT':
      return { main: t.errMissing(param(error, 'argument') as ArgumentId), extra: [] };
    case 'COMMAND.UNEXPECTED_ARGUMENT':
      return { main: t.errUnexpected(param(error, 'value')), extra: [] };
    case 'COMMAND.BAD_DATE':
      return { main: t.errBadDate(param(error, 'value')), extra: [] };
    case 'COMMAND.BAD_EMAIL':
      return { main: t.errBadEmail(param(error, 'value')), extra: [] };
    case 'COMMAND.BAD_RANGE':
      return { main: t.errBadRange(param(error, 'from'), param(error, 'to')), extra: [] };
    case 'COMMAND.BAD_VALUE': {
      const expected = t.expected(
        param(error, 'expected') as ExpectedValue,
        numberParam(error, 'min'),
        numberParam(error, 'max'),
      );
      return { main: t.errBadValue(param(error, 'key'), param(error, 'value'), expected), extra: [] };
    }
    case 'COMMAND.UNKNOWN_KEY': {
      const suggestion = param(error, 'suggestion');
      return {
        main: t.errUnknownKey(param(error, 'key')),
        extra: suggestion ? [text(t.didYouMeanKey(suggestion))] : [],
      };
    }
    case 'COMMAND.DUPLICATE_KEY':
      return { main: t.errDuplicateKey(param(error, 'key')), extra: [] };
    case 'COMMAND.NEEDS_CONFIRMATION': {
      const email = param(error, 'email');
      return {
        main: t.errNeedsConfirmation(email),
        extra: [text(`stage ${primaryAlias('erase', locale)} ${email} ${t.confirmWord}`)],
      };
    }
    case 'COMMAND.UNCLOSED_QUOTE':
      return { main: t.errUnclosedQuote, extra: [] };
    default:
      return assertNever(error.code);
  }
}

const keyOf = (error: CommandUsageError): string =>
  `command.error.${error.code
    .replace(/^COMMAND\./, '')
    .toLowerCase()
    .replaceAll('_', '-')}`;

/**
 * A usage error as a private reply: what is wrong, a hint when there is one, and the right
 * form of the command. Values the person typed are quoted back as plain text (renderers escape).
 */
export function renderCommandError(error: CommandUsageError, locale: Locale): Message {
  const t = pick(commandTexts, locale);
  const { main, extra } = explain(error, t, locale);
  const usage =
    error.command && error.code !== 'COMMAND.NEEDS_CONFIRMATION'
      ? [text(t.usage(usageLine(error.command, locale)), 'muted')]
      : [];
  return { key: keyOf(error), summary: main, blocks: [text(main), ...extra, ...usage] };
}
