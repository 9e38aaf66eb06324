import type { Block } from '../../core/messages/model';
import { appTextsFor, renderNote } from '../../core/notices/texts';
import { cohortSettingsSchema } from '../../core/shared/cohort';
import { evaluatePlacement } from '../placements/evaluate';
import { feedbackLoopOf } from '../placements/feedback-loop';
import type { PlacementFilter } from '../stores/placement-records';
import { answer, type CommandHandler, mayCoordinate, noteReply } from './command-context';

async function scopedCohort(input: Parameters<CommandHandler<'channel'>>[0], name: string) {
  const t = appTextsFor(input.locale);
  const cohort = await input.stores.cohorts.findByName(name);
  if (!cohort)
    return {
      ok: false as const,
      output: noteReply('command.cohort-unknown', t['error.cohortUnknown'](name)),
    };
  if (!mayCoordinate(input, cohort.id)) {
    return { ok: false as const, output: noteReply('command.not-your-cohort', t['error.notYourCohort']) };
  }
  return { ok: true as const, cohort };
}

/** A compact table of placements: status, ladder step, next report — no content. */
export const overview: CommandHandler<'overview'> = async (input, command) => {
  const t = appTextsFor(input.locale);
  let filter: PlacementFilter = { all: true };
  let title = (await input.stores.cohorts.list())
    .filter((c) => mayCoordinate(input, c.id))
    .map((c) => c.name)
    .join(', ');
  if (command.target?.kind === 'cohort') {
    const found = await scopedCohort(input, command.target.cohort);
    if (!found.ok) return found.output;
    filter = { cohortId: found.cohort.id };
    title = found.cohort.name;
  } else if (command.target?.kind === 'student') {
    const student = await input.stores.people.findByEmail(command.target.email);
    if (!student)
      return noteReply('command.student-unknown', t['error.studentUnknown'](command.target.email));
    filter = { studentId: student.id };
    title = student.name;
  }
  const found = await input.stores.placements.loadBundles(filter);
  // A named student with a placement outside the actor's cohorts is refused, as export does.
  if (command.target?.kind === 'student' && found.some((b) => !mayCoordinate(input, b.cohort.id))) {
    return noteReply('command.not-your-cohort', t['error.notYourCohort']);
  }
  const bundles = found.filter((b) => mayCoordinate(input, b.cohort.id));
  if (bundles.length === 0) return noteReply('command.overview', t['cmd.overviewEmpty']);
  const fields = bundles.map((bundle) => {
    const e = evaluatePlacement(bundle, input.now);
    const next = e.ladder.reports.find((r) => r.status === 'pending');
    const owed = e.ladder.reports.filter((r) => r.status === 'missed').length;
    const loop = feedbackLoopOf(bundle.reports);
    return {
      label: `${bundle.student.name} (${bundle.cohort.name})`,
      value: [
        t[`placementStatus.${e.status}`],
        `${t['status.step']}: ${e.ladder.step}`,
        `${t['status.owed']}: ${owed}`,
        `${t['status.nextReport']}: ${next?.dueDate ?? t['status.nothing']}`,
        ...(loop.awaitingFeedback > 0 ? [`${t['status.awaitingFeedback']}: ${loop.awaitingFeedback}`] : []),
        ...(loop.awaitingRevision > 0 ? [`${t['status.awaitingRevision']}: ${loop.awaitingRevision}`] : []),
      ].join(' · '),
    };
  });
  const blocks: Block[] = [{ type: 'text', text: t['cmd.overviewHeading'](title), style: 'heading' }];
  for (let i = 0; i < fields.length; i += 10)
    blocks.push({ type: 'fields', fields: fields.slice(i, i + 10) });
  return answer({ key: 'command.overview', summary: t['cmd.overviewHeading'](title), blocks });
};

export const setChannel: CommandHandler<'channel'> = async (input, command) => {
  const t = appTextsFor(input.locale);
  const found = await scopedCohort(input, command.cohort);
  if (!found.ok) return found.output;
  const inbound = input.inbound;
  if (inbound?.conversation.kind !== 'channel')
    return noteReply('command.channel-only', t['error.channelOnly']);
  await input.stores.cohorts.setDigestChannel(found.cohort.id, {
    platform: inbound.platform,
    tenant: inbound.tenant,
    channelId: inbound.conversation.id,
  });
  return noteReply('command.channel-set', t['cmd.channelSet'](found.cohort.name));
};

export const cohortSettings: CommandHandler<'settings'> = async (input, command) => {
  const t = appTextsFor(input.locale);
  const found = await scopedCohort(input, command.cohort);
  if (!found.ok) return found.output;
  const current = found.cohort.settings;
  if (command.patch) {
    const { escalation, ...rest } = command.patch;
    const next = cohortSettingsSchema.safeParse({
      ...current,
      ...rest,
      escalation: { ...current.escalation, ...escalation },
    });
    if (!next.success) {
      const detail = next.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      return noteReply('command.bad-settings', t['error.badSettings'](detail));
    }
    await input.stores.cohorts.saveSettings(found.cohort.id, next.data);
    return noteReply('command.settings-saved', t['cmd.settingsSaved'](found.cohort.name));
  }
  const s = current;
  return answer({
    key: 'command.settings',
    summary: t['cmd.settingsHeading'](found.cohort.name),
    blocks: [
      { type: 'text', text: t['cmd.settingsHeading'](found.cohort.name), style: 'heading' },
      {
        type: 'fields',
        fields: [
          { label: 'checkin_day / checkin_time', value: `${s.checkinWeekday} / ${s.checkinTime}` },
          { label: 'digest_day / digest_time', value: `${s.digestWeekday} / ${s.digestTime}` },
          { label: 'grace_days', value: String(s.escalation.graceDays) },
          { label: 'substitute_days', value: String(s.escalation.substituteDueDays) },
          { label: 'insufficient_at', value: String(s.escalation.insufficientAt) },
          { label: 'closed_dates', value: s.closedDates.join(', ') || '—' },
          { label: 'timezone', value: s.timezone },
          { label: 'retention_months', value: String(s.retentionMonths) },
          { label: 'hand_in_from_day', value: String(s.handInFromDay) },
        ],
      },
    ],
  });
};

export const manageCoordinator: CommandHandler<'coordinator'> = async (input, command) => {
  const t = appTextsFor(input.locale);
  let cohortId: string | null = null;
  if (command.cohort) {
    const found = await scopedCohort(input, command.cohort);
    if (!found.ok) return found.output;
    cohortId = found.cohort.id;
  } else if (!input.scopes.includes(null)) {
    // Only a coordinator of every cohort may hand out that same reach.
    return noteReply('command.not-your-cohort', t['error.notYourCohort']);
  }
  if (command.action === 'add') {
    const person = await input.stores.people.upsert({ email: command.email }, input.now);
    await input.stores.people.addCoordinator(person.id, cohortId);
    return noteReply('command.coordinator-added', t['cmd.coordinatorAdded'](command.email));
  }
  const person = await input.stores.people.findByEmail(command.email);
  if (person) await input.stores.people.removeCoordinator(person.id, cohortId);
  return answer(renderNote('command.coordinator-removed', t['cmd.coordinatorRemoved'](command.email)));
};
