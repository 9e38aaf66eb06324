import { renderImportSummary } from '../../core/notices/import-summary';
import { appTextsFor } from '../../core/notices/texts';
import { audit } from '../../infra/db/repositories/audit';
import { parsePlacementsCsv } from '../placements/parse-csv';
import { savePlacement } from '../placements/save-placement';
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
  const result = await exportPlacements(input.tx, input.cipher, scope, {
    actor: input.actor.id,
    at: input.now,
    allowedCohortIds: allowed,
  });
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
        to: { personId: input.actor.id },
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
  const parsed = parsePlacementsCsv(input.file.content);
  const outcome = {
    applied: false,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: new Set(parsed.problems.map((p) => p.line)).size,
    problems: parsed.problems,
  };
  if (parsed.problems.length === 0 || command.skipInvalid) {
    for (const row of parsed.rows) outcome[(await savePlacement(input.tx, row.input, input.now)).outcome]++;
    outcome.applied = parsed.rows.length > 0;
    await audit(input.tx, {
      at: input.now,
      actor: input.actor.id,
      action: 'import',
      detail: { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged },
    });
  }
  return answer(renderImportSummary(outcome, input.locale));
};
