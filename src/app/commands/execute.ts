import {
  parseCommand,
  renderCommandError,
  renderHelp,
  requiredRole,
  requiredScope,
} from '../../core/commands';
import { COMMAND_TABLE } from '../../core/commands/table';
import type { Command } from '../../core/commands/types';
import { appTextsFor, renderNote } from '../../core/notices/texts';
import { assertNever } from '../../core/shared/errors';
import { reachesAll } from '../access/reach';
import { eraseStudentIn } from '../privacy/erase';
import { renderOwnStatus } from '../use-cases/status';
import { cohortSettings, manageCoordinator, overview, setChannel } from './cohort-commands';
import { answer, type CommandInput, type CommandOutput, noteReply } from './command-context';
import {
  addPlacement,
  checkOffSubstitute,
  excuseReport,
  pausePlacement,
  remindStudent,
  resetLadder,
  resumePlacement,
  setSubstituteText,
} from './placement-commands';
import { exportCommand, importCommand } from './privacy-commands';

/**
 * Runs one coordinator command. The role is checked on the authenticated person (never a name
 * typed in the command); every command by a coordinator is audit-logged without its arguments.
 */
export async function executeCommandText(input: CommandInput, text: string): Promise<CommandOutput> {
  const parsed = parseCommand(text);
  if (!parsed.ok) return answer(renderCommandError(parsed.error, input.locale));
  const command = parsed.value;
  const scope = requiredScope(command);
  if ((scope === 'own-cohorts' || scope === 'all-cohorts') && input.scopes.length === 0) {
    const t = appTextsFor(input.locale);
    // The refusal names the command as the person would type it, in their language.
    const name =
      COMMAND_TABLE.find((spec) => spec.name === command.type)?.aliases[input.locale][0] ?? command.type;
    return noteReply('command.forbidden', t['error.notCoordinator'](name));
  }
  if (scope === 'all-cohorts' && !reachesAll(input.scopes)) {
    return noteReply('command.needs-all-cohorts', appTextsFor(input.locale)['error.needsAllCohorts']);
  }
  const output = await execute(input, command);
  // An erase writes its own single, content-free entry (and scrubs the others).
  if (requiredRole(command) === 'coordinator' && command.type !== 'erase') {
    await input.stores.audit.record({
      at: input.now,
      actor: input.actor.id,
      action: command.type === 'export' ? 'export' : 'command',
      detail: { command: command.type },
    });
  }
  return output;
}

async function execute(input: CommandInput, command: Command): Promise<CommandOutput> {
  switch (command.type) {
    case 'help':
      return answer(
        renderHelp(input.locale, command.topic, {
          audience: input.scopes.length > 0 ? 'coordinator' : 'anyone',
        }),
      );
    case 'me':
      return answer(await renderOwnStatus(input.stores, input.actor, input.locale, input.now));
    case 'overview':
      return overview(input, command);
    case 'add':
      return addPlacement(input, command);
    case 'import':
      return importCommand(input, command);
    case 'pause':
      return pausePlacement(input, command);
    case 'resume':
      return resumePlacement(input, command);
    case 'excuse':
      return excuseReport(input, command);
    case 'substitute':
      return setSubstituteText(input, command);
    case 'check-off':
      return checkOffSubstitute(input, command);
    case 'remind':
      return remindStudent(input, command);
    case 'channel':
      return setChannel(input, command);
    case 'settings':
      return cohortSettings(input, command);
    case 'export':
      return exportCommand(input, command);
    case 'erase': {
      const t = appTextsFor(input.locale);
      const result = await eraseStudentIn(input.stores, command.studentEmail, {
        actor: input.actor.id,
        at: input.now,
        reach: input.scopes,
      });
      if (result.ok) return answer(renderNote('command.erased', t['cmd.erased'](command.studentEmail)));
      return result.error === 'ERASE.NOT_YOURS'
        ? noteReply('command.not-your-cohort', t['error.personNotYours'])
        : noteReply('command.student-unknown', t['error.studentUnknown'](command.studentEmail));
    }
    case 'coordinator':
      return manageCoordinator(input, command);
    case 'reset':
      return resetLadder(input, command);
    default:
      return assertNever(command);
  }
}
