import type { Block, Locale, Message } from '../../core/messages/model';
import { appTextsFor } from '../../core/notices/texts';
import { formatDeadline, renderReportName } from '../../core/reports/format';
import type { Person } from '../../core/shared/person';
import { evaluatePlacement, type PlacementEvaluation } from '../placements/evaluate';
import { feedbackLoopOf } from '../placements/feedback-loop';
import type { Stores } from '../stores/stores';
import type { Unsealer } from '../stores/unsealer';
import { LANGUAGE_ACTION } from './language';

/** Student-facing lines about one placement: status, next report, owed items, ladder step, goals. */
export function placementFields(evaluation: PlacementEvaluation, locale: Locale, unseal: Unsealer): Block[] {
  const t = appTextsFor(locale);
  const { ladder, bundle, status } = evaluation;
  const next = ladder.reports.find((r) => r.status === 'pending');
  const owed = ladder.reports.filter((r) => r.owed || r.status === 'missed');
  const openSubstitutes = ladder.substitutes.filter((s) => s.status !== 'done');
  const submitted = ladder.reports.filter((r) => r.status === 'submitted' || r.status === 'late');
  const toRevise = bundle.reports.filter((r) => r.contentEnc && r.feedbackVerdict === 'needs-more');
  const fields = [
    {
      label: t['status.placement'],
      value: `${bundle.placement.organisation ?? bundle.cohort.name} (${bundle.placement.startDate} – ${bundle.placement.endDate})`,
    },
    { label: t['status.status'], value: t[`placementStatus.${status}`] },
    {
      label: t['status.nextReport'],
      value: next
        ? `${renderReportName(next, locale)}, ${formatDeadline(next.dueDate, locale)}`
        : t['status.nothing'],
    },
    {
      label: t['status.owed'],
      value: owed.length ? owed.map((r) => renderReportName(r, locale)).join(', ') : t['status.nothing'],
    },
    {
      label: t['status.substitutes'],
      value: openSubstitutes.length
        ? openSubstitutes.map((s) => `${formatDeadline(s.dueDate, locale)}`).join(', ')
        : t['status.nothing'],
    },
    ...(toRevise.length
      ? [{ label: t['status.toRevise'], value: toRevise.map((r) => renderReportName(r, locale)).join(', ') }]
      : []),
    { label: t['status.step'], value: String(ladder.step) },
    { label: t['status.history'], value: String(submitted.length) },
  ];
  const goals = unseal.goals(bundle.goals);
  const goalText = goals.length
    ? goals.map((goal, i) => `${i + 1}. ${goal}`).join('\n')
    : t['status.noGoals'];
  return [
    { type: 'fields', fields },
    { type: 'quote', label: t['status.goals'], text: goalText },
  ];
}

/**
 * A person's own overview ("mijn"/"me", Slack App Home): their placement as a student, the
 * students they supervise, the cohorts they coordinate. Never another student's content.
 */
export async function renderOwnStatus(
  stores: Pick<Stores, 'placements' | 'people' | 'cohorts' | 'unseal'>,
  person: Person,
  locale: Locale,
  at: Date,
): Promise<Message> {
  const t = appTextsFor(locale);
  const blocks: Block[] = [{ type: 'text', text: t['status.heading'], style: 'heading' }];

  const own = (await stores.placements.loadBundles({ studentId: person.id })).map((b) =>
    evaluatePlacement(b, at),
  );
  for (const evaluation of own)
    blocks.push(...placementFields(evaluation, locale, stores.unseal), { type: 'divider' });

  const supervised = (await stores.placements.loadBundles({ mentorId: person.id })).map((b) =>
    evaluatePlacement(b, at),
  );
  if (supervised.length > 0) {
    // Written for a mentor: what the status and the ladder step mean, and what waits for them.
    blocks.push({
      type: 'fields',
      fields: supervised.map((e) => {
        const waiting = feedbackLoopOf(e.bundle.reports).awaitingFeedback;
        return {
          label: `${t['status.mentorOf']}: ${e.bundle.student.name}`,
          value: t['status.mentorLine'](
            t[`placementStatus.${e.status}`],
            e.ladder.step > 0 ? t['status.mentorMisses'](e.ladder.step) : t['status.mentorNoMisses'],
            waiting > 0 ? t['status.mentorFeedback'](waiting) : '',
          ),
        };
      }),
    });
    blocks.push({ type: 'text', text: t['status.mentorHint'], style: 'muted' });
  }

  const scopes = await stores.people.coordinatorScopes(person.id);
  if (scopes.length > 0) {
    const cohorts = (await stores.cohorts.list()).filter(
      (c) => scopes.includes(null) || scopes.includes(c.id),
    );
    const fields = [];
    for (const cohort of cohorts) {
      // The cohort at a glance: counts only, no names of students in trouble on a shared screen.
      const evaluations = (await stores.placements.loadBundles({ cohortId: cohort.id })).map((b) =>
        evaluatePlacement(b, at),
      );
      const running = evaluations.filter((e) => e.status === 'active' || e.status === 'paused').length;
      const insufficient = evaluations.filter((e) => e.status === 'insufficient').length;
      const owed = evaluations.filter((e) => e.ladder.reports.some((r) => r.status === 'missed')).length;
      fields.push({
        label: `${t['status.coordinatorOf']}: ${cohort.name}`,
        value: t['status.cohortGlance'](running, owed, insufficient),
      });
    }
    blocks.push({ type: 'fields', fields });
  }
  if (blocks.length === 1) blocks.push({ type: 'text', text: t['status.none'] });
  // The language switch sits in the home view too: one click, the other language.
  blocks.push({
    type: 'actions',
    buttons: [
      { actionId: LANGUAGE_ACTION, label: t['language.button'], value: locale === 'nl' ? 'en' : 'nl' },
    ],
  });
  return { key: 'status.me', summary: t['status.heading'], blocks };
}
