import { renderImportSummary } from '../../core/notices/import-summary';
import { appTextsFor } from '../../core/notices/texts';
import { applyPlacementsCsv } from '../placements/import-placements';
import { exportPlacements, exportToCsv } from '../privacy/export';
import { answer, type CommandHandler, noteReply } from './command-context';

/** Chat messages stay readable and within platform limits; bigger exports go through the CLI. */
const MAX_EXPORT_CHARS = 35_000;

export const exportCommand: CommandHandler<'export'> = async (input, command) => {
  const t = appTextsFor(input.locale);
  const scope =
    command.target?.kind === 'student'
      ? { student: command.target.email }
      : command.target?.kind === 'cohort'
        ? { cohort: command.target.cohort }
        : {};
  const allowed = input.scopes.includes(null)
    ? null
    : new Set(input.scopes.filter((s): s is string => s !== null));
  const result = await exportPlacements(input.stores, scope, {
    actor: input.actor.id,
    at: input.now,
    allowedCohortIds: allowed,
    includeCheckinContent: command.withCheckins,
  });
  if (!result.ok && result.error === 'EXPORT.NOT_YOURS') {
    return noteReply('command.not-your-cohort', t['error.notYourCohort']);
  }
  if (!result.ok) {
    return noteReply(
      'command.export-unknown',
      result.error === 'EXPORT.UNKNOWN_STUDENT'
        ? t['error.studentUnknown'](result.value)
        : t['error.cohortUnknown'](result.value),
    );
  }
  const body =
    command.format === 'csv' ? exportToCsv(result.document) : JSON.stringify(result.document, null, 2);
  const heading = t['cmd.exportHeading'](result.document.placements.length);
  if (body.length > MAX_EXPORT_CHARS) return noteReply('command.export-too-big', t['cmd.exportTruncated']);
  // Export content is sensitive: it always goes to the coordinator's direct conversation, even
  // when the command was typed in a channel (Teams shows channel replies to everyone).
  return {
    replies: [],
    outgoing: [
      {
        key: `export:${input.actor.id}:${input.inbound?.dedupeKey ?? input.now.toISOString()}`,
        to: { kind: 'person', personId: input.actor.id },
        mentions: result.studentIds,
        message: {
          key: 'command.export',
          summary: heading,
          blocks: [
            { type: 'text', text: heading, style: 'heading' },
            { type: 'quote', text: body },
          ],
        },
      },
    ],
  };
};

export const importCommand: CommandHandler<'import'> = async (input, command) => {
  const t = appTextsFor(input.locale);
  if (!input.file) return noteReply('command.import-needs-file', t['error.importNeedsFile']);
  const outcome = await applyPlacementsCsv(input.stores, input.file.content, {
    actor: input.actor.id,
    reach: input.scopes,
    at: input.now,
    skipInvalid: command.skipInvalid,
    cohortTimezone: input.defaultTimezone,
  });
  return answer(renderImportSummary(outcome, input.locale));
};
